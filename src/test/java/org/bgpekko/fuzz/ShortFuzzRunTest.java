// A bounded coverage-guided run (Jazzer, 15 s) of each fuzz target from its seeds, the three side by side in child
// JVMs, in the normal suite: a crash fails the build and names its input file (docs/fuzzing.md turns it into a
// permanent vector). bin/fuzz runs longer.
package org.bgpekko.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ShortFuzzRunTest {
    /** Seconds of fuzzing per target in the suite. */
    static final int SECONDS = 15;

    static final Map<String, String> TARGETS = Map.of("update", "UpdateFuzzer", "open", "OpenFuzzer",
            "apiLine", "ApiLineFuzzer");

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void noTargetCrashes(@TempDir Path dir) throws Exception {
        Map<String, Process> running = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : TARGETS.entrySet()) {
            running.put(t.getKey(), start(t.getKey(), t.getValue(), Files.createDirectories(dir.resolve(t.getKey()))));
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Process> r : running.entrySet()) {
            Path work = dir.resolve(r.getKey());
            Process p = r.getValue();
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    failures.add(r.getKey() + ": the fuzzer did not stop\n" + tail(work.resolve("fuzz.log")));
                    continue;
                }
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            List<Path> found; // libFuzzer also leaves slow-unit-* files there: slow inputs, not findings
            try (Stream<Path> s = Files.list(work.resolve("crashes"))) {
                found = s.filter(f -> !f.getFileName().toString().startsWith("slow-unit-")).toList();
            }
            if (!found.isEmpty() || p.exitValue() != 0) {
                failures.add("the " + r.getKey() + " fuzzer found a crash (exit " + p.exitValue() + "), input "
                        + found + " (copy it before the temporary folder goes; docs/fuzzing.md):\n"
                        + tail(work.resolve("fuzz.log")));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private static Process start(String name, String targetClass, Path work) throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        try (Stream<Path> s = Files.list(FuzzCorpusTest.seeds(name))) {
            for (Path p : s.toList()) {
                Files.copy(p, corpus.resolve(p.getFileName()));
            }
        }
        Path crashes = Files.createDirectories(work.resolve("crashes"));
        // through a shell that forks it (not exec): a process spawned by this JVM inherits the JVM's peak RSS as its
        // own ru_maxrss (vfork shares the address space until exec), which libFuzzer reads for -rss_limit_mb; with the
        // suite's JVM over 2 GB every fuzzer stopped at once with "out-of-memory (used: 2192Mb)" on its seed corpus
        return new ProcessBuilder("/bin/sh", "-c", "\"$@\"; exit $?", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:-OmitStackTraceInFastThrow", "-cp", System.getProperty("java.class.path"),
                "com.code_intelligence.jazzer.Jazzer", "--target_class=org.bgpekko.fuzz." + targetClass,
                "--instrumentation_includes=org.bgpekko.**", "--instrumentation_excludes=org.bgpekko.fuzz.**",
                "-max_total_time=" + SECONDS, "-rss_limit_mb=2048", "-timeout=60",
                "-artifact_prefix=" + crashes + "/", corpus.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("fuzz.log").toFile()).start();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
