// EXTENDED_COMMUNITIES (type 16, RFC 4360): kept in received order; sorted() orders by 8-byte value.
package org.bgpekko.wire.attribute;

import java.util.List;

public record ExtendedCommunities(List<ExtendedCommunity> values) implements PathAttribute {
    public ExtendedCommunities {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("ExtendedCommunities needs at least one value");
        }
    }

    /** Sorted by unsigned 8-byte value, as ExaBGP sends configured extended communities. */
    public static ExtendedCommunities sorted(List<ExtendedCommunity> values) {
        return new ExtendedCommunities(values.stream().sorted().toList());
    }

    @Override
    public int typeCode() {
        return EXTENDED_COMMUNITIES;
    }
}
