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
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Events beyond {@link #CAPACITY} queued lines are dropped (and counted); acknowledgements are always queued, but
 * while the queue is over capacity the helper's output is not read, so a helper that stops reading its stdin
 * also stops being heard, and the queue stays bounded by capacity plus one batch of acknowledgements.
 */
public final class HelperProcess {
    /** Lines queued for a helper's stdin before events are dropped. */
    public static final int CAPACITY = 10_000;

    private final String name;
    private final Process process;
    private final LinkedBlockingDeque<String> toHelper = new LinkedBlockingDeque<>();
    private volatile long droppedEvents;
    private volatile boolean closed;

    private HelperProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code command} and its reader and writer threads.
     *
     * @param onLines receives the complete lines of each read of the helper's stdout, in order
     * @param onExit receives the exit code once stdout is closed and the program ended
     */
    public static HelperProcess start(String name, List<String> command, Map<String, String> environment,
                                      Consumer<List<String>> onLines, IntConsumer onExit) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.environment().put("TERM", "dumb");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        HelperProcess h = new HelperProcess(name, pb.start());
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
        StringBuilder partial = new StringBuilder();
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                partial.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    lines.add(partial.substring(0, nl));
                    partial.delete(0, nl + 1);
                }
                if (!lines.isEmpty()) {
                    onLines.accept(lines);
                }
                while (toHelper.size() > CAPACITY && process.isAlive() && !closed) {
                    sleep(5); // the helper does not read its answers: stop hearing it until it does
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
