// ONLY_TO_CUSTOMER (OTC, type 35, RFC 9234 section 5): an AS number; the route goes only to customers from here on.
package org.bgpekko.wire.attribute;

/**
 * @param asn the AS that marked the route
 * @param flags the flags as received (optional and transitive, perhaps Partial or extended length, which a route server
 *     passes on and ExaBGP's output shows); {@link #of} gives the canonical 0xC0
 */
public record OnlyToCustomer(long asn, int flags) implements PathAttribute {
    public static final int CANONICAL_FLAGS = FLAG_OPTIONAL | FLAG_TRANSITIVE;

    public OnlyToCustomer {
        if (asn < 0 || asn > 0xFFFFFFFFL || (flags & 0xF0) != flags || (flags & CANONICAL_FLAGS) != CANONICAL_FLAGS) {
            throw new IllegalArgumentException("OTC AS or flags out of range");
        }
    }

    public static OnlyToCustomer of(long asn) {
        return new OnlyToCustomer(asn, CANONICAL_FLAGS);
    }

    /** The same attribute as an {@link UnknownAttribute}: ExaBGP (d7f4a9293) does not know type 35, its output shows it so. */
    public UnknownAttribute asUnknown() {
        byte[] v = {(byte) (asn >>> 24), (byte) (asn >>> 16), (byte) (asn >>> 8), (byte) asn};
        return new UnknownAttribute(flags, ONLY_TO_CUSTOMER, org.bgpekko.wire.Bytes.of(v));
    }

    @Override
    public int typeCode() {
        return ONLY_TO_CUSTOMER;
    }
}
