// One route of a "show adj-rib in|out" answer, as the Rib hands it to the writer the helper asked for (text, JSON).
package org.bgpekko.rib;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;

/**
 * The Rib knows nothing of the helper's output formats: {@code api} writes each route with a {@link Format}.
 *
 * @param neighbor the neighbour whose Adj-RIB-In or Adj-RIB-Out holds the route
 * @param in true for the Adj-RIB-In, false for the Adj-RIB-Out
 * @param nlri the route, with its path identifier when the session uses ADD-PATH for its family
 * @param nextHop the next hop as text ("self" for an operator's route with next-hop self), or null when none
 * @param attributes the path attributes (without NEXT_HOP and the MP attributes): as received for the Adj-RIB-In,
 *     as sent (or to be sent) for the Adj-RIB-Out
 * @param source for a route the route server relays to {@code neighbor}: the client it came from; else null
 * @param policy for a route of a route-server client's Adj-RIB-In that the policy keeps from the other clients:
 *     why; else null
 */
public record ShownRoute(IpAddress neighbor, boolean in, Nlri nlri, String nextHop, PathAttributes attributes,
                         IpAddress source, Verdict policy) {
    public ShownRoute(IpAddress neighbor, boolean in, Nlri nlri, String nextHop, PathAttributes attributes,
                      IpAddress source) {
        this(neighbor, in, nlri, nextHop, attributes, source, null);
    }

    /**
     * The route server's policy on a received route (arouteserver's reject code and its text).
     *
     * @param filtered true when the import policy filtered it (not a candidate); false when it was accepted but is
     *     announced to no client (RPKI invalid without reject_invalid)
     */
    public record Verdict(int code, String reason, boolean filtered) {}

    /** Writes one route as one line. */
    @FunctionalInterface
    public interface Format {
        String line(ShownRoute route);
    }

    /**
     * The next hop of received or relayed attributes: the MP_REACH_NLRI next-hop field (its global address when it
     * also carries a link-local one, the address after the zero route distinguisher of a VPN family) or, when that
     * is empty, the NEXT_HOP attribute; null when neither exists.
     */
    static String nextHop(PathAttributes attributes, Bytes mpField) {
        if (mpField != null && mpField.length() > 0) {
            byte[] b = mpField.toArray();
            return switch (b.length) {
                case 4, 16 -> IpAddress.read(b, 0, b.length).toString();
                case 32 -> IpAddress.read(b, 0, 16).toString();
                case 12, 24 -> IpAddress.read(b, 8, b.length - 8).toString();
                default -> mpField.toString();
            };
        }
        return attributes.get(NextHop.class).map(n -> n.address().toString()).orElse(null);
    }
}
