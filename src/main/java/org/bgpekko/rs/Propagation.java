// How a change of a prefix's candidates reaches the clients: queued per update group and per client written alone.
package org.bgpekko.rs;

import java.util.BitSet;
import java.util.List;

/** Part of {@link RouteServer} (same state, same thread): which clients' best paths a change of candidates moved. */
final class Propagation {
    private final RouteServer rs;

    Propagation(RouteServer rs) {
        this.rs = rs;
    }

    /**
     * Queues the prefix for every client whose best path (or, with ADD-PATH, whose set of paths) changed: for an
     * update group when the group's best changed (the member whose own path it was gets the group's new best from
     * the log, the member whose own path it is now its own best: {@link UpdateGroup}), and for the member whose own
     * path the group's best stays when its own best changed, and the members a candidate names (a policy's
     * {@code peer_as} control communities) whose own best changed while the group's stayed.
     */
    boolean propagate(int p, int[] old, int[] now, int source) {
        int kind = rs.prefixes.kind(p);
        boolean queued = false;
        for (UpdateGroup g : rs.groups()) {
            if ((g.key.kinds() & 1 << kind) == 0) {
                continue;
            }
            if (g.addPath(kind)) {
                // every path is shared: the group writes what changed ({@link GroupPaths}); a member a candidate named
                // before may hold a path the group never wrote (announced only to it): its own queue looks again
                g.queue(p);
                BitSet was = g.named(old, old.length);
                for (int c = was == null ? -1 : was.nextSetBit(0); c >= 0; c = was.nextSetBit(c + 1)) {
                    Client cl = member(g, c);
                    if (cl != null) {
                        rs.queue(cl, p);
                    }
                }
                queued = true;
                continue;
            }
            int a = rs.decision().groupBest(old, g, kind);
            int b = rs.decision().groupBest(now, g, kind);
            int was = a >= 0 ? old[a] : -1;
            if (a < 0 ? b >= 0 : b < 0 || old[a] != now[b] || old[a + 1] != now[b + 1]) {
                Client m = member(g, was);
                Client n = b >= 0 && now[b] != was ? member(g, now[b]) : null;
                g.bestChanged(p, !g.queue(p), was, m, m != null && b >= 0 && now[b] != was
                        && sameBest(m, old, now, kind), n, n != null && sameBest(n, old, now, kind),
                        holding(g, g.named(now, b < 0 ? now.length : b), was, n, old, now, kind));
                queued = true;
            } else {
                queued |= member(g, was, p, old, now, kind); // the group's best is this member's own path
                queued |= named(g, g.named(old, a < 0 ? old.length : a), was, p, old, now, kind);
                queued |= named(g, g.named(now, b < 0 ? now.length : b), was, p, old, now, kind);
            }
        }
        List<Client> solo = rs.solo();
        for (int i = 0, n = solo.size(); i < n; i++) { // indexed: no iterator per changed prefix
            Client cl = solo.get(i);
            if (!cl.has(kind) || cl.index == source) {
                continue;
            }
            boolean changed;
            if (cl.addPath(kind)) {
                changed = true;
            } else {
                int a = rs.decision().best(old, cl, kind);
                int b = rs.decision().best(now, cl, kind);
                changed = a < 0 ? b >= 0 : b < 0 || old[a] != now[b] || old[a + 1] != now[b + 1];
            }
            if (changed) {
                queued |= rs.queue(cl, p);
            }
        }
        return queued;
    }

    /** Client {@code c}, when it is a member of {@code g}, gets {@code p} on its own queue if its own best changed. */
    private boolean member(UpdateGroup g, int c, int p, int[] old, int[] now, int kind) {
        Client cl = member(g, c);
        return cl != null && !sameBest(cl, old, now, kind) && rs.queue(cl, p);
    }

    /**
     * The members of {@code g} in {@code named} (but {@code was}, done) get {@code p} on their own queue if their own
     * best changed: the group's entries do not reach them for it ({@link UpdateGroup#named}).
     */
    private boolean named(UpdateGroup g, BitSet named, int was, int p, int[] old, int[] now, int kind) {
        boolean queued = false;
        for (int c = named == null ? -1 : named.nextSetBit(0); c >= 0; c = named.nextSetBit(c + 1)) {
            if (c != was) {
                queued |= member(g, c, p, old, now, kind);
            }
        }
        return queued;
    }

    /**
     * The members in {@code named} (but the old and new sources, which {@link UpdateGroup#bestChanged} handles) whose
     * own best did not change and that have the prefix not queued: they hold their best already. Null for none.
     */
    private BitSet holding(UpdateGroup g, BitSet named, int was, Client n, int[] old, int[] now, int kind) {
        BitSet out = null;
        for (int c = named == null ? -1 : named.nextSetBit(0); c >= 0; c = named.nextSetBit(c + 1)) {
            Client cl = member(g, c);
            if (cl != null && c != was && cl != n && sameBest(cl, old, now, kind)) {
                if (out == null) {
                    out = new BitSet();
                }
                out.set(c);
            }
        }
        return out;
    }

    /** Client {@code c} when it is a member of {@code g}, else null. */
    private Client member(UpdateGroup g, int c) {
        Client cl = c >= 0 && c < rs.clientCount() ? rs.client(c) : null;
        return cl != null && cl.group == g ? cl : null;
    }

    private boolean sameBest(Client cl, int[] old, int[] now, int kind) {
        int a = rs.decision().best(old, cl, kind);
        int b = rs.decision().best(now, cl, kind);
        return a < 0 ? b < 0 : b >= 0 && old[a] == now[b] && old[a + 1] == now[b + 1];
    }
}
