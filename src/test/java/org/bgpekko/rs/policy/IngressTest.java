// What arouteserver's import filter changes in an accepted route, as rs.policy.Ingress applies it: scrubbing, custom
// communities, the tag_as_set tags, GRACEFUL_SHUTDOWN.
package org.bgpekko.rs.policy;

import static org.bgpekko.rs.policy.PolicyFixtures.canonical;
import static org.bgpekko.rs.policy.PolicyFixtures.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngressTest {
    static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.2"
              filtering:
                irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: %s}
              graceful_shutdown: {enabled: true, local_pref: 7}
              communities:
                prefix_present_in_as_set: {std: "64500:1"}
                prefix_not_present_in_as_set: {std: "64500:2"}
                origin_present_in_as_set: {lrg: "64500:3:1"}
                origin_not_present_in_as_set: {lrg: "64500:3:0"}
                route_validated_via_white_list: {std: "64500:4"}
                rpki_bgp_origin_validation_valid: {std: "64500:9"}
                do_not_announce_to_any: {std: "0:64500"}
              custom_communities:
                from_eu: {std: "65501:1"}
            """;
    static final String CLIENTS = """
            clients:
              - asn: 3333
                ip: "192.0.2.11"
                cfg:
                  attach_custom_communities: ["from_eu"]
                  filtering:
                    irrdb:
                      as_sets: ["AS-A"]
                      white_list_route: [ {prefix: "198.51.100.0", length: 24} ]
              - {asn: 10745, ip: "192.0.2.12", cfg: {graceful_shutdown: {enabled: false}}}
            """;
    static final String IRR = """
            as-sets:
              AS-A: {asns: [3333], prefixes: [ {prefix: 185.1.0.0/24} ]}
            """;
    static final long GSHUT = 0xFFFF0000L;

    @TempDir
    Path dir;

    private List<RsPolicy.Client> clients(boolean tag) {
        return PolicyFixtures.load(dir, GENERAL.formatted(tag), CLIENTS, IRR);
    }

    private static PathAttributes ingress(RsPolicy.Client c, String prefix, byte[] in) {
        PathFacts f = PathFacts.parse(in);
        IpPrefix p = IpPrefix.parse(prefix);
        int irr = Ingress.tags(c.general()) ? Ingress.irr(c, f, ImportChecks.originInAsSet(c, f), p) : Ingress.UNTAGGED;
        byte[] out = Ingress.apply(c, f, in, true, irr);
        return out == null ? null : decode(out);
    }

    private static List<Long> std(PathAttributes a) {
        return a.get(Communities.class).map(Communities::values).orElse(List.of());
    }

    private static List<LargeCommunity> large(PathAttributes a) {
        return a.get(LargeCommunities.class).map(LargeCommunities::values).orElse(List.of());
    }

    @Test
    void eachRouteIsTaggedWithItsOwnIrrOutcomeAndTheClientsCustomCommunities() {
        RsPolicy.Client a = clients(true).get(0);
        PathAttributes ok = ingress(a, "185.1.0.0/24", canonical("192.0.2.11", List.of(3333L)));
        assertEquals(List.of(64500L << 16 | 1, 65501L << 16 | 1), std(ok), "prefix present, custom community; sorted");
        assertEquals(List.of(new LargeCommunity(64500, 3, 1)), large(ok), "origin present");
        PathAttributes neither = ingress(a, "198.51.100.0/24", canonical("192.0.2.11", List.of(3333L, 1111L)));
        assertEquals(List.of(64500L << 16 | 2, 64500L << 16 | 4, 65501L << 16 | 1), std(neither),
                "prefix not present, white-listed (arouteserver tags every white_list_route match)");
        assertEquals(List.of(new LargeCommunity(64500, 3, 0)), large(neither), "origin not present");
    }

    @Test
    void theRouteServersOwnOutboundInternalAndCustomCommunitiesAClientSendsAreRemovedItsInboundOnesKept() {
        RsPolicy.Client b = clients(false).get(1);
        byte[] in = canonical("192.0.2.12", List.of(10745L), new Communities(List.of(64500L << 16 | 1,
                64500L << 16 | 9, 65501L << 16 | 1, 0L << 16 | 64500, 10745L << 16 | 5)),
                new LargeCommunities(List.of(new LargeCommunity(64500, 3, 1))));
        PathAttributes out = ingress(b, "185.9.0.0/24", in);
        assertEquals(List.of(64500L, 10745L << 16 | 5), std(out), "do_not_announce_to_any is for the export");
        assertEquals(Optional.empty(), out.get(LargeCommunities.class), "a list left empty goes");
    }

    @Test
    void withoutTagsAndWithNothingToRemoveTheReceivedSetIsKept() {
        List<RsPolicy.Client> off = clients(false);
        assertNull(ingress(off.get(1), "185.9.0.0/24", canonical("192.0.2.12", List.of(10745L),
                new Communities(List.of(10745L << 16 | 5)))), "no change: the route keeps its received set");
        byte[] in = canonical("192.0.2.12", List.of(10745L));
        assertNull(Ingress.apply(off.get(1), PathFacts.parse(in), in, true, Ingress.UNTAGGED));
    }

    @Test
    void gracefulShutdownSetsLocalPrefForAClientThatMayUseItAndIsRemovedForOthers() {
        List<RsPolicy.Client> c = clients(false);
        byte[] a = canonical("192.0.2.11", List.of(3333L), new Communities(List.of(GSHUT)));
        PathAttributes honoured = ingress(c.get(0), "185.1.0.0/24", a);
        assertEquals(Optional.of(new LocalPref(7)), honoured.get(LocalPref.class));
        assertTrue(std(honoured).contains(GSHUT));
        byte[] b = canonical("192.0.2.12", List.of(10745L), new Communities(List.of(GSHUT)));
        PathAttributes prevented = ingress(c.get(1), "185.9.0.0/24", b);
        assertEquals(Optional.empty(), prevented.get(LocalPref.class));
        assertEquals(Optional.empty(), prevented.get(Communities.class));
    }

    @Test
    void theSameOutcomeGivesTheSameArrayToTheRouteServer() {
        List<RsPolicy.Client> c = clients(true);
        ArsPolicy p = new ArsPolicy(i -> i < c.size() ? c.get(i) : null, id -> {
            throw new AssertionError("no held set is read here");
        });
        byte[] in = canonical("192.0.2.11", List.of(3333L));
        IpPrefix one = IpPrefix.parse("185.1.0.0/24");
        IpPrefix two = IpPrefix.parse("185.9.0.0/24");
        assertEquals(0, p.importCheck(0, 0, one.hi(), one.lo(), 24, 1, in));
        byte[] first = p.ingress(0, in);
        assertEquals(0, p.importCheck(0, 0, one.hi(), one.lo(), 24, 1, in));
        assertSame(first, p.ingress(0, in));
        assertEquals(0, p.importCheck(0, 0, two.hi(), two.lo(), 24, 1, in));
        byte[] other = p.ingress(0, in);
        assertTrue(other != first && !java.util.Arrays.equals(other, first), "another outcome, another set");
    }
}
