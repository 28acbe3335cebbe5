// Extended message capability (code 6, RFC 8654): messages up to 65535 bytes.
package org.bgpekko.wire.capability;

public record ExtendedMessage() implements Capability {
    @Override
    public int code() {
        return EXTENDED_MESSAGE;
    }
}
