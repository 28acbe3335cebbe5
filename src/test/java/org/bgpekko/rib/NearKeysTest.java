// NearKeys: distinct IPv4 keys stay distinct, neighbours share buckets' neighbourhood, groups spread; NlriSlots on them.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.SplittableRandom;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class NearKeysTest {
    private static long key(long address, int length) {
        return address << 8 | length;
    }

    @Test
    void distinctKeysStayDistinct() {
        LongOpenHashSet in = new LongOpenHashSet();
        LongOpenHashSet out = new LongOpenHashSet();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200_000; i++) { // sequential /32s, every length of one address, random keys and longs
            long k = switch (i % 4) {
                case 0 -> key(0x0A000000L + i, 32);
                case 1 -> key(0xC0000200L, i % 33) + ((long) i << 40);
                case 2 -> key(random.nextLong(1L << 32), random.nextInt(33));
                default -> random.nextLong();
            };
            if (in.add(k)) {
                assertTrue(out.add(NearKeys.ipv4(k)), "two keys mapped to one: " + k);
            }
        }
    }

    @Test
    void fourNeighboursShareNeighbouringBucketsAndGroupsSpread() {
        int groups = 1 << 16;
        int mask = (1 << 20) - 1; // the buckets of a table of about 400,000 keys
        IntOpenHashSet starts = new IntOpenHashSet();
        for (int g = 0; g < groups; g++) {
            int first = (int) HashCommon.mix(NearKeys.ipv4(key(0x0A000000L + 4L * g, 32))) & mask;
            for (int i = 1; i < 4; i++) {
                int bucket = (int) HashCommon.mix(NearKeys.ipv4(key(0x0A000000L + 4L * g + i, 32))) & mask;
                assertEquals(first + i, bucket, "address " + i + " of group " + g);
            }
            starts.add(first >>> 2);
        }
        // 65,536 groups thrown at random into 262,144 places: about 57,800 distinct places expected
        assertTrue(starts.size() > 56_000, "groups spread: " + starts.size() + " distinct places");
    }

    @Test
    void slotKeysAreABijectionWithFourNeighboursInNeighbouringBuckets() {
        IntOpenHashSet in = new IntOpenHashSet();
        IntOpenHashSet out = new IntOpenHashSet();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 400_000; i++) { // sequential slots, then any ints (negative ones too)
            int s = i < 200_000 ? i : random.nextInt();
            if (in.add(s)) {
                assertTrue(out.add(NearKeys.slot(s)), "two slots mapped to one: " + s);
            }
        }
        int mask = (1 << 16) - 1; // the buckets of a table of about 30,000 keys
        IntOpenHashSet starts = new IntOpenHashSet();
        for (int g = 0; g < 1 << 12; g++) {
            int first = HashCommon.mix(NearKeys.slot(4 * g)) & mask;
            for (int i = 1; i < 4; i++) {
                assertEquals(first + i, HashCommon.mix(NearKeys.slot(4 * g + i)) & mask, "slot " + i + " of group " + g);
            }
            starts.add(first >>> 2);
        }
        // 4,096 groups thrown at random into 16,384 places: about 3,600 distinct places expected
        assertTrue(starts.size() > 3_400, "groups spread: " + starts.size() + " distinct places");
    }

    @Test
    void slotsOfAMillionSequentialPrefixesAreFoundAndReleased() {
        NlriSlots slots = new NlriSlots();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertEquals(i, slots.acquire(nlri(0x0A000000L + i, 32)));
        }
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, slots.find(Family.IPV4_UNICAST, 0, 0x0A000000L + i, 32));
            assertEquals(-1, slots.find(Family.IPV4_UNICAST, 0, 0x0A000000L + i, 31));
        }
        for (int i = 0; i < n; i++) {
            slots.release(i);
        }
        assertEquals(0, slots.size());
        assertEquals(-1, slots.find(Family.IPV4_UNICAST, 0, 0x0A000000L, 32));
    }

    private static Nlri nlri(long address, int length) {
        return new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, IpPrefix.ipv4(address, length));
    }
}
