// An open-addressing hash map from long keys to non-negative ints, each key beside its value in one int array.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.HashCommon;

/**
 * The IPv4 prefix tables of the route server and the Adj-RIB-In ({@code address << 8 | length} -> prefix index or
 * attribute id) hold a million keys, far more than the caches: each look-up is a cache miss. fastutil's
 * {@code Long2IntOpenHashMap} keeps keys and values in two arrays, so a hit costs two misses (the key, then the value);
 * here a slot is three ints (the key's high and low halves, the value) in one array, so the value is on the key's cache
 * line and a look-up costs about one (docs/decisions.md D7). Same bytes per slot as fastutil (12), same layout otherwise:
 * linear probing on {@code HashCommon.mix(key)}, a power-of-two capacity at most three quarters full, backward-shift
 * deletion, halved when a quarter of that is left. A negative value marks a free slot, so values must be {@code >= 0};
 * {@link #get} answers -1 for a key not held. Single-threaded.
 */
public final class LongIntTable {
    /** Receives one entry. */
    @FunctionalInterface
    public interface Entry {
        void accept(long key, int value);
    }

    private static final int MIN = 16;
    private int[] t;
    private int mask;
    private int size;
    private int maxFill;

    public LongIntTable() {
        allocate(MIN);
    }

    private void allocate(int n) {
        t = new int[3 * n];
        java.util.Arrays.fill(t, -1);
        mask = n - 1;
        maxFill = n / 4 * 3;
    }

    public int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        return (int) HashCommon.mix(key) & mask;
    }

    private long key(int pos) {
        return (long) t[3 * pos] << 32 | t[3 * pos + 1] & 0xFFFF_FFFFL;
    }

    private int find(long key) {
        int hi = (int) (key >>> 32);
        int lo = (int) key;
        for (int pos = slot(key, mask); ; pos = pos + 1 & mask) {
            int i = 3 * pos;
            if (t[i + 2] < 0) {
                return -1 - pos;
            }
            if (t[i + 1] == lo && t[i] == hi) {
                return pos;
            }
        }
    }

    /** The value of {@code key}, or -1. */
    public int get(long key) {
        int pos = find(key);
        return pos < 0 ? -1 : t[3 * pos + 2];
    }

    /** Maps {@code key} to {@code value} ({@code >= 0}); the value it had, or -1. */
    public int put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int pos = find(key);
        if (pos >= 0) {
            int old = t[3 * pos + 2];
            t[3 * pos + 2] = value;
            return old;
        }
        int i = 3 * (-1 - pos);
        t[i] = (int) (key >>> 32);
        t[i + 1] = (int) key;
        t[i + 2] = value;
        if (++size > maxFill) {
            rehash(2 * (mask + 1));
        }
        return -1;
    }

    /** Removes {@code key}; the value it had, or -1. */
    public int remove(long key) {
        int pos = find(key);
        if (pos < 0) {
            return -1;
        }
        int old = t[3 * pos + 2];
        shift(pos);
        size--;
        if (mask + 1 > MIN && size < maxFill / 4) {
            rehash((mask + 1) / 2);
        }
        return old;
    }

    /** Closes the gap at {@code pos}: later keys of its probe run move back (backward-shift deletion). */
    private void shift(int pos) {
        for (;;) {
            int last = pos;
            pos = pos + 1 & mask;
            for (;;) {
                if (t[3 * pos + 2] < 0) {
                    t[3 * last + 2] = -1;
                    return;
                }
                int home = slot(key(pos), mask);
                if (last <= pos ? last >= home || home > pos : last >= home && home > pos) {
                    break;
                }
                pos = pos + 1 & mask;
            }
            System.arraycopy(t, 3 * pos, t, 3 * last, 3);
        }
    }

    private void rehash(int n) {
        int[] old = t;
        allocate(n);
        for (int i = 0; i < old.length; i += 3) {
            if (old[i + 2] >= 0) {
                long key = (long) old[i] << 32 | old[i + 1] & 0xFFFF_FFFFL;
                int pos = slot(key, mask);
                while (t[3 * pos + 2] >= 0) {
                    pos = pos + 1 & mask;
                }
                System.arraycopy(old, i, t, 3 * pos, 3);
            }
        }
    }

    /** Every entry, in no particular order; the table must not change meanwhile. */
    public void forEach(Entry visitor) {
        for (int i = 0; i < t.length; i += 3) {
            if (t[i + 2] >= 0) {
                visitor.accept((long) t[i] << 32 | t[i + 1] & 0xFFFF_FFFFL, t[i + 2]);
            }
        }
    }

    /** Removes every entry and gives the memory back. */
    public void clear() {
        allocate(MIN);
        size = 0;
    }
}
