// An EVPN route (RFC 7432 section 7, ExaBGP's "l2vpn evpn"): route type and its value as on the wire.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;

/**
 * Decoded and re-encoded, not announced (ExaBGP's configuration has no EVPN routes either);
 * {@code org.bgpekko.wire.nlri.evpn.EvpnRoute} reads route types 1 to 5 as ExaBGP does.
 *
 * @param routeType the route type, 0..255
 * @param value the route type specific field, at most 255 bytes
 */
public record EvpnNlri(Family family, long pathId, int routeType, Bytes value) implements Nlri {
    public static final Family FAMILY = new Family(Family.AFI_L2VPN, Family.SAFI_EVPN);

    public EvpnNlri {
        Nlri.checkPathId(pathId);
        if (!family.equals(FAMILY)) {
            throw new IllegalArgumentException("an EVPN route is of family l2vpn evpn, not " + family);
        }
        if (routeType < 0 || routeType > 0xFF || value.length() > 0xFF) {
            throw new IllegalArgumentException("EVPN route type " + routeType + " or length " + value.length()
                    + " out of range");
        }
    }
}
