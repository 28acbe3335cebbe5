// Command line of the conformance runner: selects cases, runs them in parallel, prints PASS/FAIL and a total.
package org.bgpekko.qa;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class Runner {

    static final String USAGE = """
            usage: conformance [options] [case ...]
              (no case: every case of the shared encoding folder and of qa/cases)
              --speaker "CMD ..."  speaker command, config paths appended (default: bin/bgpekko run)
              --timeout SECONDS    per-case timeout (default 20)
              --jobs N             cases run in parallel (default: number of cores)
              --repeat N           run each case N times, report pass counts
              --strict             the speaker must exit by itself after the peer succeeded
              --expected           run the cases of qa/expected-pass.txt
              --work DIR           work folders go there (default target/qa-work)
              --keep               keep the work folders of passed runs too
              --helpers DIR        helper programs copied to each case's run/ (default qa/helpers)
              --line-by-line       our helpers write every command with its own write(2)
              --list               print the selected case names and exit
              --root DIR           repository root (default: current folder)
            """;

    /** Parsed command line. */
    record Options(List<String> speaker, Duration timeout, int jobs, int repeat, boolean strict, boolean expected,
                   Path work, boolean keep, boolean list, Path root, Path helpers, boolean lineByLine,
                   List<String> cases) {}

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(Speaker::killAll, "conformance-shutdown"));
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("conformance: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** Runs the command line; returns 0 when every selected case passed (every run). */
    public static int run(String[] args, PrintStream out) throws Exception {
        Options o = parse(args);
        Suite suite = Suite.of(o.root());
        Map<String, CaseFile> all = suite.cases();
        List<String> names = new ArrayList<>(o.cases());
        if (o.expected()) {
            names.addAll(suite.expectedPass());
        }
        if (names.isEmpty()) {
            names.addAll(all.keySet());
        }
        List<CaseFile> selected = new ArrayList<>();
        for (String n : names.stream().distinct().toList()) {
            CaseFile c = all.get(n);
            if (c == null) {
                throw new IllegalArgumentException("no such case: " + n);
            }
            selected.add(c);
        }
        if (o.list()) {
            selected.forEach(c -> out.println(c.name()));
            return 0;
        }
        List<String> speaker = resolveSpeaker(o.speaker(), suite.root());
        CaseRunner runner = new CaseRunner(suite, new CaseRunner.Settings(speaker, o.timeout(), o.strict(),
                o.work(), o.keep(), o.helpers(), o.lineByLine()));
        return execute(runner, selected, o.jobs(), o.repeat(), out);
    }

    /** Runs every case {@code repeat} times on {@code jobs} threads and prints the report. */
    static int execute(CaseRunner runner, List<CaseFile> cases, int jobs, int repeat, PrintStream out)
            throws InterruptedException {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        Map<String, List<Future<CaseRunner.Result>>> futures = new LinkedHashMap<>();
        try {
            for (int i = 1; i <= repeat; i++) {
                for (CaseFile c : cases) {
                    int attempt = repeat == 1 ? 0 : i;
                    futures.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(pool.submit(() -> report(runner.run(c, attempt), repeat, out)));
                }
            }
            int passed = 0;
            int failed = 0;
            for (var e : futures.entrySet()) {
                int ok = 0;
                for (Future<CaseRunner.Result> f : e.getValue()) {
                    try {
                        ok += f.get().passed() ? 1 : 0;
                    } catch (java.util.concurrent.ExecutionException ex) {
                        synchronized (out) {
                            out.println("FAIL " + e.getKey() + " (runner error: " + ex.getCause() + ")");
                        }
                    }
                }
                if (repeat > 1) {
                    synchronized (out) {
                        out.println((ok == repeat ? "PASS " : "FAIL ") + e.getKey() + " " + ok + "/" + repeat);
                    }
                }
                if (ok == repeat) {
                    passed++;
                } else {
                    failed++;
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf("conformance: %d case(s), %d run(s) each, %.1f s%n", cases.size(), repeat, secs);
            out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CaseRunner.Result report(CaseRunner.Result r, int repeat, PrintStream out) {
        String run = repeat > 1 ? " run " + r.attempt() : "";
        synchronized (out) {
            if (r.passed()) {
                if (repeat == 1) {
                    out.println("PASS " + r.name());
                }
            } else {
                out.println("FAIL " + r.name() + run + " (" + r.reason() + ")");
                if (!r.details().isEmpty()) {
                    r.details().lines().forEach(l -> out.println("    " + l));
                }
            }
        }
        return r;
    }

    /** A relative program path with a slash (bin/bgpekko) is taken relative to the repository root. */
    static List<String> resolveSpeaker(List<String> speaker, Path root) {
        List<String> out = new ArrayList<>(speaker);
        String first = out.get(0);
        if (first.contains("/") && !Path.of(first).isAbsolute()) {
            out.set(0, root.resolve(first).normalize().toString());
        }
        return out;
    }

    static Options parse(String[] args) {
        List<String> speaker = List.of("bin/bgpekko", "run");
        Duration timeout = Duration.ofSeconds(20);
        int jobs = Runtime.getRuntime().availableProcessors();
        int repeat = 1;
        boolean strict = false;
        boolean expected = false;
        boolean keep = false;
        boolean list = false;
        boolean lineByLine = false;
        Path root = Path.of(System.getProperty("bgpekko.root", ".")).toAbsolutePath().normalize();
        Path work = null;
        Path helpers = null;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--speaker" -> speaker = Speaker.splitCommand(value(args, ++i, a));
                case "--timeout" -> timeout = Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, a)) * 1000));
                case "--jobs" -> jobs = positive(value(args, ++i, a), a);
                case "--repeat" -> repeat = positive(value(args, ++i, a), a);
                case "--strict" -> strict = true;
                case "--expected" -> expected = true;
                case "--keep" -> keep = true;
                case "--list" -> list = true;
                case "--line-by-line" -> lineByLine = true;
                case "--work" -> work = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--helpers" -> helpers = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                case "-h", "--help" -> throw new IllegalArgumentException("\n" + USAGE);
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    }
                    cases.add(a.endsWith(".msg") || a.endsWith(".ci") ? a.substring(0, a.lastIndexOf('.')) : a);
                }
            }
        }
        if (speaker.isEmpty()) {
            throw new IllegalArgumentException("--speaker needs a command");
        }
        if (work == null) {
            work = root.resolve("target").resolve("qa-work");
        }
        return new Options(speaker, timeout, jobs, repeat, strict, expected, work, keep, list, root, helpers,
                lineByLine, cases);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String option) {
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
