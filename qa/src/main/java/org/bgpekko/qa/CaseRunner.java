// Runs one case once: work folder, test peer, speaker with the harness environment, verdict, clean stop.
package org.bgpekko.qa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

public final class CaseRunner {

    /**
     * @param speaker  the speaker command; the configuration paths are appended
     * @param timeout  per case, from the speaker's start
     * @param strict   the speaker must exit by itself once the peer succeeded
     * @param workRoot one folder per case run is made under it
     * @param keep     keep the work folder of passed runs too
     * @param helpers  the helper programs copied to run/ (null: qa/helpers)
     * @param lineByLine our helpers write every command with its own write(2), even the "one write" batches
     */
    public record Settings(List<String> speaker, Duration timeout, boolean strict, Path workRoot, boolean keep,
                           Path helpers, boolean lineByLine) {
        public Settings {
            speaker = List.copyOf(speaker);
        }

        public Settings(List<String> speaker, Duration timeout, boolean strict, Path workRoot, boolean keep,
                        Path helpers) {
            this(speaker, timeout, strict, workRoot, keep, helpers, false);
        }
    }

    /** The variable that makes our helpers (qa/helpers/helper-lib.sh) write one command per write(2). */
    public static final String LINE_BY_LINE = "HELPER_LINE_BY_LINE";

    /** The outcome of one run of one case; {@code details} holds peer state and speaker output on failure. */
    public record Result(String name, int attempt, boolean passed, String reason, String details, Duration took) {}

    static final Duration STOP_GRACE = Duration.ofSeconds(3);
    static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    static final int TAIL_LINES = 20;

    private final Suite suite;
    private final Settings settings;

    public CaseRunner(Suite suite, Settings settings) {
        this.suite = suite;
        this.settings = settings;
    }

