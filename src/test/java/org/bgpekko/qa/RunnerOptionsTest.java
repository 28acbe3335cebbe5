// Command-line parsing of the conformance runner.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {
    @Test
    void defaultsAndOptions() {
        Runner.Options d = Runner.parse(new String[] {"--root", "/r"});
        assertEquals(List.of("bin/bgpekko", "run"), d.speaker());
        assertEquals(Duration.ofSeconds(20), d.timeout());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.jobs());
        assertEquals(Path.of("/r/target/qa-work"), d.work());
        assertTrue(!d.lineByLine());
        assertTrue(Runner.parse(new String[] {"--line-by-line"}).lineByLine());
        Runner.Options o = Runner.parse(new String[] {"--speaker", "env A='x y' /opt/exabgp -d", "--timeout", "1.5",
                "--jobs", "3", "--repeat", "20", "--strict", "--expected", "conf-ebgp.msg", "api-rr"});
        assertEquals(List.of("env", "A=x y", "/opt/exabgp", "-d"), o.speaker());
        assertEquals(Duration.ofMillis(1500), o.timeout());
        assertEquals(3, o.jobs());
        assertEquals(20, o.repeat());
        assertTrue(o.strict() && o.expected());
        assertEquals(List.of("conf-ebgp", "api-rr"), o.cases());
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Runner.parse(new String[] {"--jobs", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Runner.parse(new String[] {"--timeout"}));
        assertThrows(IllegalArgumentException.class, () -> Runner.parse(new String[] {"--nope"}));
        assertThrows(IllegalArgumentException.class, () -> Speaker.splitCommand("a 'b"));
    }

    @Test
    void aRelativeSpeakerPathIsTakenFromTheRoot() {
        assertEquals(List.of("/r/bin/bgpekko", "run"), Runner.resolveSpeaker(List.of("bin/bgpekko", "run"), Path.of("/r")));
        assertEquals(List.of("python3", "-m", "x"), Runner.resolveSpeaker(List.of("python3", "-m", "x"), Path.of("/r")));
    }
}
