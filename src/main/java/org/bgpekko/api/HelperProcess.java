// One running helper program: its stdout read off the actor's thread (one read = one batch), its stdin fed by a bounded queue.
package org.bgpekko.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Events beyond {@link #CAPACITY} queued lines are dropped (and counted); acknowledgements are always queued, but
 * while the queue is over capacity the helper's output is not read, so a helper that stops reading its stdin
 * also stops being heard, and the queue stays bounded by capacity plus one batch of acknowledgements. Likewise,
 * while more than {@link #MAX_UNAPPLIED} lines read are not applied yet, the output is not read: a helper that
 * writes faster than the Rib applies waits on its pipe.
 */
public final class HelperProcess {
    /** Lines queued for a helper's stdin before events are dropped. */
    public static final int CAPACITY = 10_000;

    /**
     * Lines read from a helper and not yet applied by the Rib (see {@link #applied}) above which its output is not
     * read: what a fast helper has written waits in its pipe, not as parsed commands in the actors' mailboxes.
     */
    public static final int MAX_UNAPPLIED = 16_384;

    private final String name;
    private final Process process;
    private final LinkedBlockingDeque<String> toHelper = new LinkedBlockingDeque<>();
    private final AtomicLong unapplied = new AtomicLong();
    private final long maxUnapplied;
    private volatile long droppedEvents;
    private volatile boolean closed;

    private HelperProcess(String name, Process process, long maxUnapplied) {
        this.name = name;
        this.process = process;
        this.maxUnapplied = maxUnapplied;
    }

    /**
     * Starts {@code command} and its reader and writer threads.
     *
     * @param onLines receives the complete lines of each read of the helper's stdout, in order
     * @param onExit receives the exit code once stdout is closed and the program ended
     */
    public static HelperProcess start(String name, List<String> command, Map<String, String> environment,
                                      Consumer<List<String>> onLines, IntConsumer onExit) throws IOException {
        return start(name, command, environment, MAX_UNAPPLIED, onLines, onExit);
    }

    /**
     * As above, with the number of unapplied lines above which the output is not read.
     *
     * @param onLines receives the complete lines of each read; each must be reported with {@link #applied} once
     *                done with (applied by the Rib, or ignored)
     */
    static HelperProcess start(String name, List<String> command, Map<String, String> environment,
                               long maxUnapplied, Consumer<List<String>> onLines, IntConsumer onExit)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.environment().put("TERM", "dumb");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        HelperProcess h = new HelperProcess(name, pb.start(), maxUnapplied);
        Thread reader = new Thread(() -> h.readLoop(onLines, onExit), "helper-" + name + "-out");
        Thread writer = new Thread(h::writeLoop, "helper-" + name + "-in");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
        return h;
    }

    /**
     * Where ExaBGP finds a relative program: /etc/exabgp/P, the configuration's folder, then each PATH entry;
     * the last one that exists wins. An absolute path, or one found nowhere, is used as given.
     */
    public static List<String> resolve(List<String> run, Path configDir, String pathVariable) {
        Path program = Path.of(run.get(0));
        if (program.isAbsolute()) {
            return run;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/etc/exabgp").resolve(program));
        candidates.add(configDir.resolve(program));
        if (pathVariable != null && !run.get(0).contains("/")) {
            for (String dir : pathVariable.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir).resolve(program));
                }
            }
        }
        Path found = null;
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                found = c;
            }
        }
        List<String> out = new ArrayList<>(run);
        if (found != null) {
            out.set(0, found.toAbsolutePath().normalize().toString());
        }
        return out;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Queues an event, as its encoder wrote it (newlines included); false (and counted) when too far behind. */
    public boolean offerEvent(String text) {
        if (toHelper.size() >= CAPACITY) {
            droppedEvents++;
            return false;
        }
        toHelper.add(text);
        return true;
    }

    /** Queues an acknowledgement or a line of command output: never dropped. */
    public void answer(String line) {
        toHelper.add(line + "\n");
    }

    /** Queues text that must arrive (the shutdown notice), newlines included. */
    public void notice(String text) {
        toHelper.add(text);
    }

    /** {@code lines} lines handed to {@code onLines} were applied (or dropped): reading may go on. */
    public void applied(int lines) {
        unapplied.addAndGet(-lines);
    }

    /** Lines handed to {@code onLines} and not reported {@link #applied} yet. */
    public long unapplied() {
        return unapplied.get();
    }

    public long droppedEvents() {
        return droppedEvents;
    }

    public int queued() {
        return toHelper.size();
    }

    /** Stops the program: closes its stdin once the queue is written (at most {@code grace}), then kills it. */
    public void stop(long graceMillis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (!toHelper.isEmpty() && System.nanoTime() < deadline && process.isAlive()) {
            sleep(10);
        }
        process.destroy();
        try {
            if (!process.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                    TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readLoop(Consumer<List<String>> onLines, IntConsumer onExit) {
        byte[] buf = new byte[16384];
        byte[] pending = new byte[16384]; // the bytes of an unfinished line, carried to the next read
        int kept = 0;
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                List<String> lines = new ArrayList<>();
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') {
                        continue;
                    }
                    // '\n' never occurs inside a UTF-8 sequence, so each line is decoded whole
                    if (kept > 0) {
                        pending = append(pending, kept, buf, from, i - from);
                        lines.add(new String(pending, 0, kept + i - from, StandardCharsets.UTF_8));
                        kept = 0;
                    } else {
                        lines.add(new String(buf, from, i - from, StandardCharsets.UTF_8));
                    }
                    from = i + 1;
                }
                pending = append(pending, kept, buf, from, n - from);
                kept += n - from;
                if (!lines.isEmpty()) {
                    unapplied.addAndGet(lines.size());
                    onLines.accept(lines);
                }
                // the helper does not read its answers, or the Rib is behind: stop hearing it until that changes
                while ((toHelper.size() > CAPACITY || unapplied.get() > maxUnapplied) && process.isAlive() && !closed) {
                    sleep(1);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the program is gone
        }
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        onExit.accept(code);
    }

    /** {@code to[0, kept)} followed by {@code from[offset, offset + length)}, in {@code to} or a larger copy. */
    private static byte[] append(byte[] to, int kept, byte[] from, int offset, int length) {
        byte[] out = to;
        if (kept + length > to.length) {
            out = java.util.Arrays.copyOf(to, Math.max(2 * to.length, kept + length));
        }
        System.arraycopy(from, offset, out, kept, length);
        return out;
    }

    private void writeLoop() {
        try (OutputStream out = process.getOutputStream()) {
            while (process.isAlive()) {
                String line = toHelper.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                if (toHelper.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the helper closed its stdin or exited
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
