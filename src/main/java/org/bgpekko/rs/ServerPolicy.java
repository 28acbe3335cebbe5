// The route server's policy hooks (arouteserver's model is one: rs.policy.ArsPolicy), and the max-prefix limit.
package org.bgpekko.rs;

import org.bgpekko.wire.Family;

/**
 * The route server's policy (arouteserver's model: {@code rs.policy}). Import: a route the client's checks reject
 * stays in its Adj-RIB-In (RFC 7947 section 2.1, kept by the Rib) with its reason, and is never a candidate.
 * Export: a candidate a client's export policy refuses is passed over for the next one (BIRD's {@code secondary}),
 * and what is sent may be rewritten per client (prepends, added and removed communities).
 */
public interface ServerPolicy {
    /** Relays everything unchanged. */
    ServerPolicy NONE = new ServerPolicy() {};

    /**
     * 0 when client {@code source}'s route is accepted; a positive reject code when it is filtered; a negative
     * code when it is accepted but announced to no client. {@code kind} is 0 for IPv4 unicast, 1 for IPv6.
     */
    default int importCheck(int source, int kind, long hi, long lo, int length, int attr, byte[] canonical) {
        return 0;
    }

    /** An attribute set becomes held by candidates (first holder), or is held no more: per-set caches. */
    default void held(int attr, byte[] canonical) {}

    default void released(int attr) {}

    /** May client {@code target} be sent the path of {@code source} with attribute set {@code attr}? */
    default boolean exportable(int target, int source, int attr) {
        return true;
    }

    /** Does client {@code target} get set {@code attr} changed ({@link #exportCanonical})? */
    default boolean rewrites(int target, int attr) {
        return false;
    }

    /** The canonical bytes to send client {@code target} for set {@code attr} when {@link #rewrites} says so. */
    default byte[] exportCanonical(int target, int attr, byte[] canonical) {
        return canonical;
    }

    /**
     * What client {@code target}'s export decisions depend on: clients with equal identities (and sessions that
     * encode alike) share an update group, so {@link #exportable}, {@link #rewrites} and {@link #exportCanonical}
     * must give them the same answers for every set that {@link #names} none of them.
     */
    default Object exportIdentity(int target) {
        return NO_POLICY;
    }

    /**
     * Does set {@code attr} name particular clients of client {@code target}'s {@link #exportIdentity}
     * (arouteserver's {@code peer_as} control communities), so that its export may differ between them? False is the
     * common case; asked per candidate and update group.
     */
    default boolean peerSpecific(int target, int attr) {
        return false;
    }

    /**
     * Does set {@code attr} name client {@code target} ({@link #peerSpecific})? Clients of one export identity that
     * it does not name get the same answers for it.
     */
    default boolean names(int target, int attr) {
        return false;
    }

    /**
     * The attributes client {@code source}'s route is held with as a candidate when they are not those it sent
     * ({@code canonical}, kept in its Adj-RIB-In): asked right after {@link #importCheck} accepted the route, about
     * that route (arouteserver's import filter adds and removes communities, sets LOCAL_PREF). Null keeps the
     * received set. The route server interns what it gets, so routes with the same outcome share one set; returning
     * the same array again for the same outcome spares it the hashing (docs/decisions.md D-TAG).
     */
    default byte[] ingress(int source, byte[] canonical) {
        return null;
    }

    /** Client {@code source}'s max-prefix limit, or null when it has none. */
    default Limit limit(int source) {
        return null;
    }

    /** The export identity of a client without an export policy. */
    Object NO_POLICY = "no policy";

    /** The code of a route kept out of the candidates because its client was at its max-prefix limit. */
    int LIMIT_BLOCKED = 65534;

    /**
     * A max-prefix limit (BIRD's receive limit, or import limit without {@code countRejected}): the routes a client
     * may have per family. A route that would be one more is not taken (it is kept with {@link #LIMIT_BLOCKED}) unless
     * {@code admitBeyond}; either way the first such route of an episode is reported ({@link RouteServer#limitHits}).
     *
     * @param ipv4 the most IPv4 unicast routes (0: no limit)
     * @param ipv6 the most IPv6 unicast routes (0: no limit)
     * @param countRejected the routes the import policy filtered count as well
     */
    record Limit(long ipv4, long ipv6, boolean countRejected, boolean admitBeyond) {
        long of(int kind) {
            return kind == Prefixes.IPV4 ? ipv4 : ipv6;
        }
    }

    /** Client {@code client} had {@code limit} routes of {@code family} and was sent one more. */
    record LimitHit(int client, Family family, long limit) {}
}