    /** The environment of section 3 of the conformance description. */
    public static Map<String, String> environment(int port, int tcpConnections) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("exabgp_tcp_port", Integer.toString(port));
        env.put("exabgp_tcp_bind", "");
        env.put("exabgp_tcp_connections", Integer.toString(tcpConnections));
        env.put("exabgp_version", "5.0.0-0+test");
        env.put("exabgp_api_cli", "false");
        env.put("exabgp_debug_rotate", "true");
        env.put("exabgp_debug_configuration", "true");
        env.put("exabgp_log_enable", "false");
        return env;
    }

    public Result run(CaseFile c, int attempt) {
        long t0 = System.nanoTime();
        Path work = settings.workRoot().resolve(attempt == 0 ? c.name() : c.name() + "." + attempt);
        Outcome o;
        try {
            o = runIn(c, work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new Outcome(false, "interrupted", "");
        } catch (IOException | RuntimeException e) {
            o = new Outcome(false, "runner error: " + e, "");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (o.passed && !settings.keep()) {
            deleteTree(work);
        }
        return new Result(c.name(), attempt, o.passed, o.reason, o.details, took);
    }

    private record Outcome(boolean passed, String reason, String details) {}

    private Outcome runIn(CaseFile c, Path work) throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        List<Path> configs = new ArrayList<>();
        for (String name : c.configs()) {
            Path src = suite.config(c, name);
            if (!Files.isRegularFile(src)) {
                return new Outcome(false, "configuration not found: " + src, "");
            }
            Path dst = work.resolve(Path.of(name).getFileName());
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            configs.add(dst.toAbsolutePath());
        }
        copyHelpers(work.resolve("run"));

        SpeakerRef ref = new SpeakerRef();
        try (TestPeer peer = new TestPeer(c, name -> ref.get().signal(name))) {
            int port = peer.start(0);
            Path log = work.resolve("speaker.log");
            Speaker speaker;
            try {
                Map<String, String> env = environment(port, c.options().tcpConnections());
                if (settings.lineByLine()) {
                    env.put(LINE_BY_LINE, "1");
                }
                speaker = Speaker.start(settings.speaker(), configs, env, work, log);
            } catch (IOException e) {
                return new Outcome(false, "could not start the speaker " + settings.speaker() + ": " + e.getMessage(), "");
            }
            ref.set(speaker);
            try {
                Outcome o = await(c, peer, speaker);
                writePeerLog(work, peer);
                return o;
            } finally {
                speaker.stop(STOP_GRACE);
            }
        }
    }

    private Outcome await(CaseFile c, TestPeer peer, Speaker speaker) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        CompletableFuture<TestPeer.Verdict> verdict = peer.verdict();
        CompletableFuture<?> exited = speaker.process().onExit();
        CompletableFuture.anyOf(verdict, exited).completeOnTimeout(null, remaining(deadline), TimeUnit.NANOSECONDS)
                .join();
        speaker.rememberDescendants();
        if (!verdict.isDone() && exited.isDone()) {
            // the speaker is gone: let the peer finish reading what it already sent
            long grace = Math.min(EXIT_GRACE.toNanos(), remaining(deadline));
            waitFor(verdict, grace);
            if (!verdict.isDone()) {
                peer.fail("the speaker exited with code " + speaker.process().exitValue()
                        + " before the peer completed");
            }
        }
        if (!verdict.isDone()) {
            waitFor(verdict, remaining(deadline));
        }
        if (!verdict.isDone()) {
            peer.fail("timeout after " + settings.timeout().toSeconds() + " s");
        }
        TestPeer.Verdict v = verdict.join();
        if (!v.success()) {
            return new Outcome(false, firstLine(v.reason()), details(v.reason(), peer, speaker));
        }
        if (settings.strict()) {
            long left = remaining(deadline);
            if (!speaker.process().waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                return new Outcome(false, "strict: the speaker did not exit by itself after the peer succeeded",
                        details("", peer, speaker));
            }
        }
        return new Outcome(true, "", "");
    }

    private String details(String reason, TestPeer peer, Speaker speaker) {
        StringBuilder sb = new StringBuilder();
        int nl = reason.indexOf('\n');
        if (nl >= 0) {
            sb.append(reason.substring(nl + 1).strip()).append('\n');
        } else {
            sb.append(peer.state()).append('\n');
        }
        sb.append("connections accepted: ").append(peer.connectionCount())
                .append(", speaker pid ").append(speaker.pid())
                .append(speaker.isAlive() ? " (running)" : " (exited " + speaker.process().exitValue() + ")")
                .append('\n');
        sb.append("last ").append(TAIL_LINES).append(" lines of the speaker's output:");
        for (String line : speaker.tail(TAIL_LINES)) {
            sb.append("\n  | ").append(line);
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void writePeerLog(Path work, TestPeer peer) throws IOException {
        List<String> lines = new ArrayList<>(peer.transcript());
        lines.add("");
        lines.add(peer.rules());
        Files.write(work.resolve("peer.log"), lines, StandardCharsets.UTF_8);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void waitFor(CompletableFuture<?> f, long nanos) throws InterruptedException {
        try {
            f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the caller looks at isDone()
        }
    }

    /** Copies qa/helpers (the whole tree, executable bits kept) to the case's run/ folder. */
    private void copyHelpers(Path run) throws IOException {
        Path helpers = settings.helpers() != null ? settings.helpers() : suite.helpersDir();
        if (!Files.isDirectory(helpers)) {
            return;
        }
        try (Stream<Path> s = Files.walk(helpers)) {
            for (Path p : s.toList()) {
                Path dst = run.resolve(helpers.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover work folder is harmless
        }
    }

    /** The speaker, known only after the peer is listening (the peer needs the port first). */
    private static final class SpeakerRef {
        private volatile Speaker speaker;

        void set(Speaker s) {
            speaker = s;
        }

        Speaker get() {
            Speaker s = speaker;
            if (s == null) {
                throw new IllegalStateException("no speaker yet");
            }
            return s;
        }
    }
}
