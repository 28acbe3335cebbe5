// NEXT_HOP (type 3, RFC 4271 section 5.1.3): the IPv4 next hop of the NLRI field.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.nlri.IpAddress;

public record NextHop(IpAddress address) implements PathAttribute {
    public NextHop {
        if (!address.isIpv4()) {
            throw new IllegalArgumentException("NEXT_HOP attribute carries IPv4 only: " + address);
        }
    }

    public static NextHop of(String ip) {
        return new NextHop(IpAddress.parse(ip));
    }

    @Override
    public int typeCode() {
        return NEXT_HOP;
    }
}
