// What an Adj-RIB-Out route is announced with: attributes and next hop (or self); NLRI sharing it share UPDATEs.
package org.bgpekko.rib;

import java.util.Optional;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * @param attributes path attributes without NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI
 * @param nextHop the next hop; empty for "next-hop self", resolved per session to its local address
 */
public record OutboundAttributes(PathAttributes attributes, Optional<IpAddress> nextHop) {
    public boolean nextHopSelf() {
        return nextHop.isEmpty();
    }
}
