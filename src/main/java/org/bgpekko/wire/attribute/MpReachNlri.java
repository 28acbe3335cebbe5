// MP_REACH_NLRI (type 14, RFC 4760): family, next hop as sent, and the reachable NLRI.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * @param nextHop the next-hop field as on the wire (4/16/32 bytes, 12/24/48 with a zero RD for VPNs, 0 for FlowSpec)
 */
public record MpReachNlri(Family family, Bytes nextHop, NlriBlock nlri) implements PathAttribute {
    public MpReachNlri {
        if (!nlri.family().equals(family)) {
            throw new IllegalArgumentException("NLRI of " + nlri.family() + " in MP_REACH_NLRI of " + family);
        }
        if (nextHop.length() > 255) {
            throw new IllegalArgumentException("next hop longer than 255 bytes");
        }
    }

    @Override
    public int typeCode() {
        return MP_REACH_NLRI;
    }
}
