// SlotLongMap: -1 for an absent slot, putIfAbsent's answers, and a map that works the same across rounds of clears.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlotLongMapTest {
    @Test
    void absentIsMinusOneAndPutIfAbsentKeepsTheFirstValue() {
        SlotLongMap m = new SlotLongMap();
        assertEquals(-1, m.get(7));
        assertEquals(-1, m.putIfAbsent(7, 70), "absent: put");
        assertEquals(70, m.putIfAbsent(7, 71), "present: the value it had, unchanged");
        assertEquals(70, m.get(7));
        m.put(7, 72);
        assertEquals(72, m.remove(7));
        assertEquals(-1, m.remove(7));
        assertEquals(-1, m.get(7));
    }

    @Test
    void roundsLargeAndSmallKeepEveryValueUntilCleared() {
        SlotLongMap m = new SlotLongMap();
        for (int size : new int[] {3, 20_000, 5, 8_192, 8_192, 1}) {
            for (int s = 0; s < size; s++) {
                assertEquals(-1, m.putIfAbsent(s * 3, (long) s << 32 | size));
            }
            for (int s = 0; s < size; s++) {
                assertEquals((long) s << 32 | size, m.get(s * 3));
                assertEquals(-1, m.get(s * 3 + 1));
            }
            m.clear();
            for (int s = 0; s < size; s++) {
                assertEquals(-1, m.get(s * 3), "cleared");
            }
        }
    }

    @Test
    void slotsSpacedByPowersOfTwoAndNegativeValuesAreKeptApart() {
        SlotLongMap m = new SlotLongMap();
        for (int s = 0; s < 20_000; s++) { // every 1024th slot: the same low bits, as a table's mask would see them
            assertEquals(-1, m.putIfAbsent(s << 10, s));
        }
        for (int s = 0; s < 20_000; s++) {
            assertEquals(s, m.get(s << 10));
            assertEquals(-1, m.get((s << 10) + 1));
        }
        for (int s = 0; s < 20_000; s += 2) {
            assertEquals(s, m.remove(s << 10));
        }
        for (int s = 0; s < 20_000; s++) {
            assertEquals(s % 2 == 0 ? -1 : s, m.get(s << 10));
        }
    }
}
