// The route server's prefixes: an index per prefix, and each prefix's candidate paths kept sorted best first.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import org.bgpekko.wire.Family;

/**
 * One table for every client (BIRD's sorted table): a prefix's candidates are {@code int} pairs {@code [source,
 * attribute id]} in decision order, best first, so a client's best path is the first candidate it may receive and
 * no Loc-RIB per client exists. Arrays are replaced, never changed in place: the list before a change stays
 * readable while the change is propagated.
 *
 * <p>A prefix index is reference counted: each candidate holds one, and so does each client that was sent the
 * prefix or has it queued, has its route there filtered, or holds a route for it in an indexed Adj-RIB-In; an index
 * with none is reused. IPv4 keys are {@code address << 8 | length} (no object);
 * IPv6 keys are a small record.
 */
final class Prefixes {
    static final int IPV4 = 0;
    static final int IPV6 = 1;
    static final int[] NONE = new int[0];

    private record V6(long hi, long lo, int length) {}

    /** IPv4 keys, each beside its index ({@link LongIntTable}: a look-up is about one cache miss, not two). */
    private final LongIntTable ipv4 = new LongIntTable();
    private final Object2IntOpenHashMap<V6> ipv6 = new Object2IntOpenHashMap<>();
    private int[][] candidates = new int[64][];
    /**
     * By index: the routes that route-server clients with an indexed Adj-RIB-In ({@link IndexedRoutes}) hold for the
     * prefix, {@code [client, attribute id]} pairs in no order, or null; replaced, never changed in place (like the
     * candidates, and often the same array as them: {@link RouteServer}).
     */
    private int[][] held = new int[64][];
    /** The high half of IPv6 prefixes; null while there is none (an IPv4 table does not pay for it). */
    private long[] hi;
    private long[] lo = new long[64];
    /** By index: length << 1 | family. */
    private short[] lengthAndFamily = new short[64];
    private int[] refs = new int[64];
    private int[] free = new int[16];
    private int freeCount;
    private int next;

    Prefixes() {
        ipv6.defaultReturnValue(-1);
    }

    static int kind(Family f) {
        if (f.equals(Family.IPV4_UNICAST)) {
            return IPV4;
        }
        return f.equals(Family.IPV6_UNICAST) ? IPV6 : -1;
    }

    static Family family(int kind) {
        return kind == IPV4 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }

    /** The index of a prefix, or -1. */
    int find(int kind, long h, long l, int length) {
        return kind == IPV4 ? ipv4.get(l << 8 | length) : ipv6.getInt(new V6(h, l, length));
    }

    /** The index of a prefix, made when new (with no reference: the caller takes one). */
    int index(int kind, long h, long l, int length) {
        int p = find(kind, h, l, length);
        if (p >= 0) {
            return p;
        }
        p = freeCount > 0 ? free[--freeCount] : next++;
        if (p == refs.length) {
            int n = p * 2;
            candidates = Arrays.copyOf(candidates, n);
            held = Arrays.copyOf(held, n);
            hi = hi == null ? null : Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
            lengthAndFamily = Arrays.copyOf(lengthAndFamily, n);
            refs = Arrays.copyOf(refs, n);
        }
        if (kind == IPV6 && hi == null) {
            hi = new long[refs.length];
        }
        if (hi != null) {
            hi[p] = h;
        }
        lo[p] = l;
        lengthAndFamily[p] = (short) (length << 1 | kind);
        candidates[p] = NONE;
        refs[p] = 0;
        if (kind == IPV4) {
            ipv4.put(l << 8 | length, p);
        } else {
            ipv6.put(new V6(h, l, length), p);
        }
        return p;
    }

    void retain(int p) {
        refs[p]++;
    }

    void release(int p) {
        if (--refs[p] == 0) {
            if (kind(p) == IPV4) {
                ipv4.remove(lo[p] << 8 | length(p));
            } else {
                ipv6.removeInt(new V6(hi[p], lo[p], length(p)));
            }
            candidates[p] = null;
            held[p] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = p;
        }
    }

    int[] candidates(int p) {
        return candidates[p];
    }

    void setCandidates(int p, int[] c) {
        candidates[p] = c;
    }

    /** The Adj-RIB-In routes held for prefix {@code p} ({@link #held}), or null. */
    int[] held(int p) {
        return held[p];
    }

    void setHeld(int p, int[] h) {
        held[p] = h;
    }

    int kind(int p) {
        return lengthAndFamily[p] & 1;
    }

    int length(int p) {
        return lengthAndFamily[p] >>> 1;
    }

    long hi(int p) {
        return hi == null ? 0 : hi[p];
    }

    long lo(int p) {
        return lo[p];
    }

    /** Indices handed out so far, plus one: the range a cursor walks. */
    int capacity() {
        return next;
    }

    /** True when the index is live and has candidates. */
    boolean hasCandidates(int p) {
        int[] c = candidates[p];
        return c != null && c.length > 0;
    }

    /** Number of live prefixes. */
    int size() {
        return ipv4.size() + ipv6.size();
    }

    int refCount(int p) {
        return refs[p];
    }
}
