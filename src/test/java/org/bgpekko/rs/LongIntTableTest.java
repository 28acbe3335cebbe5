// LongIntTable against java.util.HashMap under random puts, removes and look-ups (growth, shrinking, backward shifts).
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntTableTest {
    @Test
    void behavesAsAMapUnderRandomOperations() {
        for (long seed = 1; seed <= 6; seed++) {
            Random r = new Random(seed);
            // few distinct keys: long probe runs, many removals in them; the full range: the high half matters
            long range = seed % 2 == 0 ? 3_000 : Long.MAX_VALUE;
            LongIntTable t = new LongIntTable();
            Map<Long, Integer> m = new HashMap<>();
            for (int i = 0; i < 200_000; i++) {
                long k = range == Long.MAX_VALUE ? r.nextLong() : (r.nextLong() & Long.MAX_VALUE) % range;
                if (i % 50_000 > 40_000 && !m.isEmpty()) { // phases of removals only: the table shrinks
                    k = m.keySet().iterator().next();
                    assertEquals(m.remove(k), t.remove(k));
                    continue;
                }
                switch (r.nextInt(3)) {
                    case 0 -> {
                        int v = r.nextInt(Integer.MAX_VALUE);
                        assertEquals(m.getOrDefault(k, -1), t.put(k, v));
                        m.put(k, v);
                    }
                    case 1 -> assertEquals(m.containsKey(k) ? m.remove(k) : -1, t.remove(k));
                    default -> assertEquals(m.getOrDefault(k, -1), t.get(k));
                }
                assertEquals(m.size(), t.size());
            }
            Map<Long, Integer> seen = new HashMap<>();
            t.forEach((k, v) -> assertEquals(null, seen.put(k, v)));
            assertEquals(m, seen);
            for (Map.Entry<Long, Integer> e : m.entrySet()) {
                assertEquals(e.getValue(), t.get(e.getKey()));
            }
            t.clear();
            assertEquals(0, t.size());
            assertEquals(-1, t.get(m.isEmpty() ? 0 : m.keySet().iterator().next()));
        }
    }

    @Test
    void keysThatDifferOnlyInOneHalfAreDistinct() {
        LongIntTable t = new LongIntTable();
        t.put(1L, 1);
        t.put(1L << 32, 2);
        t.put(0L, 3);
        t.put(-1L, 4);
        assertEquals(1, t.get(1L));
        assertEquals(2, t.get(1L << 32));
        assertEquals(3, t.get(0L));
        assertEquals(4, t.get(-1L));
        assertEquals(-1, t.get(2L));
        assertEquals(4, t.size());
    }

    @Test
    void refusesNegativeValues() {
        assertThrows(IllegalArgumentException.class, () -> new LongIntTable().put(1, -1));
    }
}
