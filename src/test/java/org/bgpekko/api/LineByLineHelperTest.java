// The ordering contract with a helper that writes every line with its own write(): batches and groups, on the wire.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LineByLineHelperTest {
    private static final Nlri SENTINEL = InetNlri.of("10.255.255.255/32");
    private static final String SENTINEL_LINE = "announce route 10.255.255.255/32 next-hop 127.0.0.1";

    /**
     * Issue 9: `announce route X` and `clear adj-rib out`, each its own write(2), 0 to 200 µs apart, 1,000 times
     * (each pair after the answers of the one before): X never reaches the wire. With one read = one batch, the
     * reader woke on the first write and X was sent before the clear arrived (ExaBGP's api-rib helper run
     * unbuffered failed 5 runs in 8).
     */
    @Test
    @Timeout(240)
    void announceThenClearWrittenLineByLineNeverReachesTheWire(@TempDir Path dir) throws Exception {
        Random random = new Random(9);
        announceAndClearPairs(dir, 1000, Map.of(), i -> {
            int gap = i % 4 == 0 ? 0 : random.nextInt(201); // a quarter back to back
            return gap > 0 ? List.of("gap " + gap) : List.of();
        });
    }

    /**
     * A helper preempted between its two writes for longer than the quiet window (2 ms) but within the batch's
     * latency bound (20 ms): here it busy-waits 4 to 12 ms, runnable all along, as a helper waiting for a core is.
     * Its silence is not the end of the batch while it is runnable, so X never reaches the wire. Failed before
     * HelperActivity: 58 of 60 announcements went out (and one full suite run at load 4 lost a pair of the test
     * above).
     */
    @Test
    @Timeout(120)
    void aHelperPreemptedBetweenTwoWritesStillFormsOneBatch(@TempDir Path dir) throws Exception {
        Random random = new Random(12);
        // the latency bound (default 20 ms) is not what is tested here: raised, so that a loaded machine stretching a
        // 12 ms gap past 20 ms does not end the batch through it
        announceAndClearPairs(dir, 60, Map.of("exabgp_api_batch_latency", "500"),
                i -> List.of("gap " + (4000 + random.nextInt(8001))));
    }

    /**
     * {@code pairs} times {@code announce route X} and {@code clear adj-rib out}, each its own write, with the steps
     * {@code between} gives between them, each pair after the answers of the one before; then the sentinel: only the
     * sentinel reaches the wire, and every command is answered done.
     */
    private static void announceAndClearPairs(Path dir, int pairs, Map<String, String> env,
            IntFunction<List<String>> between) throws Exception {
        List<String> plan = new ArrayList<>(List.of("up"));
        for (int i = 0; i < pairs; i++) {
            plan.add("w announce route 10.0." + (i / 250) + "." + (i % 250) + "/32 next-hop 127.0.0.1");
            plan.addAll(between.apply(i));
            plan.add("w clear adj-rib out");
            plan.add("answers 2");
        }
        plan.add("w " + SENTINEL_LINE);
        plan.add("answers 1");
        try (HelperSession s = HelperSession.start(dir, plan, env)) {
            List<Update> updates = s.updatesUntil(SENTINEL);
            int announced = 0;
            int withdrawn = 0;
            for (Update u : updates) {
                announced += u.nlri().size();
                withdrawn += u.withdrawn().size();
            }
            assertEquals(1, announced, "only the last route was announced (" + updates.size() + " UPDATEs)");
            assertEquals(0, withdrawn, "nothing to withdraw either: nothing else was sent");
            assertEquals(2 * pairs + 1, Collections.frequency(s.answers(), "done"), "every command answered done");
        }
    }

    /** A group: announce X and clear inside it send nothing; the group's routes leave packed; answers in order. */
    @Test
    @Timeout(120)
    void aGroupIsAppliedAsOneBatch(@TempDir Path dir) throws Exception {
        List<String> plan = new ArrayList<>(List.of("up",
                "w group start", "answers 1",
                "w announce route 10.1.0.1/32 next-hop 127.0.0.1", "answers 1",
                "sleep 0.05",
                "w clear adj-rib out", "answers 1",
                "sleep 0.05",
                "w group end", "answers 1",
                "w group start", "answers 1"));
        for (int i = 0; i < 200; i++) { // one write and one answer each, far apart: one batch only through the group
            plan.add("w announce route 10.2.0." + i + "/32 next-hop 127.0.0.1 med 7");
            plan.add("answers 1");
        }
        plan.addAll(List.of("w group end", "answers 1",
                "w group announce route 10.3.0.1/32 next-hop 127.0.0.1 ; announce route 10.3.0.2/32 next-hop 127.0.0.1",
                "answers 1",
                "w group end", "answers 1",
                "w " + SENTINEL_LINE, "answers 1"));
        try (HelperSession s = HelperSession.start(dir, plan, Map.of())) {
            List<Update> updates = s.updatesUntil(SENTINEL);
            List<Nlri> order = new ArrayList<>();
            updates.forEach(u -> order.addAll(u.nlri().toList()));
            assertTrue(order.stream().noneMatch(n -> n.equals(InetNlri.of("10.1.0.1/32"))), "X never sent: " + order);
            List<Update> withRoutes = updates.stream().filter(u -> !u.nlri().isEmpty()).toList();
            assertEquals(3, withRoutes.size(), "the 200-route group in one UPDATE, the one-line group in one, "
                    + "the last route alone: " + withRoutes);
            assertEquals(200, withRoutes.get(0).nlri().size());
            assertEquals(List.of(InetNlri.of("10.3.0.1/32"), InetNlri.of("10.3.0.2/32")), withRoutes.get(1).nlri()
                    .toList());
            List<String> expected = new ArrayList<>(List.of("group started", "done", "done", "done",
                    "group processed: 1 announced, 0 withdrawn", "done", "group started", "done"));
            for (int i = 0; i < 200; i++) {
                expected.add("done");
            }
            expected.addAll(List.of("group processed: 200 announced, 0 withdrawn", "done",
                    "group processed: 2 announced, 0 withdrawn", "done",
                    "error: not in group block", "error", "done", "plan done"));
            assertEquals(expected, s.answers());
        }
    }
}
