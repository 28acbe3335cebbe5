// One route-server client: its session's options and tie-breakers, and what it was sent or still has to be sent.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
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
    /** Prefix index -> why the policy keeps this client's route out of the candidates (RouteServer.Policy codes). */
    final Int2IntOpenHashMap filtered = new Int2IntOpenHashMap();

    Client(int index) {
        this.index = index;
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
}
