// One dynamic test per conformance case: the cases of qa/expected-pass.txt run against `Main run`, the rest skip.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bgpekko.app.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The speaker is started as {@code java -cp <test class path> org.bgpekko.app.Main run CONF…} (the jar does
 * not exist during {@code mvn test}). System properties: {@code bgpekko.qa.jobs} (default: cores),
 * {@code bgpekko.qa.timeout} seconds (20), {@code bgpekko.qa.repeat} (1), {@code bgpekko.qa.jvmArgs},
 * {@code bgpekko.qa.lineByLine} (our helpers write one command per write), and
 * {@code bgpekko.qa.speaker}: another speaker command (for example ExaBGP) instead of {@code Main run}.
 */
class ConformanceCasesTest {

    /** Null when {@code Main} has a {@code run} subcommand, else why the cases cannot run. */
    static String speakerMissing() {
        CommandLine cl = new CommandLine(new Main());
        if (cl.getSubcommands().containsKey("run")) {
            return null;
        }
        return "the speaker does not exist yet: org.bgpekko.app.Main has no 'run' subcommand (issue 4)";
    }

    static List<String> speakerCommand() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(Speaker.splitCommand(System.getProperty("bgpekko.qa.jvmArgs",
                "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx256m")));
        cmd.addAll(List.of("-cp", cp, Main.class.getName(), "run"));
        return cmd;
    }

    @TestFactory
    Stream<DynamicTest> conformanceCases() {
        Suite suite = Suite.of(Path.of("").toAbsolutePath());
        Map<String, CaseFile> all = suite.cases();
        List<String> expected = suite.expectedPass();
        Map<String, String> expectedFail = suite.expectedFail();
        for (String n : expected) {
            assertTrue(all.containsKey(n), "qa/expected-pass.txt names an unknown case " + n);
        }
        String other = System.getProperty("bgpekko.qa.speaker", "");
        String missing = other.isBlank() ? speakerMissing() : null;
        List<String> speaker = other.isBlank() ? speakerCommand() : Speaker.splitCommand(other);
        int repeat = Integer.getInteger("bgpekko.qa.repeat", 1);
        Map<String, List<Future<CaseRunner.Result>>> running = new LinkedHashMap<>();
        if (missing == null && !expected.isEmpty()) {
            int jobs = Integer.getInteger("bgpekko.qa.jobs", Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
                Thread t = new Thread(r, "conformance-case");
                t.setDaemon(true);
                return t;
            });
            CaseRunner runner = new CaseRunner(suite, new CaseRunner.Settings(speaker,
                    Duration.ofSeconds(Integer.getInteger("bgpekko.qa.timeout", 20)), false,
                    suite.root().resolve("target").resolve("qa-junit"), false, null,
                    Boolean.getBoolean("bgpekko.qa.lineByLine")));
            for (int i = 1; i <= repeat; i++) {
                for (String n : expected) {
                    int attempt = repeat == 1 ? 0 : i;
                    running.computeIfAbsent(n, k -> new ArrayList<>()).add(pool.submit(() -> runner.run(all.get(n), attempt)));
                }
            }
            pool.shutdown();
        }
        return all.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            if (!expected.contains(name)) {
                String why = expectedFail.get(name);
                Assumptions.abort(why != null ? "expected to fail: " + why : "not listed in qa/expected-pass.txt");
            }
            if (missing != null) {
                Assumptions.abort(missing);
            }
            List<String> failures = new ArrayList<>();
            for (Future<CaseRunner.Result> f : running.get(name)) {
                CaseRunner.Result r = f.get();
                if (!r.passed()) {
                    failures.add("run " + r.attempt() + ": " + r.reason() + "\n" + r.details());
                }
            }
            if (!failures.isEmpty()) {
                fail(name + " failed " + failures.size() + "/" + repeat + " run(s): " + failures.get(0));
            }
        }));
    }
}
