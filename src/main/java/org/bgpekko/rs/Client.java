// One route-server client: its session's options and tie-breakers, and what it was sent or still has to be sent.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Compact per-client state (no Loc-RIB, no change object per route): a bit per prefix index for "sent", a bit per
 * prefix waiting to be looked at again, and for ADD-PATH sessions the sources sent per prefix.
 * The first pass over the table after the session comes up is a cursor over prefix indices, so a new session costs
 * no queue of the whole table.
 */
final class Client {
    final int index;
    RouteServer.ClientSession session;
    /** Bit per prefix kind ({@link Prefixes#IPV4}, {@link Prefixes#IPV6}): negotiated, and with ADD-PATH send. */
    int kinds;
    int addPathKinds;
    /** True until the first pass (and its End-of-RIB) is out; prefixes at or past the cursor are not queued. */
    boolean initial;
    int cursor;
    final BitSet sent = new BitSet();
    /** The prefixes waiting to be looked at again (its own queue, also while it is in an update group). */
    private final PrefixQueue queued = new PrefixQueue();
    /** The update group it reads its UPDATEs from (null: written on its own), and its position in the group's log. */
    UpdateGroup group;
    long position;
    /** ADD-PATH sessions: prefix index -> the sources whose path was sent, ascending. */
    final Int2ObjectOpenHashMap<int[]> pathsSent = new Int2ObjectOpenHashMap<>();
    /** Prefix index -> why the policy keeps this client's route out of the candidates (ServerPolicy codes). */
    final Int2IntOpenHashMap filtered = new Int2IntOpenHashMap();

    /** {@link RouteServer#standing} of a route the client does not have. */
    static final int ABSENT = Integer.MIN_VALUE;
    /** Per prefix kind: the client's routes that are candidates or accepted for nobody, and those filtered. */
    private final long[] accepted = new long[2];
    private final long[] rejected = new long[2];
    /** Bit per kind: a max-prefix limit was reached and the client has not been below it since. */
    private int over;

    Client(int index) {
        this.index = index;
    }

    /** Counts a route standing as {@code code} (0 or negative: accepted; positive: filtered) in or out. */
    void count(int kind, int code, int delta) {
        if (code == ABSENT || code == ServerPolicy.LIMIT_BLOCKED) {
            return;
        }
        if (code > 0) {
            rejected[kind] += delta;
        } else {
            accepted[kind] += delta;
        }
    }

    /** Does a route standing as {@code code} count towards the max-prefix limit? */
    boolean counts(int code, boolean countRejected) {
        return code != ABSENT && code != ServerPolicy.LIMIT_BLOCKED && (code <= 0 || countRejected);
    }

    /** The routes of a kind counted towards a limit, as {@link #counts} says. */
    long held(int kind, boolean countRejected) {
        return accepted[kind] + (countRejected ? rejected[kind] : 0);
    }

    boolean over(int kind) {
        return (over & 1 << kind) != 0;
    }

    void setOver(int kind, boolean on) {
        over = on ? over | 1 << kind : over & ~(1 << kind);
    }

    boolean up() {
        return session != null;
    }

    boolean has(int kind) {
        return (kinds & 1 << kind) != 0;
    }

    boolean addPath(int kind) {
        return (addPathKinds & 1 << kind) != 0;
    }

    /** Queues a prefix (once); false when it was queued already. */
    boolean queue(int p) {
        return queued.add(p);
    }

    boolean queued(int p) {
        return queued.contains(p);
    }

    boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** The next queued prefix, taken off the queue ({@link PrefixQueue#poll}: a sweep in index order). */
    int poll() {
        return queued.poll();
    }

    int queuedCount() {
        return queued.size();
    }

    /** ADD-PATH: records that source {@code s}'s path for prefix {@code p} was sent; false when it was already. */
    boolean holdPath(int p, int s) {
        int[] before = pathsSent.getOrDefault(p, Prefixes.NONE);
        int at = Arrays.binarySearch(before, s);
        if (at >= 0) {
            return false;
        }
        int[] after = new int[before.length + 1];
        int i = -at - 1;
        System.arraycopy(before, 0, after, 0, i);
        after[i] = s;
        System.arraycopy(before, i, after, i + 1, before.length - i);
        pathsSent.put(p, after);
        return true;
    }

    /** ADD-PATH: records that source {@code s}'s path for prefix {@code p} was withdrawn; false when it was not held. */
    boolean dropPath(int p, int s) {
        int[] before = pathsSent.get(p);
        int at = before == null ? -1 : Arrays.binarySearch(before, s);
        if (at < 0) {
            return false;
        }
        if (before.length == 1) {
            pathsSent.remove(p);
        } else {
            int[] after = new int[before.length - 1];
            System.arraycopy(before, 0, after, 0, at);
            System.arraycopy(before, at + 1, after, at, before.length - at - 1);
            pathsSent.put(p, after);
        }
        return true;
    }

    /** ADD-PATH: does the client hold source {@code s}'s path for prefix {@code p}? */
    boolean holdsPath(int p, int s) {
        int[] sent = pathsSent.get(p);
        return sent != null && Arrays.binarySearch(sent, s) >= 0;
    }
}
