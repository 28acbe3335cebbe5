// bgpekko simulate: the table, the event log, exit 0 when every assertion holds, 1 listing those that fail, 2 for a bad file.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            until: 20s
            members:
              - {name: m, count: 3, routes: {count: 5}}
            events:
              - {at: 10s, down: m03}
            assertions:
              - {at: 5s, member: m, routes: 10}
              - {at: 15s, member: m01, routes: %d}
            """;

    private int run(String yaml, StringWriter out, StringWriter err, String... extra) throws Exception {
        Path f = dir.resolve("s.yml");
        Files.writeString(f, yaml);
        String[] args = new String[extra.length + 3];
        args[0] = "simulate";
        args[1] = "--quiet";
        args[2] = f.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void passesWritesTheTableAndTheLog() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path events = dir.resolve("e.jsonl");
        Path report = dir.resolve("r.html");
        assertEquals(0, run(SCENARIO.formatted(5), out, err, "--events", events.toString(), "--report",
                report.toString()), err.toString());
        assertTrue(out.toString().contains("m01"), out.toString());
        assertTrue(out.toString().contains("PASS s.yml:8 m01 holds 5 routes at 15s"), out.toString());
        assertTrue(Files.readAllLines(events).get(0).startsWith("{\"t\":0,\"event\":\"start\",\"seed\":1"));
        assertTrue(Files.readString(report).contains("<svg"));
    }

    @Test
    void failedAssertionExitsOneAndIsListed() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(SCENARIO.formatted(10), out, err));
        assertTrue(err.toString().contains("1 assertion(s) failed"), err.toString());
        assertTrue(err.toString().contains("s.yml:8 m01 holds 10 routes at 15s: m01 holds 5"), err.toString());
    }

    @Test
    void badScenarioExitsTwoWithItsPosition() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, run("members:\n  - {name: a, asn: -1}\n", new StringWriter(), err));
        assertTrue(err.toString().startsWith(dir.resolve("s.yml") + ":2:5: asn out of range"), err.toString());
    }
}
