// HelperProcess's reader: every line once, in order, across reads (UTF-8 included); output unread while too much is unapplied.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HelperReaderTest {
    /** Every read a batch by itself: these tests count reads. */
    private static final HelperProcess.Window ONE_READ = new HelperProcess.Window(java.time.Duration.ZERO,
            java.time.Duration.ZERO, HelperProcess.Window.MAX_LINES);

    /** awk writes {@code n} lines "i <i> <tail>", tail of (i * 37 % 300) copies of a 1-, 2- or 3-byte character. */
    private static List<String> awk(int n) {
        String program = "BEGIN { c[0] = \"a\"; c[1] = \"\\303\\251\"; c[2] = \"\\342\\202\\254\"; "
                + "for (i = 0; i < " + n + "; i++) { s = \"\"; k = (i * 37) % 300; "
                + "for (j = 0; j < k; j++) s = s c[i % 3]; printf \"i %d %s\\n\", i, s } }";
        return List.of("awk", program);
    }

    private static String expected(int i) {
        return "i " + i + " " + new String[] {"a", "é", "€"}[i % 3].repeat((i * 37) % 300);
    }

    @Test
    void everyLineArrivesOnceAndWholeAcrossReads() throws Exception {
        int n = 20_000;
        List<String> got = new ArrayList<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        AtomicInteger reads = new AtomicInteger();
        HelperProcess[] h = new HelperProcess[1];
        h[0] = HelperProcess.start("t", awk(n), Map.of(), ONE_READ, HelperProcess.MAX_UNAPPLIED, lines -> {
            reads.incrementAndGet();
            synchronized (got) {
                got.addAll(lines);
            }
            while (h[0] == null) {
                Thread.onSpinWait();
            }
            h[0].applied(lines.size());
        }, exit::complete);
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected(i), got.get(i), "line " + i);
        }
        assertTrue(reads.get() > 100, "the lines came in many reads: " + reads.get());
        assertEquals(0, h[0].unapplied());
    }

    @Test
    void outputIsNotReadWhileTooManyLinesAreUnapplied() throws Exception {
        int n = 100_000;
        int max = 1_000;
        List<List<String>> batches = new ArrayList<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        HelperProcess h = HelperProcess.start("t", awk(n), Map.of(), ONE_READ, max, lines -> {
            synchronized (batches) {
                batches.add(lines);
            }
        }, exit::complete);
        try {
            // nothing is applied: reading stops after the read that crossed the bound
            int stalled = waitForStall(batches);
            assertTrue(stalled > max, "read beyond the bound: " + stalled);
            assertTrue(stalled <= max + 16_384, "at most one read beyond the bound: " + stalled);
            assertEquals(stalled, h.unapplied());
            assertTrue(!exit.isDone(), "the helper waits on its full pipe");

            // applying releases the reader; applying as they come lets every line through, in order
            int applied = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!exit.isDone() || applied < count(batches)) {
                int now = count(batches);
                h.applied(now - applied);
                applied = now;
                assertTrue(System.nanoTime() < deadline, "all lines within 30 s; got " + now);
                Thread.sleep(1);
            }
            assertEquals(n, applied);
            List<String> all = new ArrayList<>();
            synchronized (batches) {
                batches.forEach(all::addAll);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(expected(i), all.get(i), "line " + i);
            }
        } finally {
            h.stop(1000);
        }
    }

    private static int count(List<List<String>> batches) {
        synchronized (batches) {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    /** The line count once it has not changed for 500 ms (bounded by 20 s). */
    private static int waitForStall(List<List<String>> batches) throws InterruptedException {
        int last = -1;
        long since = System.nanoTime();
        long deadline = since + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            int now = count(batches);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(500)) {
                return now;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("reading never stalled: " + last + " lines");
    }
}
