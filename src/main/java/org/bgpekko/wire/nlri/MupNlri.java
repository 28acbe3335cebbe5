// A Mobile User Plane route (draft-mpmz-bess-mup-safi, SAFI 85, ExaBGP's "mup"): architecture, route type, value.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;

/**
 * The value is kept as sent; {@code org.bgpekko.wire.nlri.mup.MupRoute} reads the 3GPP-5G route types ExaBGP knows
 * (architecture 1: ISD, DSD, Type 1 and Type 2 session transformed routes) and builds them.
 *
 * @param archType the architecture type, 0..255 (1 = 3GPP-5G)
 * @param routeType the route type, 0..65535
 * @param value the route type specific field, at most 255 bytes
 */
public record MupNlri(Family family, long pathId, int archType, int routeType, Bytes value) implements Nlri {
    public MupNlri {
        Nlri.checkPathId(pathId);
        if (family.safi() != Family.SAFI_MUP || family.addressLength() < 0) {
            throw new IllegalArgumentException("a MUP route is of family ipv4/ipv6 mup, not " + family);
        }
        if (archType < 0 || archType > 0xFF || routeType < 0 || routeType > 0xFFFF || value.length() > 0xFF) {
            throw new IllegalArgumentException("MUP architecture " + archType + ", route type " + routeType
                    + " or length " + value.length() + " out of range");
        }
    }
}
