// An update group's ADD-PATH side: the paths it last announced per prefix, and what each member reads of them.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * For the families whose members negotiated ADD-PATH send (RFC 7911) an update group shares every path, not a best
 * one (docs/decisions.md D18). A path's identifier is its source client's index + 1, the same for every member, so
 * one encoding serves all: the group writes, per changed prefix, the paths its members may receive (their own aside)
 * whose attribute set changed since it last wrote them, and withdraws the ones gone, each in an entry labelled with
 * the path's source. A member skips the entries of its own label: with ADD-PATH each path is its own NLRI, so its
 * own path is simply not sent and nothing needs writing for it alone. Members a candidate names (a policy's
 * {@code peer_as} control communities) take the prefix on their own queue, as in the best-path entries.
 */
final class GroupPaths {
    /** An attribute set that is not known: the path is announced again whatever it is now. */
    private static final int UNKNOWN = -1;
    /** No path of this source. */
    private static final int NONE = Integer.MIN_VALUE;

    /** The chunk of the batch being written for a label and the members excepted. */
    @FunctionalInterface
    interface Chunks {
        RelayWriter.Chunk of(int label, BitSet except);
    }

    private final UpdateGroup g;
    private final RouteServer rs;
    /** Prefix index -> the paths the group last wrote, {@code [source, attr, ...]}; a reference each key. */
    private final Int2ObjectOpenHashMap<int[]> sent = new Int2ObjectOpenHashMap<>();

    GroupPaths(UpdateGroup g, RouteServer rs) {
        this.g = g;
        this.rs = rs;
    }

    /**
     * Writes prefix {@code p}'s changes into the batch: a reference on the prefix per entry it is in (the caller
     * releases the queue's). Returns the growth of the batch's estimate.
     */
    int write(int p, int kind, int[] cand, Chunks chunks) {
        Prefixes px = rs.prefixes;
        int[] before = sent.getOrDefault(p, Prefixes.NONE);
        BitSet except = g.named(cand, cand.length);
        int[] now = new int[cand.length];
        int n = view(cand, kind, now);
        int estimate = 0;
        for (int i = 0; i < n; i += 2) {
            int s = now[i];
            int a = now[i + 1];
            if (attr(before, before.length, s) != a) {
                RelayWriter.Chunk c = chunks.of(s, except);
                int was = c.estimate;
                c.announce(kind, a, s + 1L, p);
                estimate += c.estimate - was;
                px.retain(p);
            }
        }
        for (int i = 0; i < before.length; i += 2) {
            if (attr(now, n, before[i]) == NONE) {
                RelayWriter.Chunk c = chunks.of(before[i], except);
                int was = c.estimate;
                c.withdraw(kind, before[i] + 1L, p);
                estimate += c.estimate - was;
                px.retain(p);
            }
        }
        if (n == 0) {
            if (sent.remove(p) != null) {
                px.release(p);
            }
        } else {
            if (before.length == 0) {
                px.retain(p);
            }
            sent.put(p, Arrays.copyOf(now, n));
        }
        for (int m = except == null ? -1 : except.nextSetBit(0); m >= 0; m = except.nextSetBit(m + 1)) {
            rs.queue(rs.client(m), p); // its own paths, written for it alone (it skips the entries)
        }
        return estimate;
    }

    /**
     * Member {@code cl} reads entry {@code label}'s prefixes: nothing when they are its own paths; on its own queue when
     * a candidate names it; else its paths sent follow. An entry of withdrawals only, none of which it holds, is not
     * sent to it. Returns the bytes added to {@code out}.
     */
    int read(Client cl, int label, BitSet except, int[] announced, int[] withdrawn, List<byte[]> messages, int bytes,
             List<byte[]> out) {
        if (label == cl.index) {
            return 0;
        }
        if (except != null && except.get(cl.index)) {
            for (int p : announced) {
                rs.queue(cl, p);
            }
            for (int p : withdrawn) {
                rs.queue(cl, p);
            }
            return 0;
        }
        Prefixes px = rs.prefixes;
        boolean held = false;
        for (int p : withdrawn) {
            if (cl.dropPath(p, label)) {
                px.release(p);
                held = true;
            }
        }
        if (!held && announced.length == 0) {
            return 0;
        }
        for (int p : announced) {
            if (cl.holdPath(p, label)) {
                px.retain(p);
            }
        }
        out.addAll(messages);
        return bytes;
    }

