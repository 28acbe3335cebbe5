// A client's export policy changed: the prefixes whose best path or exported attributes differ for it are queued.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compares, over the candidates as they stand, what client {@code target} gets under the policy it had and under the
 * current one: the best path (every path it may receive, with ADD-PATH) and the bytes sent for it. Only prefixes where
 * they differ are queued, so a reload that changes nothing for a client puts nothing on its wire. Answers are kept per
 * (source, attribute set) for the pass: prefixes of one UPDATE share them.
 */
final class ExportDiff {
    private final RouteServer rs;
    private final Client cl;
    private final ServerPolicy before;
    private final ServerPolicy now;
    private final Decision previous;
    /** (source, kind, attr) -> bits: 1 exportable before, 2 exportable now, 4 the same bytes (or not sent either way). */
    private final Long2IntOpenHashMap seen = new Long2IntOpenHashMap();

    ExportDiff(RouteServer rs, Client cl, ServerPolicy before, ServerPolicy now, Decision previous) {
        this.rs = rs;
        this.cl = cl;
        this.before = before;
        this.now = now;
        this.previous = previous;
    }

    /** Queues the prefixes whose export changed; true when any was. */
    boolean run() {
        if (!Objects.equals(before.exportIdentity(cl.index), now.exportIdentity(cl.index)) && cl.group != null) {
            cl.group.leave(cl); // its group was keyed on the export it had: on its own until it joins its new one
        }
        Prefixes px = rs.prefixes;
        boolean queued = false;
        for (int p = 0; p < px.capacity(); p++) {
            int kind = px.kind(p);
            if (!px.hasCandidates(p) || !cl.has(kind) || cl.queued(p)) {
                continue;
            }
            if (differs(px.candidates(p), kind)) {
                queued |= rs.queue(cl, p);
            }
        }
        return queued;
    }

    private boolean differs(int[] cand, int kind) {
        if (cl.addPath(kind)) {
            for (int i = 0; i < cand.length; i += 2) {
                int v = pair(cand[i], cand[i + 1], kind);
                if ((v & 1) != (v & 2) >> 1 || (v & 4) == 0) {
                    return true;
                }
            }
            return false;
        }
        int a = -1; // the best before (Decision.best under the old policy), from the answers kept per pair
        int b = -1; // and now
        for (int i = 0; i < cand.length && (a < 0 || b < 0); i += 2) {
            int v = pair(cand[i], cand[i + 1], kind);
            if (a < 0 && (v & 1) != 0) {
                a = i;
            }
            if (b < 0 && (v & 2) != 0) {
                b = i;
            }
        }
        return a != b || a >= 0 && (pair(cand[a], cand[a + 1], kind) & 4) == 0;
    }

    /** The bits of {@link #seen} for a candidate. */
    private int pair(int source, int attr, int kind) {
        long key = (long) source << 33 | (long) kind << 32 | attr & 0xFFFFFFFFL;
        int v = seen.get(key);
        if (v == 0) {
            boolean was = previous.exportable(cl, source, attr, kind);
            boolean is = rs.decision().exportable(cl, source, attr, kind);
            v = ((was ? 1 : 0) | (is ? 2 : 0) | (!was || !is || sameBytes(attr) ? 4 : 0));
            seen.put(key, v);
        }
        return v;
    }

    private boolean sameBytes(int attr) {
        boolean r1 = before.rewrites(cl.index, attr);
        boolean r2 = now.rewrites(cl.index, attr);
        if (!r1 && !r2) {
            return true;
        }
        byte[] canonical = rs.store().canonical(attr);
        byte[] a = r1 ? before.exportCanonical(cl.index, attr, canonical) : canonical;
        byte[] b = r2 ? now.exportCanonical(cl.index, attr, canonical) : canonical;
        return Arrays.equals(a, b);
    }
}
