// Whether a helper program is on a CPU or waiting for one (Linux /proc): its silence then is not the end of a batch.
package org.bgpekko.api;

import java.io.FileInputStream;
import java.io.IOException;
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
 * as before. The reader asks often while a fast helper pauses, so the files are read into one buffer and their bytes
 * scanned in place (no string or path made per question). Not thread-safe: one per helper reader.
 */
final class HelperActivity {
    /** How deep a helper's descendants are looked at (a shell, the program it runs, a command of that). */
    private static final int DEPTH = 3;
    /** Enough for a stat line (its command name is at most 16 bytes) and for about a hundred children's PIDs. */
    private static final int BUFFER = 1024;

    private final long pid;
    private final boolean available;
    private final byte[] buffer = new byte[BUFFER];

    HelperActivity(long pid) {
        this.pid = pid;
        this.available = Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"));
        runnable(); // loads what it uses now, not inside the first batch's latency bound
    }

    /** True when the helper or one of its descendants (to {@link #DEPTH} levels) is runnable. */
    boolean runnable() {
        return available && runnable(pid, DEPTH);
    }

    private boolean runnable(long pid, int depth) {
        if (state(pid) == 'R') {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        // the children file lists PIDs separated by spaces; read them all before looking deeper (the buffer is reused)
        int n = read("/proc/" + pid + "/task/" + pid + "/children");
        long[] children = new long[Math.max(0, n / 2 + 1)];
        int count = 0;
        long value = -1;
        for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b >= '0' && b <= '9') {
                value = (value < 0 ? 0 : value * 10) + b - '0';
            } else if (value >= 0) {
                children[count++] = value;
                value = -1;
            }
        }
        if (value >= 0 && n < buffer.length) { // a full buffer may have cut the last one
            children[count++] = value;
        }
        for (int i = 0; i < count; i++) {
            if (runnable(children[i], depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The state letter of {@code /proc/PID/stat} (after the command name, which may hold spaces and ')'). */
    char state(long pid) {
        int n = read("/proc/" + pid + "/stat");
        for (int i = n - 1; i >= 0; i--) {
            if (buffer[i] == ')') {
                return i + 2 < n ? (char) buffer[i + 2] : '?';
            }
        }
        return '?';
    }

    /** Reads a small /proc file into {@link #buffer}: its length, or 0 when it cannot be read. */
    private int read(String file) {
        try (FileInputStream in = new FileInputStream(file)) {
            int n = 0;
            int r;
            while (n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) > 0) {
                n += r;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
