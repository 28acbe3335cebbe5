// A map from slot number to a long (-1 when absent) whose clear keeps the capacity of one round, bounded.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

/**
 * {@link #clear} keeps the capacity the map needed since the previous clear, up to {@link #KEEP} entries, and gives
 * back the rest: a run of equal rounds (a helper's batches, a flush each) does not grow the table from nothing again
 * every round (rounds of 8,192 puts took four and a half times as long with that growth), and a large round does not
 * keep its capacity for good (at most some 200 KB stay). Keys go in by {@link NearKeys#slot}: consecutive slots share
 * neighbouring buckets.
 */
final class SlotLongMap {
    /** The most entries whose capacity a clear keeps: a batch of a helper's lines. */
    static final int KEEP = 8_192;

    private final Int2LongOpenHashMap map = new Int2LongOpenHashMap();
    /** The most entries held since the last clear. */
    private int peak;

    SlotLongMap() {
        map.defaultReturnValue(-1);
    }

    long get(int slot) {
        return map.get(NearKeys.slot(slot));
    }

    void put(int slot, long value) {
        map.put(NearKeys.slot(slot), value);
        peak = Math.max(peak, map.size());
    }

    /** Puts {@code value} when {@code slot} has none, and returns the value it had (-1: none, {@code value} put). */
    long putIfAbsent(int slot, long value) {
        long before = map.putIfAbsent(NearKeys.slot(slot), value);
        peak = Math.max(peak, map.size());
        return before;
    }

    /** The value removed, or -1. */
    long remove(int slot) {
        return map.remove(NearKeys.slot(slot));
    }

    void clear() {
        map.clear();
        map.trim(Math.min(peak, KEEP));
        peak = 0;
    }
}
