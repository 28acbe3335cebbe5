// A multicast VPN route (RFC 6514 section 4, ExaBGP's "mcast-vpn"): route type and its value as on the wire.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;

/**
 * The value is kept as sent; {@code org.bgpekko.wire.nlri.mvpn.MvpnRoute} reads the route types ExaBGP knows (5
 * Source Active A-D, 6 C-multicast Shared Tree Join, 7 C-multicast Source Tree Join) and builds them.
 *
 * @param routeType the route type, 0..255
 * @param value the route type specific field, at most 255 bytes
 */
public record MvpnNlri(Family family, long pathId, int routeType, Bytes value) implements Nlri {
    public MvpnNlri {
        Nlri.checkPathId(pathId);
        if (family.safi() != Family.SAFI_MCAST_VPN || family.addressLength() < 0) {
            throw new IllegalArgumentException("an MVPN route is of family ipv4/ipv6 mcast-vpn, not " + family);
        }
        if (routeType < 0 || routeType > 0xFF || value.length() > 0xFF) {
            throw new IllegalArgumentException("MVPN route type " + routeType + " or length " + value.length()
                    + " out of range");
        }
    }
}
