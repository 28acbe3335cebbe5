// AGGREGATOR (type 7, RFC 4271 section 5.1.7): AS (2 or 4 bytes as negotiated) and IPv4 address.
package org.bgpekko.wire.attribute;

public record Aggregator(long as, long address) implements PathAttribute {
    public Aggregator {
        Checks.u32(as, "AGGREGATOR AS");
        Checks.u32(address, "AGGREGATOR address");
    }

    @Override
    public int typeCode() {
        return AGGREGATOR;
    }
}
