// One IPv6 address specific extended community (RFC 5701): type, sub-type, IPv6 address, 2-byte local value.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.nlri.IpAddress;

public record Ipv6ExtendedCommunity(int type, int subtype, IpAddress address, int local) {
    public Ipv6ExtendedCommunity {
        if (type < 0 || type > 255 || subtype < 0 || subtype > 255 || local < 0 || local > 0xFFFF) {
            throw new IllegalArgumentException("IPv6 extended community field out of range");
        }
        if (address.isIpv4()) {
            throw new IllegalArgumentException("IPv6 extended community needs an IPv6 address");
        }
    }
}
