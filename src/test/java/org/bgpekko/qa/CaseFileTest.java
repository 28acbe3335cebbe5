// The .msg/.ci parser against every shared encoding case and against the format rules one by one.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CaseFileTest {
    private static final Suite SUITE = Suite.of(Path.of("").toAbsolutePath());
    private static final Map<String, CaseFile> CASES = SUITE.cases();

    private static List<String> labels(CaseFile c) {
        return c.groups().stream().map(Group::label).toList();
    }

    @Test
    void allSeventyTwoEncodingCasesParse() {
        long shared = CASES.values().stream().filter(c -> c.dir().equals(SUITE.encodingDir())).count();
        assertEquals(72, shared);
        int raw = CASES.values().stream().filter(c -> c.dir().equals(SUITE.encodingDir()))
                .mapToInt(CaseFile::rawCount).sum();
        // grep -v '#' *.msg | grep -c ':raw:' gives 368
        assertEquals(368, raw);
        for (CaseFile c : CASES.values()) {
            assertFalse(c.groups().isEmpty(), c.name());
            assertFalse(c.configs().isEmpty(), c.name());
            assertTrue(c.options().unknown().isEmpty(), c.name() + " " + c.options().unknown());
        }
    }

    @Test
    void groupsAreOrderedByKeyThenNumericSequence() {
        assertEquals(List.of("A10", "A20", "A21", "A30", "A31", "A40", "A41", "A50", "A60"), labels(CASES.get("api-rib")));
        assertEquals(List.of("a1", "a2", "b1", "b2", "c1"), labels(CASES.get("api-teardown")));
        assertEquals(List.of("a1", "a2", "a3"), labels(CASES.get("api-reload")));
        var p = CaseFile.parseMsg(List.of("10:raw:FFFF", "9:raw:EEEE", "2:raw:DDDD", "b1:raw:CC", "A1:notification:x y"));
        assertEquals(List.of("A1", "A2", "A9", "A10", "b1"), p.groups().stream().map(Group::label).toList());
    }

    @Test
    void commentedLinesAndColonsInsideHexAreHandled() {
        CaseFile c = CASES.get("conf-path-information");
        assertEquals(List.of("A1", "A2"), labels(c)); // '#2:raw:…' is ignored
        assertEquals(3, c.groups().get(0).rules().size());
        assertEquals("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00350200000015400101004002004003040A0A01014005040000006400000001200A00000A",
                c.groups().get(0).rules().get(0).content());
        assertEquals(2, CASES.get("conf-ebgp").rawCount()); // the option line is not a rule
    }

    @Test
    void optionLinesConfigureThePeer() {
        assertEquals(OptionalInt.of(65000), CASES.get("conf-ebgp").options().asn());
        assertEquals(3, CASES.get("api-teardown").options().tcpConnections());
        assertEquals(1, CASES.get("conf-ebgp").options().tcpConnections());
        assertTrue(CASES.get("conf-ipself6").options().bindIpv6());
        assertTrue(CASES.get("conf-unknowncap").options().sendUnknownCapability());
        assertTrue(CASES.get("conf-hostname").options().inspectOpen());
        assertTrue(CASES.get("conf-cap-software-version").options().inspectOpen());
        assertTrue(CASES.get("api-check").options().sendDefaultRoute());
        assertTrue(CASES.get("unknown-message").options().sendUnknownMessage());
        assertEquals(PeerOptions.NONE, CASES.get("conf-vpn").options());
    }

    @Test
    void actionsAndNotificationText() {
        Rule n = CASES.get("api-notification").groups().get(0).rules().get(0);
        assertEquals(new Rule("A", 1, Rule.Kind.NOTIFICATION, "closing session because we can"), n);
        Rule s = CASES.get("api-reload").groups().get(1).rules().get(0);
        assertEquals(new Rule("a", 2, Rule.Kind.SIGNAL, "SIGUSR1"), s);
        // notification lines keep spaces and case; others lose spaces and are lower-cased (hex then upper)
        assertEquals(new Rule("B", 3, Rule.Kind.NOTIFICATION, "Shutting Down Now"),
                Rule.parse("B3:notification:Shutting Down Now"));
        assertEquals(new Rule("b", 3, Rule.Kind.RAW, "FFFF0013AB"), Rule.parse("B3:raw: ffff : 0013 : ab"));
    }

    @Test
    void invalidRulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rule.parse("1:json:{}"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parse("x:raw:FFFF"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parse("1:raw:FFF"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parse("1:raw:FFZZ"));
        assertThrows(IllegalArgumentException.class, () -> PeerOptions.NONE.with("option:asn:70000"));
    }

    @Test
    void ruleMatchingWithAndWithoutMarker() {
        String ka = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304";
        assertTrue(Rule.parse("1:raw:" + ka).matches(ka));
        assertTrue(Rule.parse("1:raw:001304").matches(ka)); // marker-less rule compared without the marker
        assertFalse(Rule.parse("1:raw:001305").matches(ka));
        assertFalse(Rule.parse("A1:notification:x").matches(ka));
    }

    @Test
    void configsOfTheCaseFiles() {
        assertEquals(List.of("api-reload.1.conf", "api-reload.2.conf"), CASES.get("api-reload").configs());
        assertEquals(List.of("api-watchdog.conf"), CASES.get("conf-watchdog").configs());
        assertEquals(List.of("unknown-message.conf"), CASES.get("unknown-message").configs());
        CaseFile c = CASES.get("conf-ebgp");
        assertEquals(SUITE.shared().resolve("etc").resolve("conf-ebgp.conf"), SUITE.config(c, "conf-ebgp.conf"));
    }

    @Test
    void expectedPassListNamesExistingCases() {
        List<String> expected = SUITE.expectedPass();
        assertTrue(expected.size() >= 29, "expected-pass.txt lists " + expected.size());
        for (String n : expected) {
            assertTrue(CASES.containsKey(n), "qa/expected-pass.txt names an unknown case " + n);
        }
        for (String n : SUITE.expectedFail().keySet()) {
            assertTrue(CASES.containsKey(n), "qa/expected-fail.txt names an unknown case " + n);
            assertFalse(expected.contains(n), n + " is listed as both passing and failing");
        }
    }
}
