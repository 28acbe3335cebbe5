// Helper processes: one read is one batch, a helper that stops reading loses events but never blocks the speaker.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HelperProcessTest {
    /** The default window: exabgp.api.batch_window and batch_latency. */
    static final HelperProcess.Window WINDOW = HelperProcess.Window.ofMillis(2.0, 20.0);

    @Test
    @Timeout(30)
    void aHelperThatNeverReadsLosesEventsButNeverBlocksTheWriter() throws Exception {
        BlockingQueue<Integer> exit = new LinkedBlockingQueue<>();
        HelperProcess h = HelperProcess.start("deaf", List.of("sleep", "20"), Map.of(), WINDOW, lines -> { }, exit::add);
        try {
            int accepted = 0;
            for (int i = 0; i < 100_000; i++) {
                if (h.offerEvent("{ \"event\": " + i + " }\n")) {
                    accepted++;
                }
            }
            // the queue, plus what the writer thread put into the pipe (64 KiB on Linux) before it blocked
            assertTrue(accepted <= HelperProcess.CAPACITY + 65_536 / 15, "accepted " + accepted); // lines >= 15 B
            assertEquals(100_000 - accepted, h.droppedEvents());
            assertTrue(h.queued() <= HelperProcess.CAPACITY, "queue bounded: " + h.queued());
            h.answer("done"); // answers are kept even now
            assertTrue(h.queued() <= HelperProcess.CAPACITY + 1);
        } finally {
            h.stop(100);
        }
        assertTrue(exit.poll(5, TimeUnit.SECONDS) != null, "the helper was stopped");
    }

    @Test
    @Timeout(30)
    void oneWriteIsOneBatchAndALineInPiecesComesWhole(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("helper.sh");
        // one write of three lines, a pause, then a line written in two pieces
        Files.writeString(script, "#!/bin/sh\nprintf 'a\\nb\\nc\\n'\nsleep 0.5\nprintf 'd'\nsleep 0.3\nprintf 'e\\n'\n");
        script.toFile().setExecutable(true);
        BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
        HelperProcess h = HelperProcess.start("lines", List.of(script.toString()), Map.of(), WINDOW, batches::add, c -> { });
        try {
            assertEquals(List.of("a", "b", "c"), batches.poll(5, TimeUnit.SECONDS));
            assertEquals(List.of("de"), batches.poll(5, TimeUnit.SECONDS));
        } finally {
            h.stop(100);
        }
    }

    /** Runs plan-helper.py with {@code plan} under {@code window}; returns its batches once it ended. */
    private static List<List<String>> batches(Path dir, HelperProcess.Window window, List<String> plan)
            throws Exception {
        Path helper = dir.resolve("plan-helper.py");
        try (var in = HelperProcessTest.class.getResourceAsStream("plan-helper.py")) {
            Files.copy(in, helper);
        }
        List<String> withExit = new java.util.ArrayList<>(plan);
        withExit.add("exit 0");
        Files.write(dir.resolve("plan.txt"), withExit);
        List<List<String>> batches = new java.util.ArrayList<>();
        BlockingQueue<Integer> exit = new LinkedBlockingQueue<>();
        HelperProcess[] h = new HelperProcess[1];
        h[0] = HelperProcess.start("plan", List.of("python3", helper.toString(), dir.resolve("plan.txt").toString(),
                dir.resolve("answers.txt").toString()), Map.of(), window, lines -> {
                    synchronized (batches) {
                        batches.add(lines);
                    }
                    while (h[0] == null) {
                        Thread.onSpinWait();
                    }
                    h[0].applied(lines.size());
                }, exit::add);
        try {
            assertEquals(0, exit.poll(60, TimeUnit.SECONDS), "the helper ended");
        } finally {
            h[0].stop(100);
        }
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    /**
     * Issue 9: two lines written with their own write(2), 0 to 200 µs apart, form one batch; a pause of 20 ms (10
     * windows) ends it. Before, each read was a batch and the pair was usually split.
     */
    @Test
    @Timeout(60)
    void linesWrittenBackToBackFormOneBatchWhateverTheWrites(@TempDir Path dir) throws Exception {
        java.util.Random random = new java.util.Random(1);
        List<String> plan = new java.util.ArrayList<>();
        List<List<String>> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            plan.add("w a" + i);
            plan.add("gap " + (i % 4 == 0 ? 0 : random.nextInt(201)));
            plan.add("w b" + i);
            plan.add("sleep 0.02");
            expected.add(List.of("a" + i, "b" + i));
        }
        assertEquals(expected, batches(dir, WINDOW, plan));
    }

    /** A helper that never pauses still gets its batches cut: at most the latency bound after their first read. */
    @Test
    @Timeout(60)
    void aBatchEndsAtTheLatencyBound(@TempDir Path dir) throws Exception {
        List<String> plan = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) { // 0.5 ms apart, never quiet for 2 ms: about 200 ms of lines
            plan.add("w x" + i);
            plan.add("gap 500");
        }
        List<List<String>> batches = batches(dir, WINDOW, plan);
        assertEquals(400, batches.stream().mapToInt(List::size).sum());
        assertTrue(batches.size() >= 5, "cut at 20 ms at the latest: " + batches.size() + " batch(es)");
    }

    @Test
    @Timeout(60)
    void aBatchHoldsAtMostItsLineBound(@TempDir Path dir) throws Exception {
        List<String> plan = new java.util.ArrayList<>();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            hex.append(java.util.HexFormat.of().formatHex(("l" + i + "\n").getBytes()));
        }
        plan.add("bytes " + hex); // 1,000 lines in one write
        List<List<String>> batches = batches(dir, new HelperProcess.Window(java.time.Duration.ofMillis(50),
                java.time.Duration.ofSeconds(10), 100), plan);
        assertEquals(10, batches.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(100, batches.get(i).size());
            assertEquals("l" + (100 * i), batches.get(i).get(0), "in order, none lost");
        }
    }

    /** Issue 10: a line without a newline grew until OutOfMemoryError ended the reader; now it is cut, once. */
    @Test
    @Timeout(60)
    void aLineOverTheCapIsReportedAndTheHelperGoesOn(@TempDir Path dir) throws Exception {
        List<List<String>> batches = batches(dir, WINDOW, List.of("w before", "sleep 0.05", "fill 3000000",
                "w  tail of the long line", "sleep 0.05", "w after"));
        List<String> lines = batches.stream().flatMap(List::stream).toList();
        assertEquals(java.util.Arrays.asList("before", null, "after"), lines);
    }

    @Test
    void relativeProgramsAreFoundBesideTheConfiguration(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("x.run"), "#!/bin/sh\n");
        assertEquals(List.of(run.resolve("x.run").toString(), "arg"),
                HelperProcess.resolve(List.of("./run/x.run", "arg"), dir, "/usr/bin"));
        assertEquals(List.of("/bin/true"), HelperProcess.resolve(List.of("/bin/true"), dir, "/usr/bin"));
    }
}
