// Keys for fastutil's open hash maps (IPv4 prefixes, slot numbers) that put neighbours in neighbouring buckets.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.HashCommon;

/**
 * fastutil puts a key {@code k} in bucket {@code mix(k) & mask}, spread at random: a helper's million sequential /32s
 * then cost a cache miss or two each in a table of tens of megabytes, the largest item of the Rib's profile. The key
 * given to the map here is {@code invMix(near(k))}, so its bucket is {@code near(k) & mask}, where {@code near} is a
 * bijection that keeps the lowest {@link #GROUP_BITS} bits of the address and scrambles all the others: four
 * neighbouring addresses share a cache line, and the groups of four are spread as randomly as single keys were. Larger
 * groups cluster (linear probing runs through whole groups), smaller ones lose the locality: groups of 4 took about
 * 75 ns per insert of a million sequential /32s where fastutil's own spread took about 105 (and 16 took 135), and no
 * longer for a million random /24s. Being a bijection, the keys stay distinct; only the map's layout changes (a
 * fastutil whose {@code mix} differed would lose the locality, never a key).
 */
final class NearKeys {
    static final int GROUP_BITS = 2;
    private static final long PHI = 0x9E3779B97F4A7C15L;
    private static final long MASK = (1L << 64 - GROUP_BITS) - 1;
    private static final int INT_PHI = 0x9E3779B9;
    private static final int INT_MASK = (1 << 32 - GROUP_BITS) - 1;

    private NearKeys() {}

    /** The map key of an IPv4 key ({@code address << 8 | length}, or any long). */
    static long ipv4(long key) {
        long r = Long.rotateRight(key, 8); // the address's low bits lowest, the length at the top
        long x = (r >>> GROUP_BITS) * PHI & MASK; // a bijection of the other bits: odd multiply, xorshift, again
        x ^= x >>> 29;
        x = x * PHI & MASK;
        x ^= x >>> 31;
        return HashCommon.invMix(x << GROUP_BITS | r & (1 << GROUP_BITS) - 1);
    }

    /**
     * The map key of a slot number ({@link NlriSlots}), for fastutil's int maps: the same layout as {@link #ipv4}.
     * Slots are handed out in order, so the slots of a helper's sequential prefixes are consecutive numbers, and the
     * pending changes of a batch ({@link PendingChanges}) then fill neighbouring buckets four at a time.
     */
    static int slot(int slot) {
        int x = (slot >>> GROUP_BITS) * INT_PHI & INT_MASK; // a bijection of the other 30 bits, as ipv4 does
        x ^= x >>> 15;
        x = x * INT_PHI & INT_MASK;
        x ^= x >>> 16;
        return HashCommon.invMix(x << GROUP_BITS | slot & (1 << GROUP_BITS) - 1);
    }
}
