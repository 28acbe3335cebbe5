// One running helper program: its stdout read off the actors' threads in batches of back-to-back lines, its stdin
// fed by a bounded queue.
package org.bgpekko.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Batches: after a read, the reader goes on reading while more bytes arrive within the quiet window of its
 * {@link Window}, so lines that arrive back to back form one batch however the helper's runtime splits them into
 * {@code write()}s; a batch also ends at {@link Window#maxLines} lines (the lines read beyond start the next one) or
 * {@link Window#maxLatency} after its first read. Events beyond {@link #CAPACITY} queued lines are dropped (and
 * counted); acknowledgements are always queued, but while the queue is over capacity the helper's output is not read,
 * so a helper that stops reading its stdin also stops being heard, and the queue stays bounded by capacity plus one
 * batch of acknowledgements. Likewise,
 * while more than {@link #MAX_UNAPPLIED} lines read are not applied yet, the output is not read: a helper that
 * writes faster than the Rib applies waits on its pipe. A line is at most {@link #MAX_LINE_BYTES} long.
 */
public final class HelperProcess implements HelperChannel {
    /** Lines queued for a helper's stdin before events are dropped. */
    public static final int CAPACITY = 10_000;

    /**
     * Lines read from a helper and not yet applied by the Rib (see {@link #applied}) above which its output is not
     * read: what a fast helper has written waits in its pipe, not as parsed commands in the actors' mailboxes.
     */
    public static final int MAX_UNAPPLIED = 16_384;

    /** The longest command line (as ExaBGP's MAX_COMMAND_SIZE): a longer one is discarded and answered error. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;

    /** How often the reader looks for more bytes while a batch's quiet window runs. */
    private static final long POLL_NANOS = 50_000;

    /**
     * When a batch ends: {@code quiet} without a new byte (zero: every read is a batch by itself), {@code maxLatency}
     * after its first read, or at {@code maxLines} lines.
     */
    public record Window(Duration quiet, Duration maxLatency, int maxLines) {
        /** The batch limit on lines, below {@link #MAX_UNAPPLIED} so that two batches can be under way. */
        public static final int MAX_LINES = 8_192;

        public Window {
            if (quiet.isNegative() || maxLatency.isNegative() || maxLines < 1) {
                throw new IllegalArgumentException("invalid batch window " + quiet + " " + maxLatency + " " + maxLines);
            }
        }

        /** From the settings {@code exabgp.api.batch_window} and {@code exabgp.api.batch_latency} (milliseconds). */
        public static Window ofMillis(double quiet, double maxLatency) {
            return new Window(Duration.ofNanos((long) (quiet * 1e6)), Duration.ofNanos((long) (maxLatency * 1e6)),
                    MAX_LINES);
        }
    }

    private final String name;
    private final Process process;
    /** Text for the helper's stdin and how many lines it counts for (an event or a notice counts for one). */
    private record Chunk(String text, int lines) {}

    private final LinkedBlockingDeque<Chunk> toHelper = new LinkedBlockingDeque<>();
    /** The lines of the chunks in {@link #toHelper}: what the bounds count. */
    private final AtomicInteger queuedLines = new AtomicInteger();
    /** Answers not queued yet (the gateway's thread only): one batch's answers travel as one chunk. */
    private StringBuilder outbox = new StringBuilder();
    private int outboxLines;
    private final AtomicLong unapplied = new AtomicLong();
    private final long maxUnapplied;
    private final Window window;
    private volatile long droppedEvents;
    /** The thread reading the helper's output, once it runs. */
    private volatile Thread reader;
    private volatile boolean closed;
    /** Whether the helper is running or preempted, when its output is quiet. */
    private final HelperActivity activity;

    private HelperProcess(String name, Process process, Window window, long maxUnapplied) {
        this.name = name;
        this.process = process;
        this.activity = new HelperActivity(process.pid());
        this.window = window;
        this.maxUnapplied = maxUnapplied;
    }

    /**
     * Starts {@code command} and its reader and writer threads.
     *
     * @param onLines receives each batch of complete lines, in order, on the reader thread; a {@code null} entry
     *                stands for a line longer than {@link #MAX_LINE_BYTES} (discarded). Each line must be reported
     *                with {@link #applied} once done with (applied by the Rib, answered, or ignored)
     * @param onExit receives the exit code once stdout is closed and the program ended, on the reader thread
     */
    public static HelperProcess start(String name, List<String> command, Map<String, String> environment,
                                      Window window, Consumer<List<String>> onLines, IntConsumer onExit)
            throws IOException {
        return start(name, command, environment, window, MAX_UNAPPLIED, onLines, onExit);
    }

    /** As above, with the number of unapplied lines above which the output is not read. */
    static HelperProcess start(String name, List<String> command, Map<String, String> environment, Window window,
                               long maxUnapplied, Consumer<List<String>> onLines, IntConsumer onExit)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.environment().put("TERM", "dumb");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        HelperProcess h = new HelperProcess(name, pb.start(), window, maxUnapplied);
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

    @Override
    public long pid() {
        return process.pid();
    }

    /**
     * Queues an event, as its encoder wrote it (newlines included), after the answers given so far; false (and
     * counted) when too far behind.
     */
    @Override
    public boolean offerEvent(String text) {
        flushAnswers();
        if (queuedLines.get() >= CAPACITY) {
            droppedEvents++;
            return false;
        }
        enqueue(text, 1);
        return true;
    }

    /**
     * An acknowledgement or a line of command output: never dropped. It is queued by the next {@link #flushAnswers}
     * (or event, or notice), with the answers given before it, as one write. From the gateway's thread only.
     */
    @Override
    public void answer(String line) {
        outbox.append(line).append('\n');
        outboxLines++;
    }

    /** Queues the answers given since the last call, in order. */
    @Override
    public void flushAnswers() {
        if (outboxLines > 0) {
            enqueue(outbox.toString(), outboxLines);
            outbox = outbox.capacity() > 1 << 16 ? new StringBuilder() : outbox.delete(0, outbox.length());
            outboxLines = 0;
        }
    }

    /** Queues text that must arrive (the shutdown notice), newlines included, after the answers given so far. */
    @Override
    public void notice(String text) {
        flushAnswers();
        enqueue(text, 1);
    }

    private void enqueue(String text, int lines) {
        queuedLines.addAndGet(lines);
        toHelper.add(new Chunk(text, lines));
    }

    /** {@code lines} lines handed to {@code onLines} were applied (or dropped): reading may go on. */
    @Override
    public void applied(int lines) {
        if (unapplied.addAndGet(-lines) <= maxUnapplied) {
            Thread r = reader;
            if (r != null) {
                LockSupport.unpark(r); // it may be waiting for this
            }
        }
    }

    /** Lines handed to {@code onLines} and not reported {@link #applied} yet. */
    public long unapplied() {
        return unapplied.get();
    }

    @Override
    public long droppedEvents() {
        return droppedEvents;
    }

    /** Lines queued for the helper's stdin and not written yet (answers not flushed included). */
    @Override
    public int queued() {
        return queuedLines.get() + outboxLines;
    }

    /** Stops the program: closes its stdin once the queue is written (at most {@code grace}), then kills it. */
    @Override
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
        reader = Thread.currentThread();
        LineFramer framer = new LineFramer(MAX_LINE_BYTES);
        byte[] buf = new byte[65536];
        try (InputStream in = process.getInputStream()) {
            boolean open = true;
            List<String> carried = List.of(); // lines read beyond the last batch's line bound
            while (true) {
                List<String> lines = new ArrayList<>(carried);
                if (lines.isEmpty()) {
                    int n = open ? in.read(buf) : -1; // waits for the first bytes of a batch
                    if (n < 0) {
                        break;
                    }
                    framer.feed(buf, n, lines);
                }
                if (open) {
                    open = collect(in, buf, framer, lines);
                }
                int max = window.maxLines();
                carried = lines.size() > max ? new ArrayList<>(lines.subList(max, lines.size())) : List.of();
                if (lines.size() > max) {
                    lines = new ArrayList<>(lines.subList(0, max));
                }
                if (!lines.isEmpty()) {
                    unapplied.addAndGet(lines.size());
                    onLines.accept(lines);
                }
                // the helper does not read its answers, or the Rib is behind: stop hearing it until that changes
                while ((queuedLines.get() > CAPACITY || unapplied.get() > maxUnapplied) && process.isAlive()
                        && !closed) {
                    LockSupport.parkNanos(1_000_000); // applied() wakes it sooner
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

    /**
     * Reads on while bytes keep arriving within the quiet window, or while the helper is runnable when it ends
     * ({@link HelperActivity}), up to the batch's line and latency bounds; false when the output ended.
     */
    private boolean collect(InputStream in, byte[] buf, LineFramer framer, List<String> lines) throws IOException {
        long quiet = window.quiet().toNanos();
        if (quiet == 0) {
            return true;
        }
        long first = System.nanoTime();
        long last = first;
        while (lines.size() < window.maxLines()) {
            long now = System.nanoTime();
            if (now - first >= window.maxLatency().toNanos()) {
                return true;
            }
            int available = in.available();
            if (available > 0) {
                int n = in.read(buf, 0, Math.min(available, buf.length));
                if (n < 0) {
                    return false;
                }
                framer.feed(buf, n, lines);
                last = System.nanoTime();
            } else if (now - last >= quiet) {
                if (!activity.runnable() && in.available() == 0) {
                    // it waits (for answers, a timer, input) and wrote nothing before it did (the second look
                    // catches a line written between the first one and its going to sleep): the batch is complete
                    return true;
                }
                LockSupport.parkNanos(POLL_NANOS); // preempted between two writes, or still working: wait on
            } else {
                LockSupport.parkNanos(Math.min(POLL_NANOS, quiet - (now - last)));
            }
        }
        return true;
    }

    private void writeLoop() {
        try (OutputStream out = process.getOutputStream()) {
            while (process.isAlive()) {
                Chunk chunk = toHelper.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                out.write(chunk.text().getBytes(StandardCharsets.UTF_8));
                queuedLines.addAndGet(-chunk.lines());
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
