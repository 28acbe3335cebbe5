// ExaBGP's operational-message capability (code 185, draft-ietf-idr-operational-message): no value.
package org.bgpekko.wire.capability;

public record Operational() implements Capability {
    @Override
    public int code() {
        return OPERATIONAL;
    }
}
