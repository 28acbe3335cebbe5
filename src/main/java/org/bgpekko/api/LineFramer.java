// Cuts a helper's output bytes into lines on '\n', each decoded whole as UTF-8; a line past the cap is discarded.
package org.bgpekko.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A line longer than {@code maxLine} bytes is reported once, as a {@code null} entry, when it crosses the cap (so a
 * helper that waits for an answer gets its {@code error} without having to end the line), and its bytes up to the
 * next newline are dropped: the memory held for an unfinished line stays under the cap. Not thread-safe.
 */
final class LineFramer {
    private static final int SMALL = 4096;

    private final int maxLine;
    /** The bytes of an unfinished line, carried to the next read. */
    private byte[] pending = new byte[SMALL];
    private int kept;
    /** Inside a line that crossed the cap: drop everything up to its newline. */
    private boolean discarding;

    LineFramer(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Adds the complete lines of {@code buf[0, n)} to {@code out} ({@code null} for a line over the cap). */
    void feed(byte[] buf, int n, List<String> out) {
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            int length = i - from;
            if (discarding) {
                discarding = false;
            } else if (kept + length > maxLine) {
                out.add(null);
                drop();
            } else if (kept > 0) {
                // '\n' never occurs inside a UTF-8 sequence, so each line is decoded whole
                append(buf, from, length);
                out.add(new String(pending, 0, kept, StandardCharsets.UTF_8));
                drop();
            } else {
                out.add(new String(buf, from, length, StandardCharsets.UTF_8));
            }
            from = i + 1;
        }
        int rest = n - from;
        if (discarding || rest == 0) {
            return;
        }
        if (kept + rest > maxLine) {
            out.add(null);
            drop();
            discarding = true;
        } else {
            append(buf, from, rest);
        }
    }

    /** Bytes held for the unfinished line. */
    int held() {
        return kept;
    }

    private void append(byte[] from, int offset, int length) {
        if (kept + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(2 * pending.length, kept + length));
        }
        System.arraycopy(from, offset, pending, kept, length);
        kept += length;
    }

    /** Forgets the unfinished line; a buffer grown for a long line is given back. */
    private void drop() {
        kept = 0;
        if (pending.length > SMALL) {
            pending = new byte[SMALL];
        }
    }
}
