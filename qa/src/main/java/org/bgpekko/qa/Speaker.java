// The speaker under test as a child process: started with a case's environment, signalled, stopped.
package org.bgpekko.qa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

public final class Speaker {
    /** Speakers still running, so that a runner being shut down (Ctrl-C) can end them. */
    private static final java.util.Set<Speaker> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path log;
    private final List<ProcessHandle> descendants = new ArrayList<>();

    private Speaker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command + configs} in {@code workDir} with stdin from /dev/null, stdout and stderr into
     * {@code log}, the runner's environment less every {@code exabgp*} variable, plus {@code env}.
     */
    public static Speaker start(List<String> command, List<Path> configs, Map<String, String> env,
                                Path workDir, Path log) throws IOException {
        List<String> argv = new ArrayList<>(command);
        configs.forEach(c -> argv.add(c.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("exabgp"));
        pb.environment().putAll(env);
        Speaker s = new Speaker(pb.start(), log);
        LIVE.add(s);
        s.process.onExit().thenRun(() -> LIVE.remove(s));
        return s;
    }

    /** Forcibly ends every speaker still running and its descendants (for a JVM shutdown hook). */
    public static void killAll() {
        for (Speaker s : List.copyOf(LIVE)) {
            s.process.descendants().forEach(ProcessHandle::destroyForcibly);
            s.process.destroyForcibly();
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name ("SIGUSR1" or "USR1") with kill(1); Java has no API for signals other than TERM/KILL. */
    public void signal(String name) throws IOException, InterruptedException {
        String sig = name.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
        if (!sig.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("invalid signal name " + name);
        }
        Process kill = new ProcessBuilder("kill", "-s", sig, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IOException("kill -s " + sig + " did not finish");
        }
        if (kill.exitValue() != 0) {
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException("kill -s " + sig + " " + process.pid() + " failed: " + out);
        }
    }

    /** Notes the current descendants (helper processes) so that {@link #stop} can end them too. */
    public void rememberDescendants() {
        if (process.isAlive()) {
            process.descendants().forEach(d -> {
                if (!descendants.contains(d)) {
                    descendants.add(d);
                }
            });
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; helper processes it leaves behind are ended as well. */
    public void stop(Duration grace) throws InterruptedException {
        rememberDescendants();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle d : descendants) {
            if (d.isAlive()) {
                d.destroy();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle d : descendants) {
            while (d.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (d.isAlive()) {
                d.destroyForcibly();
            }
        }
    }

    /** The last {@code n} lines the speaker wrote. */
    public List<String> tail(int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            try {
                String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
                List<String> lines = List.of(text.split("\n"));
                return lines.subList(Math.max(0, lines.size() - n), lines.size());
            } catch (IOException again) {
                return List.of("(no speaker output: " + again.getMessage() + ")");
            }
        }
    }

    /** Splits a command line on blanks, honouring single and double quotes (no other shell syntax). */
    public static List<String> splitCommand(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in: " + line);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
