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
    void eachReadOfTheOutputIsOneBatchOfCompleteLines(@TempDir Path dir) throws Exception {
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

    @Test
    void relativeProgramsAreFoundBesideTheConfiguration(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("x.run"), "#!/bin/sh\n");
        assertEquals(List.of(run.resolve("x.run").toString(), "arg"),
                HelperProcess.resolve(List.of("./run/x.run", "arg"), dir, "/usr/bin"));
        assertEquals(List.of("/bin/true"), HelperProcess.resolve(List.of("/bin/true"), dir, "/usr/bin"));
    }
}
