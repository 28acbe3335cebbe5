// The BGP decision process (RFC 4271 section 9.1.2.2) as an order on candidates, and what a client may receive.
package org.bgpekko.rs;

import java.util.List;
import org.bgpekko.wire.Family;

/**
 * The order, best first: highest LOCAL_PREF (100 when absent), shortest AS_PATH (an AS_SET counts one), lowest
 * ORIGIN, lowest MED among paths from the same neighbour AS (0 when absent), a path from an external client before
 * one from an internal client, lowest BGP identifier, lowest peer address; last the client index, so the order is
 * total over the sources of one prefix. IGP cost does not exist at a route server (next hops are not resolved).
 *
 * <p>MED is compared only within a neighbour AS, so the order is not transitive across ASes; a new candidate goes
 * before the first one it beats, as BIRD does without {@code deterministic med}: the result may depend on arrival
 * order when several neighbour ASes send different MEDs.
 */
final class Decision {
    private final Ranks ranks;
    private final List<Client> clients;
    private final ServerPolicy policy;

    Decision(Ranks ranks, List<Client> clients, ServerPolicy policy) {
        this.ranks = ranks;
        this.clients = clients;
        this.policy = policy;
    }

    /** The same order and rules with another policy's export decisions (what a client got before a reload). */
    Decision with(ServerPolicy other) {
        return new Decision(ranks, clients, other);
    }

    /** {@code cand} with {@code (source, attr)} inserted before the first candidate it beats. */
    int[] insert(int[] cand, int source, int attr) {
        if (cand.length == 0) {
            return ranks.single(source, attr);
        }
        int at = cand.length;
        for (int i = 0; i < cand.length; i += 2) {
            if (compare(source, attr, cand[i], cand[i + 1]) < 0) {
                at = i;
                break;
            }
        }
        int[] out = new int[cand.length + 2];
        System.arraycopy(cand, 0, out, 0, at);
        out[at] = source;
        out[at + 1] = attr;
        System.arraycopy(cand, at, out, at + 2, cand.length - at);
        return out;
    }

    /** Negative when path a is preferred over path b. */
    int compare(int srcA, int a, int srcB, int b) {
        int c = Long.compare(ranks.localPref(b), ranks.localPref(a));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(ranks.asPathLength(a), ranks.asPathLength(b));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(ranks.origin(a), ranks.origin(b));
        if (c != 0) {
            return c;
        }
        if (ranks.neighborAs(a) == ranks.neighborAs(b)) {
            c = Long.compare(ranks.med(a), ranks.med(b));
            if (c != 0) {
                return c;
            }
        }
        RouteServer.ClientSession sa = session(srcA);
        RouteServer.ClientSession sb = session(srcB);
        if (sa != null && sb != null) {
            c = Boolean.compare(sb.external(), sa.external());
            if (c != 0) {
                return c;
            }
            c = Long.compare(sa.routerId(), sb.routerId());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(sa.address().afi(), sb.address().afi());
            c = c != 0 ? c : Long.compareUnsigned(sa.address().hi(), sb.address().hi());
            c = c != 0 ? c : Long.compareUnsigned(sa.address().lo(), sb.address().lo());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(srcA, srcB);
    }

    /** The position of the first candidate client {@code cl} may receive, or -1. */
    int best(int[] cand, Client cl, int kind) {
        for (int i = 0; i < cand.length; i += 2) {
            if (exportable(cl, cand[i], cand[i + 1], kind)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of the first candidate the members of update group {@code g} may receive, their own paths aside (a
     * member whose own path this is gets the next one, written for it alone), and the members a candidate names aside
     * ({@link UpdateGroup#named}: they get their own best, written for them alone), or -1.
     */
    int groupBest(int[] cand, UpdateGroup g, int kind) {
        for (int i = 0; i < cand.length; i += 2) {
            if (allowed(g.target(cand[i + 1]), cand[i], cand[i + 1], kind)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * May the members of update group {@code g} receive the path of {@code source} (ADD-PATH: every such path is
     * shared), their own paths and the members a candidate names aside, as in {@link #groupBest}?
     */
    boolean groupAllows(UpdateGroup g, int source, int attr, int kind) {
        return allowed(g.target(attr), source, attr, kind);
    }

    /**
     * May client {@code cl} receive the path of {@code source}? Not its own (RFC 7947 section 2.3.2.1); not an IPv4
     * route with an IPv6 next hop unless the session negotiated extended next hop (RFC 8950); not one the client's
     * export policy refuses ({@link ServerPolicy}): a rejected best falls through to the next candidate.
     */
    boolean exportable(Client cl, int source, int attr, int kind) {
        return source != cl.index && allowed(cl, source, attr, kind);
    }

    /** {@link #exportable} but for the rule that a client never gets its own path. */
    private boolean allowed(Client cl, int source, int attr, int kind) {
        return (kind != Prefixes.IPV4 || ranks.nextHopLength(attr) <= 4
                || cl.session.options().extendedNextHop().contains(Family.IPV4_UNICAST))
                && policy.exportable(cl.index, source, attr);
    }

    private RouteServer.ClientSession session(int source) {
        Client c = source < clients.size() ? clients.get(source) : null;
        return c == null ? null : c.session;
    }
}
