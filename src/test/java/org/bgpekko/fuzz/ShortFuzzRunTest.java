// A bounded coverage-guided run (Jazzer, 15 s) of each fuzz target from its seeds, in the normal suite: a crash fails
// the build and names its input file (docs/fuzzing.md turns it into a permanent vector). bin/fuzz runs longer.
package org.bgpekko.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortFuzzRunTest {
    /** Seconds of fuzzing per target in the suite. */
    static final int SECONDS = 15;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"update,UpdateFuzzer", "open,OpenFuzzer", "apiLine,ApiLineFuzzer"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void findsNoCrash(String name, String targetClass, @TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        try (Stream<Path> s = Files.list(FuzzCorpusTest.seeds(name))) {
            for (Path p : s.toList()) {
                Files.copy(p, corpus.resolve(p.getFileName()));
            }
        }
        Path crashes = Files.createDirectories(dir.resolve("crashes"));
        Path log = dir.resolve("fuzz.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:-OmitStackTraceInFastThrow", "-cp", System.getProperty("java.class.path"),
                "com.code_intelligence.jazzer.Jazzer", "--target_class=org.bgpekko.fuzz." + targetClass,
                "--instrumentation_includes=org.bgpekko.**", "--instrumentation_excludes=org.bgpekko.fuzz.**",
                "-max_total_time=" + SECONDS, "-rss_limit_mb=2048", "-timeout=60",
                "-artifact_prefix=" + crashes + "/", corpus.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the fuzzer did not stop: " + tail(log));
        } finally {
            p.destroyForcibly();
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(crashes)) {
            found = s.toList();
        }
        assertTrue(found.isEmpty() && p.exitValue() == 0, "the " + name + " fuzzer found a crash (exit "
                + p.exitValue() + "), input " + found + " (copy it before the temporary folder goes; "
                + "docs/fuzzing.md):\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