    /**
     * Client {@code cl} joined, holding what it was written on its own: the current paths. The first member makes the
     * group's record of what it wrote: the paths of the table as the group sees them, so that what goes later is
     * withdrawn. A later one may have been written, for the prefixes the group has queued, paths since the group last
     * wrote them: those the group writes whole next time (every path it has announced again, every path it or the
     * member had and that is gone withdrawn). Elsewhere a path it holds that the group did not write (a set that names
     * members is seen through another member when members came and went) is recorded, so that its end is withdrawn.
     */
    void joined(Client cl) {
        if (cl.addPathKinds == 0) {
            return;
        }
        if (g.members.size() == 1) {
            record();
            return;
        }
        g.queue.forEach(p -> merge(p, cl.pathsSent.getOrDefault(p, Prefixes.NONE), true));
        cl.pathsSent.forEach((p, held) -> {
            if (!g.queue.contains(p)) {
                merge(p, held, false);
            }
        });
    }

    /** Adds the sources {@code held} the record of prefix {@code p} lacks as {@link #UNKNOWN}; all when {@code all}. */
    private void merge(int p, int[] held, boolean all) {
        int[] pairs = sent.getOrDefault(p, Prefixes.NONE);
        int[] merged = new int[pairs.length + 2 * held.length];
        int n = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            merged[n++] = pairs[i];
            merged[n++] = all ? UNKNOWN : pairs[i + 1];
        }
        for (int s : held) {
            if (attr(pairs, pairs.length, s) == NONE) {
                merged[n++] = s;
                merged[n++] = UNKNOWN;
            }
        }
        if (n == pairs.length && !all || n == 0) {
            return;
        }
        if (pairs.length == 0) {
            rs.prefixes.retain(p);
        }
        sent.put(p, Arrays.copyOf(merged, n));
    }

    /** The group's record of the table as if it had written all of it (a new group: its queue is empty). */
    private void record() {
        Prefixes px = rs.prefixes;
        for (int p = 0; p < px.capacity(); p++) {
            int kind = px.kind(p);
            if (!px.hasCandidates(p) || (g.key.kinds() & 1 << kind) == 0 || !g.addPath(kind)) {
                continue;
            }
            int[] cand = px.candidates(p);
            int[] now = new int[cand.length];
            int n = view(cand, kind, now);
            if (n > 0) {
                px.retain(p);
                sent.put(p, Arrays.copyOf(now, n));
            }
        }
    }

    /** The group dissolved: its references go. */
    void dissolve() {
        sent.keySet().forEach(rs.prefixes::release);
        sent.clear();
    }

    /** The paths of {@code cand} the members may receive (their own aside), into {@code out}; their count x 2. */
    private int view(int[] cand, int kind, int[] out) {
        int n = 0;
        for (int i = 0; i < cand.length; i += 2) {
            if (rs.decision().groupAllows(g, cand[i], cand[i + 1], kind)) {
                out[n++] = cand[i];
                out[n++] = cand[i + 1];
            }
        }
        return n;
    }

    /** The attribute set of source {@code s} among the first {@code n} values of {@code pairs}, or {@link #NONE}. */
    private static int attr(int[] pairs, int n, int s) {
        for (int i = 0; i < n; i += 2) {
            if (pairs[i] == s) {
                return pairs[i + 1];
            }
        }
        return NONE;
    }
}
