// RFC 7999 BLACKHOLE requests in arouteserver's model (blackhole_filtering): what is accepted, to whom it goes, how.
package org.bgpekko.rs.policy;

import static org.bgpekko.rs.policy.PolicyFixtures.canonical;
import static org.bgpekko.rs.policy.PolicyFixtures.decode;
import static org.bgpekko.rs.policy.PolicyFixtures.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rib.RouteAttributes;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlackholeTest {
    static final long BLACKHOLE = 65535L << 16 | 666;
    static final long NO_EXPORT = 0xFFFFFF01L;

    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              filtering:
                irrdb: {allow_longer_prefixes: %s, tag_as_set: false}
              blackhole_filtering:
                policy_ipv4: "rewrite-next-hop"
                rewrite_next_hop_ipv4: "192.0.2.66"
                policy_ipv6: "propagate-unchanged"
                announce_to_client: %s
              communities:
                blackholing: {std: "65534:0", lrg: "rs_as:666:0"}
            """;
    static final String CLIENTS = """
            clients:
              - asn: 3333
                ip: ["192.0.2.11", "2001:db8::11"]
                cfg: {filtering: {irrdb: {as_sets: ["AS-ONE"]}}}
              - asn: 10745
                ip: "192.0.2.12"
                cfg: {blackhole_filtering: {announce_to_client: %s}}
            """;
    static final String IRR = """
            as-sets:
              AS-ONE:
                asns: [3333]
                prefixes: [{prefix: "185.1.0.0/22"}, {prefix: "2a00:1::/32"}]
            """;

    @TempDir
    Path dir;

    private List<RsPolicy.Client> load(boolean longer, boolean announceAll, boolean announceTwo) {
        return PolicyFixtures.load(dir, GENERAL.formatted(longer, announceAll), CLIENTS.formatted(announceTwo), IRR);
    }

    private static PathFacts route(String nextHop, long... communities) {
        List<Long> c = java.util.Arrays.stream(communities).boxed().toList();
        return c.isEmpty() ? facts(nextHop, List.of(3333L)) : facts(nextHop, List.of(3333L), new Communities(c));
    }

    @Test
    void aHostRouteWithBlackholeIsAcceptedWhenTheAsSetAdmitsItSkippingThePrefixLength() {
        RsPolicy.Client one = load(true, true, false).get(0);
        IpPrefix host = IpPrefix.parse("185.1.0.1/32");
        assertEquals(RejectCode.ACCEPTED, ImportChecks.check(one, route("192.0.2.11", BLACKHOLE), host));
        assertEquals(RejectCode.ACCEPTED, ImportChecks.check(one, route("192.0.2.11", 65534L << 16), host),
                "the exchange's blackholing community");
        assertEquals(RejectCode.PREFIX_LENGTH, ImportChecks.check(one, route("192.0.2.11"), host),
                "without BLACKHOLE a /32 is too long");
        assertEquals(RejectCode.PREFIX_NOT_IN_AS_SET, ImportChecks.check(one, route("192.0.2.11", BLACKHOLE),
                IpPrefix.parse("185.9.0.1/32")), "not covered by what the client may announce");
        assertEquals(RejectCode.NEXT_HOP, ImportChecks.check(one, route("192.0.2.99", BLACKHOLE), host),
                "the checks before the IRR ones still apply");
        RsPolicy.Client exact = load(false, true, false).get(0);
        assertEquals(RejectCode.PREFIX_NOT_IN_AS_SET, ImportChecks.check(exact, route("192.0.2.11", BLACKHOLE), host),
                "arouteserver's IRR check: without allow_longer_prefixes only the AS-SET's own prefixes");
    }

    @Test
    void withoutAPolicyForItsFamilyARequestIsAnOrdinaryRoute() {
        String general = GENERAL.formatted(true, true).replace("    policy_ipv6: \"propagate-unchanged\"\n", "");
        RsPolicy.Client v6 = PolicyFixtures.load(dir, general, CLIENTS.formatted(true), IRR).get(1);
        assertEquals(RejectCode.PREFIX_LENGTH, ImportChecks.check(v6, route("2001:db8::11", BLACKHOLE),
                IpPrefix.parse("2a00:1::1/128")));
    }

    @Test
    void rewriteNextHopAddsBlackholeAndNoExportAndScrubsTheBlackholingCommunity() {
        List<RsPolicy.Client> c = load(true, true, true);
        RsPolicy.Client two = c.get(2);
        byte[] in = canonical("192.0.2.11", List.of(3333L), new Communities(List.of(65534L << 16, 3333L << 16 | 7)),
                new LargeCommunities(List.of(new LargeCommunity(64500, 666, 0))));
        PathFacts f = PathFacts.parse(in);
        assertTrue(ExportControl.announce(two, f));
        assertTrue(ExportControl.rewrites(two, f));
        PathAttributes out = decode(ExportControl.rewrite(two, f, in));
        assertEquals(IpAddress.parse("192.0.2.66"), out.get(NextHop.class).orElseThrow().address(),
                "the blackhole next hop");
        assertEquals(List.of(3333L << 16 | 7, BLACKHOLE, NO_EXPORT), out.get(Communities.class).orElseThrow().values(),
                "65534:0 scrubbed, BLACKHOLE and NO_EXPORT added");
        assertFalse(out.get(LargeCommunities.class).isPresent(), "the large blackholing community scrubbed");
    }

    @Test
    void propagateUnchangedKeepsTheIpv6NextHop() {
        RsPolicy.Client two = load(true, true, true).get(2);
        byte[] in = canonical("2001:db8::11", List.of(3333L), new Communities(List.of(BLACKHOLE)));
        byte[] out = ExportControl.rewrite(two, PathFacts.parse(in), in);
        RouteAttributes r = new RouteAttributes(Bytes.of(out, 0, out.length));
        assertEquals("20010DB8000000000000000000000011", r.nextHop().hex().toUpperCase());
        assertEquals(List.of(BLACKHOLE, NO_EXPORT), r.attributes().get(Communities.class).orElseThrow().values());
    }

    @Test
    void announceToClientPerClientOverTheGeneralSetting() {
        PathFacts request = route("192.0.2.11", BLACKHOLE);
        List<RsPolicy.Client> c = load(true, true, false);
        assertFalse(ExportControl.announce(c.get(2), request), "the client's own announce_to_client: false");
        assertTrue(ExportControl.announce(c.get(0), request), "the general default");
        assertTrue(ExportControl.announce(c.get(2), route("192.0.2.11")), "other routes as before");
        c = load(true, false, true);
        assertTrue(ExportControl.announce(c.get(2), request), "general false, the client's true");
        assertFalse(ExportControl.announce(c.get(0), request), "general false");
    }
}
