// Every scenario of conf/sim passes its assertions, repeatably: same seed, same log byte for byte; another seed, another log.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFilesTest {
    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("conf/sim"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
            assertTrue(!all.isEmpty(), "no scenario in conf/sim");
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void passesItsAssertionsAndRepeats(Path file) {
        Scenario s = Scenario.read(file);
        StringWriter one = new StringWriter();
        ScenarioRun.Result first = ScenarioRun.run(s, null, null, one, null);
        assertTrue(first.ok(), file + ": " + first.failed());
        assertTrue(!first.outcomes().isEmpty(), file + " has no assertion");
        assertEquals(0, first.foreignPosts(), "nothing may reach the loop from another thread");
        StringWriter two = new StringWriter();
        ScenarioRun.Result second = ScenarioRun.run(s, null, null, two, null);
        assertEquals(one.toString(), two.toString(), file + ": same seed, same log");
        assertEquals(first.digest(), second.digest());

        StringWriter other = new StringWriter();
        ScenarioRun.run(s, first.seed() + 1, java.time.Duration.ofSeconds(30), other, null);
        String head = withoutStart(one.toString());
        head = head.substring(0, Math.min(head.length(), withoutStart(other.toString()).length()));
        assertNotEquals(head, withoutStart(other.toString()).substring(0, head.length()),
                file + ": another seed draws other routes");
    }

    /** The log without its first line (which names the seed), so that a difference is one of the run itself. */
    private static String withoutStart(String log) {
        return log.substring(log.indexOf('\n') + 1);
    }
}
