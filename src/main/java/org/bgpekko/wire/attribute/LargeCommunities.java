// LARGE_COMMUNITY (type 32, RFC 8092): kept in received order; normalised() sorts and de-duplicates.
package org.bgpekko.wire.attribute;

import java.util.List;

public record LargeCommunities(List<LargeCommunity> values) implements PathAttribute {
    public LargeCommunities {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("LargeCommunities needs at least one value");
        }
    }

    /** Sorted with duplicates removed, as ExaBGP sends configured large communities. */
    public static LargeCommunities normalised(List<LargeCommunity> values) {
        return new LargeCommunities(values.stream().distinct().sorted().toList());
    }

    @Override
    public int typeCode() {
        return LARGE_COMMUNITY;
    }
}
