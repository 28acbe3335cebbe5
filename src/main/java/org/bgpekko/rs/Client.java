// One route-server client: its session's options and tie-breakers, and what it was sent or still has to be sent.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Compact per-client state (no Loc-RIB, no change object per route): a bit per prefix index for "sent", a bit and a
 * queue entry per prefix waiting to be looked at again, and for ADD-PATH sessions the sources sent per prefix.
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
    private final BitSet queued = new BitSet();
    private int[] queue = new int[16];
    private int head;
    private int tail;
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
        if (queued.get(p)) {
            return false;
        }
        queued.set(p);
        if (tail == queue.length) {
            if (head > queue.length / 2) {
                System.arraycopy(queue, head, queue, 0, tail - head);
                tail -= head;
                head = 0;
            } else {
                queue = Arrays.copyOf(queue, queue.length * 2);
            }
        }
        queue[tail++] = p;
        return true;
    }

    boolean hasQueued() {
        return head < tail;
    }

    /** The next queued prefix, taken off the queue. */
    int poll() {
        int p = queue[head++];
        queued.clear(p);
        if (head == tail) {
            head = 0;
            tail = 0;
            if (queue.length > 1 << 16) {
                queue = new int[16];
            }
        }
        return p;
    }

    int queuedCount() {
        return tail - head;
    }
}
