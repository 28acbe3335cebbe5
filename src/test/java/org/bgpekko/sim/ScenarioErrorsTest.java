// A scenario that cannot be run is refused with the file, line and column of what is wrong.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioErrorsTest {
    private static final Path F = Path.of("t.yml");

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> Scenario.parse(F, yaml)).getMessage();
    }

    @Test
    void unknownKeyIsRefusedWhereItIs() {
        String m = error("""
                members:
                  - name: a
                    colour: red
                """);
        assertEquals("t.yml:3:5: Unrecognized field \"colour\"", m.substring(0, m.indexOf('"', m.indexOf('"') + 1) + 1));
    }

    @Test
    void eventOnAnUnknownMember() {
        assertEquals("t.yml:5:5: no member or member group named b", error("""
                members:
                  - name: a
                events:
                  - {at: 1s, down: a}
                  - {at: 2s, down: b}
                """));
    }

    @Test
    void eventWithTwoActions() {
        assertEquals("t.yml:4:5: an event needs exactly one of [down, drop, up, flap, stop-reading, resume-reading, "
                + "malformed, announce, withdraw, helper-restart, reload], not [down, up]", error("""
                members:
                  - name: a
                events:
                  - {at: 1s, down: a, up: a}
                """));
    }

    @Test
    void badDuration() {
        assertEquals("t.yml:4:5: at: 'soon' is not a duration (like 250ms, 30s, 2m, 1h)", error("""
                members:
                  - name: a
                assertions:
                  - {at: soon, member: a, routes: 1}
                """));
    }

    @Test
    void wrongType() {
        String m = error("""
                members:
                  - name: a
                    count: many
                """);
        assertEquals("t.yml:3:12:", m.substring(0, 11));
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtTheSecond() { // the second value used to replace the first without a word
        String m = error("""
                seed: 1
                members:
                  - name: a
                seed: 2
                """);
        assertEquals("t.yml:4:1: the key 'seed' is given twice", m);
    }

    @Test
    void aKeyGivenTwiceInsideAnEntry() {
        String m = error("""
                members:
                  - name: a
                    name: b
                """);
        assertEquals("t.yml:3:5: the key 'name' is given twice", m);
    }

    @Test
    void aSyntaxErrorIsReportedWhereTheYamlScannerStopped() {
        String m = error("""
                name: x
                seed: "1
                """);
        assertEquals("t.yml:3:1: invalid YAML:", m.substring(0, 24));
    }

    @Test
    void groupNamesExpand() {
        Scenario s = Scenario.parse(F, """
                members:
                  - {name: m, count: 3, routes: {count: 2}}
                assertions:
                  - {at: 5s, member: m, routes: 4}
                """);
        ScenarioCheck.Plan p = ScenarioCheck.plan(s);
        assertEquals(java.util.List.of("m01", "m02", "m03"), p.groups().get("m"));
        assertEquals(java.util.List.of("m01", "m02", "m03"), p.assertions().get(0).targets());
    }
}
