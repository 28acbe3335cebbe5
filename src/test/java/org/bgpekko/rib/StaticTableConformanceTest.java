// The initial table the Rib encodes from each conformance configuration equals ExaBGP's expected UPDATEs.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.testing.CaseSessionOptions;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.SessionOptions;
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
        SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
        Assumptions.assumeFalse(n.families().isEmpty(), "no family block: every family is negotiated");
        long peerAs = msg.toString().contains("conf-ebgp") ? 65000 : n.peerAs();
        Session s = new Session(PeerId.of(n), 1, options, new ArrayList<>(new TreeSet<>(n.families())),
                n.localAddress(), n.peerAddress(), n.localAs(), peerAs, null, null);

        AdjRibOut out = new AdjRibOut();
        StaticRoutes.of(n.routes()).initial().values().forEach(out::announce);
        out.sessionStarted();
        UpdateEncoder encoder = new UpdateEncoder(s, n.groupUpdates());
        List<String> produced = new ArrayList<>();
        encoder.encode(out.takePending(), false).forEach(m -> produced.add(Hex.encode(m).toUpperCase(Locale.ROOT)));
        encoder.endOfRib().forEach(m -> produced.add(Hex.encode(m).toUpperCase(Locale.ROOT)));

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

    private static boolean isEndOfRib(String hex) {
        return hex.length() == 46 || (hex.length() == 60 && hex.startsWith("0200000007900F0003", 36));
    }
}
