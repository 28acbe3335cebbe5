// A route from "static", "announce" or a template: NLRI, next hop (an address or "self") and attributes.
package org.bgpekko.config;

import java.util.Optional;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;

/**
 * @param nextHop the next hop, empty when "next-hop self" (resolved per session to the local address)
 * @param split announce the prefix as its sub-prefixes of this length, or -1
 * @param watchdog the watchdog group that can withdraw and re-announce it, or null
 * @param withdrawn true when it starts withdrawn ("withdraw" keyword, with a watchdog)
 */
public record RouteConfig(Nlri nlri, Optional<IpAddress> nextHop, PathAttributes attributes, int split, String name,
                          String watchdog, boolean withdrawn, Token at) {
    /** A route's {@code split} gives at most 2^16 routes, as one helper command may. */
    public static final int MAX_SPLIT_BITS = 16;

    public boolean nextHopSelf() {
        return nextHop.isEmpty();
    }
}
