// Edits a prefix's candidate list: one client's path added, replaced or removed, with the references that go with it.
package org.bgpekko.rs;

import java.util.Arrays;

/**
 * The candidate lists of {@link Prefixes} are replaced, never changed in place, so that {@link Propagation} can compare
 * each client's best before and after. A candidate holds a reference on its attribute set (the store's, {@link Ranks}'
 * and the policy's facts) and on its prefix index.
 */
final class CandidateLists {
    private final Prefixes prefixes;
    private final Ranks ranks;
    private final RouteServer.AttributeSource store;
    private final ServerPolicy policy;
    private final Decision decision;
    private final Propagation propagation;

    CandidateLists(Prefixes prefixes, Ranks ranks, RouteServer.AttributeSource store, ServerPolicy policy,
                   Decision decision, Propagation propagation) {
        this.prefixes = prefixes;
        this.ranks = ranks;
        this.store = store;
        this.policy = policy;
        this.decision = decision;
        this.propagation = propagation;
    }

    /** Client {@code source}'s path for prefix {@code p} has set {@code attr} now; true when something was queued. */
    boolean announce(int source, int p, int attr, byte[] canonical) {
        int[] old = prefixes.candidates(p);
        int at = indexOf(old, source);
        if (at >= 0 && old[at + 1] == attr) {
            return false;
        }
        store.retain(attr);
        ranks.hold(attr, canonical);
        if (ranks.holders(attr) == 1) {
            policy.held(attr, canonical);
        }
        int[] without = old;
        if (at >= 0) {
            without = cut(old, at);
        } else {
            prefixes.retain(p);
        }
        int[] now = decision.insert(without, source, attr);
        prefixes.setCandidates(p, now);
        boolean queued = propagation.propagate(p, old, now, source);
        if (at >= 0) {
            release(old[at + 1]);
        }
        return queued;
    }

    /** Client {@code source}'s path for prefix {@code p} is gone (it is a candidate); true when something was queued. */
    boolean remove(int source, int p) {
        int[] old = prefixes.candidates(p);
        int at = indexOf(old, source);
        int[] now = cut(old, at);
        prefixes.setCandidates(p, now);
        boolean queued = propagation.propagate(p, old, now, source);
        release(old[at + 1]);
        prefixes.release(p);
        return queued;
    }

    private void release(int attr) {
        ranks.let(attr);
        if (ranks.holders(attr) == 0) {
            policy.released(attr);
        }
        store.release(attr);
    }

    /** Where {@code source}'s pair is in a {@code [client, attribute id]} list (null: none), or -1. */
    static int indexOf(int[] cand, int source) {
        if (cand == null) {
            return -1;
        }
        for (int i = 0; i < cand.length; i += 2) {
            if (cand[i] == source) {
                return i;
            }
        }
        return -1;
    }

    /** {@code cand} without the candidate at {@code at}; a list of one left is the shared one ({@link Ranks}). */
    private int[] cut(int[] cand, int at) {
        if (cand.length == 2) {
            return Prefixes.NONE;
        }
        if (cand.length == 4) {
            int keep = at == 0 ? 2 : 0;
            return ranks.single(cand[keep], cand[keep + 1]);
        }
        int[] out = Arrays.copyOf(cand, cand.length - 2);
        System.arraycopy(cand, at + 2, out, at, cand.length - at - 2);
        return out;
    }
}
