// AS4_AGGREGATOR (type 18, RFC 6793): the 4-byte aggregator beside AS_TRANS in AGGREGATOR.
package org.bgpekko.wire.attribute;

public record As4Aggregator(long as, long address) implements PathAttribute {
    public As4Aggregator {
        Checks.u32(as, "AS4_AGGREGATOR AS");
        Checks.u32(address, "AS4_AGGREGATOR address");
    }

    @Override
    public int typeCode() {
        return AS4_AGGREGATOR;
    }
}
