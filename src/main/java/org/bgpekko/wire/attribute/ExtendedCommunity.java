// One extended community (RFC 4360 and its registries): 8 bytes, type and sub-type first.
package org.bgpekko.wire.attribute;

/** @param value the 8 wire bytes as one big-endian long */
public record ExtendedCommunity(long value) implements Comparable<ExtendedCommunity> {
    public static final int TRANSITIVE_TWO_OCTET_AS = 0x00;
    public static final int TRANSITIVE_IPV4 = 0x01;
    public static final int TRANSITIVE_FOUR_OCTET_AS = 0x02;
    public static final int TRANSITIVE_OPAQUE = 0x03;
    public static final int GENERIC_EXPERIMENTAL = 0x80;
    public static final int GENERIC_EXPERIMENTAL_2 = 0x81;
    public static final int GENERIC_EXPERIMENTAL_3 = 0x82;
    public static final int SUB_ROUTE_TARGET = 0x02;
    public static final int SUB_ROUTE_ORIGIN = 0x03;

    public int type() {
        return (int) (value >>> 56) & 0xFF;
    }

    public int subtype() {
        return (int) (value >>> 48) & 0xFF;
    }

    /** Two-octet-AS specific form (types 0x00/0x40 etc.): AS in bytes 2-3, number in bytes 4-7. */
    public static ExtendedCommunity twoOctetAs(int type, int subtype, long as, long number) {
        return new ExtendedCommunity((long) type << 56 | (long) subtype << 48 | (as & 0xFFFF) << 32 | (number & 0xFFFFFFFFL));
    }

    /** IPv4-address specific form: address in bytes 2-5, number in bytes 6-7. */
    public static ExtendedCommunity ipv4(int type, int subtype, long address, int number) {
        return new ExtendedCommunity((long) type << 56 | (long) subtype << 48 | (address & 0xFFFFFFFFL) << 16 | (number & 0xFFFF));
    }

    /** Four-octet-AS specific form: AS in bytes 2-5, number in bytes 6-7. */
    public static ExtendedCommunity fourOctetAs(int type, int subtype, long as, int number) {
        return ipv4(type, subtype, as, number);
    }

    @Override
    public int compareTo(ExtendedCommunity o) {
        return Long.compareUnsigned(value, o.value);
    }
}
