// IPV6_EXTENDED_COMMUNITIES (type 25, RFC 5701): 20-byte entries.
package org.bgpekko.wire.attribute;

import java.util.List;

public record Ipv6ExtendedCommunities(List<Ipv6ExtendedCommunity> values) implements PathAttribute {
    public Ipv6ExtendedCommunities {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Ipv6ExtendedCommunities needs at least one value");
        }
    }

    @Override
    public int typeCode() {
        return IPV6_EXTENDED_COMMUNITIES;
    }
}
