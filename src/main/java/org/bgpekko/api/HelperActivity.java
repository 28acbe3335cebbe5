// Whether a helper program is on a CPU or waiting for one (Linux /proc): its silence then is not the end of a batch.
package org.bgpekko.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A helper that writes its lines back to back can be preempted between two writes for longer than the quiet window
 * (a loaded machine, a garbage collector, an oversleeping {@code sleep}): it is then runnable, state {@code R} in
 * {@code /proc/PID/stat}, not blocked. A helper that waits for its answers, for its timer or for input is in
 * {@code S}. The reader asks this when the quiet window ends, and waits on (up to the batch's latency bound) while the
 * helper, or a process it started (a shell helper's command), is runnable.
 *
 * <p>Where {@code /proc} does not exist, or the process is gone, the answer is false: the quiet window alone decides,
 * as before.
 */
final class HelperActivity {
    /** How deep a helper's descendants are looked at (a shell, the program it runs, a command of that). */
    private static final int DEPTH = 3;

    private final long pid;
    private final boolean available;

    HelperActivity(long pid) {
        this.pid = pid;
        this.available = Files.isReadable(stat(pid));
        runnable(); // loads what it uses now, not inside the first batch's latency bound
    }

    /** True when the helper or one of its descendants (to {@link #DEPTH} levels) is runnable. */
    boolean runnable() {
        return available && runnable(pid, DEPTH);
    }

    private static boolean runnable(long pid, int depth) {
        if (state(pid) == 'R') {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        String children = read(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children"));
        if (children == null || children.isBlank()) {
            return false;
        }
        for (String child : children.trim().split(" ")) {
            if (runnable(Long.parseLong(child), depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The state letter of {@code /proc/PID/stat} (after the command name, which may hold spaces and ')'). */
    static char state(long pid) {
        String stat = read(stat(pid));
        if (stat == null) {
            return '?';
        }
        int close = stat.lastIndexOf(')');
        return close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
    }

    private static Path stat(long pid) {
        return Path.of("/proc", Long.toString(pid), "stat");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
