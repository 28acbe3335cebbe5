// Attributes parsed from each conformance configuration equal those ExaBGP puts on the wire for the same route.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bgpekko.testing.EchoSession;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigAgainstWireTest {

    static Stream<Path> cases() {
        return Conformance.encodingCases().stream();
    }

    /**
     * Every announced NLRI of the expected messages, with the attribute sets it went out with: one, or more when
     * the configuration has it twice (conf-flow-redirect, api-flow-merge, conf-l2vpn: ExaBGP sends both).
     */
    static Map<Nlri, List<PathAttributes>> announced(Path msg, SessionOptions options) {
        Map<Nlri, List<PathAttributes>> out = new HashMap<>();
        for (Conformance.RawRule r : Conformance.rawRules(msg)) {
            BgpMessage m = MessageCodec.decode(Hex.decode(r.hex()), options);
            if (m instanceof Update u) {
                u.nlri().forEach(n -> out.computeIfAbsent(n, k -> new ArrayList<>()).add(u.attributes()));
                u.mpReach().map(MpReachNlri::nlri).filter(b -> !b.isOpaque()).ifPresent(b -> b.forEach(n ->
                        out.computeIfAbsent(n, k -> new ArrayList<>()).add(u.attributes())));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void configuredAttributesMatchTheWire(Path msg) throws IOException {
        List<Path> confs = Conformance.configsOf(msg);
        Configuration c;
        try {
            c = ConfigParser.parse(confs.get(0));
        } catch (ConfigException e) {
            Assumptions.abort("configuration needs a family not supported yet: " + e.getMessage());
            return;
        }
        SessionOptions options = EchoSession.options(c.neighbors().get(0));
        Map<Nlri, List<PathAttributes>> wire = announced(msg, options);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (NeighborConfig n : c.neighbors()) {
            for (RouteConfig r : n.routes()) {
                List<PathAttributes> sent = wire.get(withPathId(r.nlri(), options));
                if (sent == null || r.split() >= 0 || r.withdrawn()) {
                    continue;
                }
                checked++;
                List<String> mismatches = new ArrayList<>();
                for (PathAttributes one : sent) {
                    List<String> m = mismatches(r, one);
                    if (m.isEmpty()) {
                        mismatches.clear();
                        break;
                    }
                    mismatches.addAll(m);
                }
                problems.addAll(mismatches);
            }
        }
        Assumptions.assumeTrue(checked > 0, "no configured route appears as such on the wire");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What of the configured attributes of a route is not in one attribute set that was sent. */
    private static List<String> mismatches(RouteConfig r, PathAttributes sent) {
        List<String> out = new ArrayList<>();
        for (PathAttribute a : r.attributes().list()) {
            PathAttribute w = sent.get(a.typeCode()).orElse(null);
            if (w == null && a.typeCode() == PathAttribute.LOCAL_PREF) {
                continue; // LOCAL_PREF is not sent to external peers (RFC 4271 5.1.5): conf-ebgp
            }
            if (!a.equals(w)) {
                out.add(r.nlri() + ": configured " + a + " but sent " + w);
            }
        }
        return out;
    }

    /** Routes of add-path families go out with path id 0 when none was configured. */
    private static Nlri withPathId(Nlri n, SessionOptions options) {
        if (n.pathId() != Nlri.NO_PATH_ID || !options.addPathSend(n.family())) {
            return n;
        }
        return org.bgpekko.wire.nlri.NlriBlock.of(n.family(), true, List.of(n)).iterator().next();
    }
}
