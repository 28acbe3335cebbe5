// A BGP/MPLS IP VPN prefix (RFC 4364, RFC 4659, ExaBGP's "mpls-vpn"): labels, route distinguisher, prefix.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

public record VpnNlri(Family family, long pathId, Labels labels, RouteDistinguisher rd, IpPrefix prefix)
        implements Nlri {
    public VpnNlri {
        Nlri.checkPathId(pathId);
        Nlri.checkAfi(family, prefix);
    }

    @Override
    public boolean hasPrefix() {
        return true;
    }
}
