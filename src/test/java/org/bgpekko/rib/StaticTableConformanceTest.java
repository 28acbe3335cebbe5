// The initial table the Rib encodes from each conformance configuration equals ExaBGP's expected UPDATEs.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Session;
import org.bgpekko.testing.EchoSession;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Hex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StaticTableConformanceTest {

    /** Cases without helper programs: every expected UPDATE comes from the configuration. */
    static Stream<org.junit.jupiter.api.Named<Path>> cases() throws IOException {
        List<org.junit.jupiter.api.Named<Path>> out = new ArrayList<>();
        for (Path msg : Conformance.encodingCases()) {
            String conf = Files.readString(Conformance.configsOf(msg).get(0));
            if (!conf.contains("process ")) {
                out.add(org.junit.jupiter.api.Named.of(Conformance.caseName(msg), msg));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void initialTableMatchesExaBgp(Path msg) throws IOException {
        Configuration c;
        try {
            c = ConfigParser.parse(Conformance.configsOf(msg).get(0));
        } catch (ConfigException e) {
            Assumptions.abort("needs a family not supported yet: " + e.getMessage());
            return;
        }
        NeighborConfig n = c.neighbors().get(0);
        Session s = EchoSession.of(n, peerAs(msg, n));

        NlriSlots slots = new NlriSlots();
        InternTable<OutboundAttributes> attrs = new InternTable<>();
        AdjRibOut out = new AdjRibOut(slots, attrs);
        StaticRoutes.of(n.routes()).announced().forEach(r -> {
            int attr = attrs.acquire(r.attributes());
            int slot = slots.acquire(r.nlri());
            out.announce(slot, attr);
            slots.release(slot);
            attrs.release(attr);
        });
        out.sessionStarted();
        UpdateEncoder encoder = new UpdateEncoder(s, n.groupUpdates(), slots, attrs);
        List<String> produced = new ArrayList<>();
        encoder.encodeAll(out.initialTable(s.families()))
                .forEach(m -> produced.add(Hex.encode(m).toUpperCase(Locale.ROOT)));

        List<String> expected = new ArrayList<>();
        for (Conformance.RawRule r : Conformance.rawRules(msg)) {
            if (Integer.parseInt(r.hex().substring(36, 38), 16) == BgpMessage.UPDATE) {
                expected.add(r.hex());
            }
        }
        Assumptions.assumeFalse(expected.isEmpty(), "the case ends before any UPDATE");
        if (expected.stream().noneMatch(StaticTableConformanceTest::isEndOfRib)) {
            produced.removeIf(StaticTableConformanceTest::isEndOfRib); // the case ends before they are read
        }
        List<String> missing = new ArrayList<>(expected);
        produced.forEach(missing::remove);
        List<String> extra = new ArrayList<>(produced);
        expected.forEach(extra::remove);
        assertEquals("", (missing.isEmpty() ? "" : "missing:\n  " + String.join("\n  ", missing) + "\n")
                + (extra.isEmpty() ? "" : "extra:\n  " + String.join("\n  ", extra)));
    }

    /** The AS the test peer answers with: its own option:asn, else the configured peer AS. */
    private static long peerAs(Path msg, NeighborConfig n) throws IOException {
        for (String line : Files.readAllLines(msg)) {
            if (line.strip().startsWith("option:asn:")) {
                return Long.parseLong(line.strip().substring("option:asn:".length()));
            }
        }
        return n.peerAs();
    }

    private static boolean isEndOfRib(String hex) {
        return hex.length() == 46 || (hex.length() == 60 && hex.startsWith("0200000007900F0003", 36));
    }
}
