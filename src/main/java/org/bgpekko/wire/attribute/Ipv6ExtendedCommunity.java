// One IPv6 address specific extended community (RFC 5701): type, sub-type, IPv6 address, 2-byte local value.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.nlri.IpAddress;

public record Ipv6ExtendedCommunity(int type, int subtype, IpAddress address, int local)
        implements Comparable<Ipv6ExtendedCommunity> {
    public Ipv6ExtendedCommunity {
        if (type < 0 || type > 255 || subtype < 0 || subtype > 255 || local < 0 || local > 0xFFFF) {
            throw new IllegalArgumentException("IPv6 extended community field out of range");
        }
        if (address.isIpv4()) {
            throw new IllegalArgumentException("IPv6 extended community needs an IPv6 address");
        }
    }

    /** By the 20 wire bytes, as ExaBGP sorts them. */
    @Override
    public int compareTo(Ipv6ExtendedCommunity o) {
        int c = Integer.compare(type, o.type);
        c = c != 0 ? c : Integer.compare(subtype, o.subtype);
        c = c != 0 ? c : Long.compareUnsigned(address.hi(), o.address.hi());
        c = c != 0 ? c : Long.compareUnsigned(address.lo(), o.address.lo());
        return c != 0 ? c : Integer.compare(local, o.local);
    }
}
