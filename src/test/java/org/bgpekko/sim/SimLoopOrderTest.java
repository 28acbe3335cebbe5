// Timers fire in the order of their due time, those due together in the order they were set, whatever their delays.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SimLoopOrderTest {
    private record Set(long due, int id) {}

    @Property(tries = 100)
    void timersFireByDueTimeThenBySettingOrderAcrossDelaysAndCancels(@ForAll long seed) {
        Random r = new Random(seed);
        SimLoop loop = SimLoop.create();
        try {
            long[] delays = {0, 1_000_000, 5_000_000, 90_000_000_000L, 480_000_000_000L};
            List<Set> expected = new ArrayList<>();
            List<Integer> fired = new ArrayList<>();
            List<Runnable> cancels = new ArrayList<>();
            List<Set> live = new ArrayList<>();
            int id = 0;
            for (int round = 0; round < 40; round++) {
                for (int k = r.nextInt(60); k > 0; k--) {
                    // whole milliseconds: timers of different delays often fall due together
                    long d = r.nextInt(4) == 0 ? r.nextInt(10) * 1_000_000L : delays[r.nextInt(delays.length)];
                    int me = id++;
                    cancels.add(loop.after(d, () -> fired.add(me)));
                    live.add(new Set(loop.nanos() + d, me));
                }
                for (int k = r.nextInt(3000); k > 0 && !cancels.isEmpty(); k--) { // enough to sweep now and then
                    int i = r.nextInt(cancels.size());
                    cancels.get(i).run();
                    live.set(i, null);
                }
                long until = loop.nanos() + r.nextInt(3) * 1_000_000L;
                loop.runUntil(until);
                for (int i = 0; i < live.size(); i++) {
                    Set s = live.get(i);
                    if (s != null && s.due() <= until) {
                        expected.add(s);
                        live.set(i, null);
                    }
                }
            }
            loop.runUntil(loop.nanos() + 1_000_000_000_000L);
            live.stream().filter(java.util.Objects::nonNull).forEach(expected::add);
            // by due time, then by the order they were set
            List<Integer> want = new ArrayList<>();
            List<Set> batch = new ArrayList<>(expected);
            batch.sort(Comparator.comparingLong(Set::due).thenComparingInt(Set::id));
            batch.forEach(s -> want.add(s.id()));
            assertEquals(want, fired);
        } finally {
            loop.close();
        }
    }
}
