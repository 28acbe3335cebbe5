// The OPEN bgpekko builds from each conformance configuration: byte-exact where the suite inspects it, rule-abiding everywhere.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.GracefulRestart;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenBuilderTest {
    static final String VERSION = "ExaBGP/5.0.0-0+test";

    static List<NeighborConfig> neighbors(String conf) throws Exception {
        return ConfigParser.parse(Conformance.root().resolve("etc").resolve(conf)).neighbors();
    }

    static String hex(Open o) {
        return Bytes.of(MessageCodec.encode(o, SessionOptions.DEFAULT)).hex().toUpperCase(Locale.ROOT);
    }

    static String inspected(String caseName) {
        return Conformance.rawRules(Conformance.root().resolve("encoding").resolve(caseName + ".msg")).get(0).hex();
    }

    @Test
    void hostnameOpenIsByteExact() throws Exception {
        assertEquals(inspected("conf-hostname"), hex(OpenBuilder.build(neighbors("conf-hostname.conf").get(0), VERSION)));
    }

    @Test
    void softwareVersionOpenIsByteExact() throws Exception {
        assertEquals(inspected("conf-cap-software-version"),
                hex(OpenBuilder.build(neighbors("conf-cap-software-version.conf").get(0), VERSION)));
    }

    static Stream<Path> cases() {
        return Conformance.encodingCases().stream();
    }

    /** ExaBGP's capability order, by code. */
    static int rank(Capability c) {
        return switch (c.code()) {
            case Capability.MULTIPROTOCOL -> 0;
            case Capability.FOUR_OCTET_AS -> 1;
            case Capability.EXTENDED_NEXT_HOP -> 2;
            case Capability.ADD_PATH -> 3;
            case Capability.GRACEFUL_RESTART -> 4;
            case Capability.FQDN -> 5;
            case Capability.SOFTWARE_VERSION -> 6;
            case Capability.MULTI_SESSION -> 7;
            default -> throw new AssertionError("capability " + c.code() + " is never sent");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseOpenFollowsTheRules(Path msg) throws Exception {
        for (Path conf : Conformance.configsOf(msg)) {
            List<NeighborConfig> ns;
            try {
                ns = ConfigParser.parse(conf).neighbors();
            } catch (ConfigException e) {
                continue; // a family not supported yet: the config test pins that
            }
            for (NeighborConfig n : ns) {
                Open open = OpenBuilder.build(n, VERSION);
                byte[] wire = MessageCodec.encode(open, SessionOptions.DEFAULT);
                assertEquals(open, MessageCodec.decode(wire, SessionOptions.DEFAULT), conf + ": round trip");
                List<Capability> caps = open.capabilities();
                for (int i = 1; i < caps.size(); i++) {
                    assertTrue(rank(caps.get(i - 1)) <= rank(caps.get(i)), conf + ": order " + caps);
                }
                List<Family> mp = open.all(Multiprotocol.class).stream().map(Multiprotocol::family).toList();
                assertEquals(mp.stream().sorted().toList(), mp, conf + ": MP ascending");
                assertEquals(n.families().isEmpty() ? 21 : n.families().size(), mp.size(), conf + ": MP count");
                assertEquals(n.capability().asn4(), open.capability(FourOctetAs.class).isPresent());
                assertEquals(n.localAs() > 0xFFFF ? OpenBuilder.AS_TRANS : n.localAs(), open.myAs());
                assertEquals(n.holdTime(), open.holdTime());
                open.capability(GracefulRestart.class).ifPresent(gr -> {
                    assertEquals(GracefulRestart.RESTART_STATE, gr.restartFlags());
                    assertEquals(mp, gr.families().stream().map(GracefulRestart.Entry::family).toList());
                });
                boolean rfc9072 = (wire[28] & 0xFF) == 255 && (wire[29] & 0xFF) == 255;
                int params = wire.length - 29;
                assertEquals(params >= 255 + 4, rfc9072, conf + ": RFC 9072 form iff parameters >= 255 bytes");
            }
        }
    }

    @Test
    void vpnUsesTheExtendedParameterForm() throws Exception {
        Open open = OpenBuilder.build(neighbors("conf-vpn.conf").get(0), VERSION);
        byte[] wire = MessageCodec.encode(open, SessionOptions.DEFAULT);
        assertEquals(0xFF, wire[28] & 0xFF);
        assertEquals(0xFF, wire[29] & 0xFF);
        assertEquals(wire.length - 32, (wire[30] & 0xFF) << 8 | wire[31] & 0xFF);
        assertEquals(2, wire[32]); // first parameter: capabilities, 2-byte length
        assertEquals(21, open.all(Multiprotocol.class).size());
        assertEquals(List.of(0, 1, 4), open.capabilities().stream().map(OpenBuilderTest::rank).distinct().toList());
    }

    @Test
    void apiOpenHasAddPathGracefulRestart360AndTwoMultiSessions() throws Exception {
        Open open = OpenBuilder.build(neighbors("api-open.conf").get(0), VERSION);
        assertEquals(List.of(new AddPath.Entry(Family.IPV4_UNICAST, 3)),
                open.capability(AddPath.class).orElseThrow().entries());
        GracefulRestart gr = open.capability(GracefulRestart.class).orElseThrow();
        assertEquals(360, gr.restartTime());
        assertEquals(List.of(new MultiSession(Bytes.of((byte) 0)), new MultiSession(Bytes.of((byte) 1))),
                open.all(MultiSession.class));
        assertTrue(open.capability(ExtendedNextHop.class).isEmpty(), "ipv6 unicast is not a configured family");
        String hex = hex(open);
        assertTrue(hex.contains("02084006816800010180"), hex); // GR 0x8000|360, ipv4 unicast 0x80
        assertTrue(hex.endsWith("020344010002034401" + "01"), hex);
    }

    @Test
    void noAsn4SendsNoFourOctetCapability() throws Exception {
        Open open = OpenBuilder.build(neighbors("conf-no-asn4.conf").get(0), VERSION);
        assertFalse(open.capability(FourOctetAs.class).isPresent());
    }

    @Test
    void apiRrSendsOnlyMultiprotocolAndAsn4() throws Exception {
        Open open = OpenBuilder.build(neighbors("api-rr.conf").get(0), VERSION);
        List<Integer> codes = new ArrayList<>();
        open.capabilities().forEach(c -> codes.add(c.code()));
        assertEquals(List.of(1, 65), codes);
    }

    @Test
    void largeLocalAsUsesAsTrans() throws Exception {
        NeighborConfig n = neighbors("conf-hostname.conf").get(0);
        NeighborConfig big = new NeighborConfig(n.peerAddress(), n.description(), n.routerId(), n.localAddress(),
                4_200_000_000L, n.peerAs(), n.holdTime(), n.passive(), n.connect(), n.groupUpdates(), n.autoFlush(),
                n.manualEor(), n.adjRibIn(), n.routeServerClient(), n.hostName(), n.domainName(), n.families(),
                n.capability(), n.addPathFamilies(), n.nextHop(), n.apis(), n.routes(), n.at(), n.tcp(), n.role(), null);
        Open open = OpenBuilder.build(big, VERSION);
        assertEquals(OpenBuilder.AS_TRANS, open.myAs());
        assertEquals(4_200_000_000L, open.asn());
    }
}
