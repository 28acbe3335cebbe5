// HelperActivity reads a process's scheduler state from /proc: runnable while it computes, not while it sleeps.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HelperActivityTest {
    @Test
    @Timeout(60)
    void aSleepingHelperIsNotRunnableABusyOneIs() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc only");
        Process sleeping = new ProcessBuilder("sleep", "30").start();
        // a shell whose child spins: the child's state counts, as a shell helper's command does
        Process busy = new ProcessBuilder("sh", "-c", "python3 -c 'while True: pass'; true").start();
        try {
            HelperActivity idle = new HelperActivity(sleeping.pid());
            HelperActivity working = new HelperActivity(busy.pid());
            boolean seenRunnable = false;
            for (int i = 0; i < 200 && !seenRunnable; i++) { // the spinner is R whenever it is on or waiting for a CPU
                seenRunnable = working.runnable();
                Thread.sleep(5);
            }
            assertTrue(seenRunnable, "a spinning child of the helper is runnable");
            Thread.sleep(100);
            assertFalse(idle.runnable(), "a helper in sleep(1) is not runnable");
        } finally {
            sleeping.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            busy.descendants().forEach(ProcessHandle::destroyForcibly);
            busy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertFalse(new HelperActivity(sleeping.pid()).runnable(), "a process that is gone is not runnable");
    }
}
