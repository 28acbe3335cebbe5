// Every message ExaBGP's encoding cases expect on the wire decodes and re-encodes byte for byte.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.testing.CaseSessionOptions;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConformanceRoundTripTest {

    static Stream<Path> cases() {
        return Conformance.encodingCases().stream();
    }

    /** True when every NLRI in the message belongs to a family with a codec. */
    static boolean inScope(BgpMessage m) {
        if (!(m instanceof Update u)) {
            return true;
        }
        boolean reachOk = u.mpReach().map(MpReachNlri::nlri).map(n -> !n.isOpaque()).orElse(true);
        boolean unreachOk = u.mpUnreach().map(MpUnreachNlri::nlri).map(n -> !n.isOpaque() || n.isEmpty()).orElse(true);
        return reachOk && unreachOk;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void messagesRoundTrip(Path msg) {
        SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Conformance.RawRule rule : Conformance.rawRules(msg)) {
            byte[] wire = Hex.decode(rule.hex());
            BgpMessage m = MessageCodec.decode(wire, options);
            if (!inScope(m)) {
                continue;
            }
            checked++;
            if (m instanceof Update u && !u.errors().isEmpty()) {
                failures.add(rule.key() + ": RFC 7606 findings " + u.errors());
            }
            String again = Hex.encode(MessageCodec.encode(m, options));
            if (!again.equals(rule.hex())) {
                failures.add(rule.key() + ":\n  expected " + rule.hex() + "\n  encoded  " + again);
            }
        }
        Assumptions.assumeTrue(checked > 0, "no message of this case is in a supported family yet");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The cases of the VPLS, MVPN, MUP and prefix-SID families: every message is decoded and re-encoded. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"api-ipv4", "api-ipv6", "api-mvpn", "api-vpls",
        "conf-l2vpn", "conf-mvpn", "conf-prefix-sid", "conf-srv6-mup-v3", "conf-srv6-mup"})
    void familyCasesAreWhollyInScope(String name) {
        Path msg = Conformance.root().resolve("encoding").resolve(name + ".msg");
        SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
        for (Conformance.RawRule rule : Conformance.rawRules(msg)) {
            assertTrue(inScope(MessageCodec.decode(Hex.decode(rule.hex()), options)), rule.key() + " " + rule.hex());
        }
    }

    @Test
    void mostCasesHaveMessagesInScope() {
        long inScope = cases().filter(msg -> {
            SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
            return Conformance.rawRules(msg).stream()
                    .anyMatch(r -> inScope(MessageCodec.decode(Hex.decode(r.hex()), options)));
        }).count();
        assertTrue(inScope >= 60, "only " + inScope + " cases have in-scope messages");
        assertEquals(72, cases().count(), "the conformance folder should hold 72 encoding cases");
    }
}
