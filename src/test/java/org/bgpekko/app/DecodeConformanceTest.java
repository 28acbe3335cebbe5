// `bgpekko decode` prints the JSON ExaBGP's decoding cases expect; unsupported families fail cleanly.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecodeConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VOLATILE = List.of("exabgp", "host", "pid", "ppid", "time", "version");

    /** The result of one command run. */
    record Run(int exit, String out, String err) {}

    static Run decode(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>();
        all.add("decode");
        all.addAll(args);
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The command line ExaBGP's runner uses for a decoding case. */
    static List<String> argsOf(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).strip().split("\\s+", 2);
        String payload = lines.get(1).replace(" ", "");
        return switch (head[0]) {
            case "open" -> List.of("--open", payload);
            case "nlri" -> List.of("-f", head[1], "--nlri", payload);
            default -> List.of("-f", head[1], "--update", payload);
        };
    }

    static JsonNode clean(String text) throws IOException {
        JsonNode n = JSON.readTree(text);
        if (n instanceof ObjectNode o) {
            VOLATILE.forEach(o::remove);
        }
        return n;
    }

    /** The decoding cases whose families bgpekko decodes: all 18. */
    static final List<String> SUPPORTED = List.of("ipv4-unicast-1", "ipv4-unicast-2", "bgp-open-sofware-version",
            "bgp-flow-1", "bgp-flow-2", "bgp-flow-3", "bgp-flow-4", "bgp-evpn-1", "bgp-ls-1", "bgp-ls-2", "bgp-ls-3",
            "bgp-ls-4", "bgp-ls-5", "bgp-ls-6", "bgp-ls-7", "bgp-ls-8", "bgp-ls-9", "bgp-ls-10");

    static List<String> supported() {
        return SUPPORTED;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void matchesExaBgpJson(String name) throws IOException {
        Path file = Conformance.root().resolve("decoding").resolve(name);
        Run run = decode(argsOf(file));
        assertEquals("", run.err(), "stderr must be empty");
        assertEquals(0, run.exit());
        JsonNode expected = clean(Files.readAllLines(file).get(2));
        assertEquals(expected, clean(run.out()));
    }

    /** Issue 14: every decoding case of the suite is one bgpekko decodes; none is left out. */
    @Test
    void everyDecodingCaseIsChecked() throws IOException {
        try (Stream<Path> s = Files.list(Conformance.root().resolve("decoding"))) {
            assertEquals(new java.util.TreeSet<>(SUPPORTED),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(
                            java.util.TreeSet::new)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FFFFZZ", "FFF", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001302",
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00170200000000FF", "0000000540010101"})
    void malformedInputGivesOneLineAndNonZeroExit(String hex) {
        Run run = decode(List.of(hex));
        assertNotEquals(0, run.exit());
        assertEquals("", run.out());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("bgpekko decode: "), err);
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
    }
}
