// A plain IPv4/IPv6 unicast or multicast prefix (RFC 4271, RFC 4760).
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public record InetNlri(Family family, long pathId, IpPrefix prefix) implements Nlri {
    public InetNlri {
        Nlri.checkPathId(pathId);
        Nlri.checkAfi(family, prefix);
    }

    public static InetNlri of(String prefix) {
        IpPrefix p = IpPrefix.parse(prefix);
        return new InetNlri(new Family(p.afi(), Family.SAFI_UNICAST), NO_PATH_ID, p);
    }

    @Override
    public boolean hasPrefix() {
        return true;
    }
}
