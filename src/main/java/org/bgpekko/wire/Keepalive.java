// KEEPALIVE (RFC 4271 section 4.4): the header alone.
package org.bgpekko.wire;

public record Keepalive() implements BgpMessage {
    public static final Keepalive INSTANCE = new Keepalive();

    @Override
    public int type() {
        return KEEPALIVE;
    }
}
