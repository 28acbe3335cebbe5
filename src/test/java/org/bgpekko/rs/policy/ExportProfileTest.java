// Clients with one export profile get the same export of every set that names none of them (update groups, D18).
package org.bgpekko.rs.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.PathAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportProfileTest {
    @TempDir
    Path dir;

    private static final String GENERAL = """
            cfg:
              rs_as: 64500
              router_id: "192.0.2.1"
              filtering:
                irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                rpki_bgp_origin_validation: {enabled: false}
              rfc1997_wellknown_communities: {policy: "rfc1997"}
              blackhole_filtering: {policy_ipv4: "rewrite-next-hop", rewrite_next_hop_ipv4: "192.0.2.66"}
              communities:
                do_not_announce_to_peer: {std: "0:peer_as", lrg: "rs_as:0:peer_as"}
                announce_to_peer: {std: "rs_as:peer_as", lrg: "rs_as:rs_as:peer_as"}
                do_not_announce_to_any: {std: "0:rs_as", lrg: "rs_as:0:rs_as"}
                prepend_once_to_any: {std: "65501:rs_as"}
                prepend_twice_to_peer: {std: "65505:peer_as", lrg: "rs_as:65505:peer_as"}
                add_noexport_to_peer: {std: "65509:peer_as", lrg: "rs_as:65509:peer_as"}
                blackholing: {std: "rs_as:666"}
            """;

    /**
     * Four clients alike (one of them 32-bit with a 16-bit mapping), one with prepend_rs_as, one without blackholes, one
     * with RFC 9234 roles.
     */
    private static final String CLIENTS = """
            clients:
              - {asn: 3333, ip: "192.0.2.11"}
              - {asn: 20940, ip: "192.0.2.12"}
              - {asn: 4200000001, ip: "192.0.2.13", 16bit_mapped_asn: 64999}
              - {asn: 39120, ip: "192.0.2.14"}
              - {asn: 10745, ip: "192.0.2.15", cfg: {prepend_rs_as: true}}
              - {asn: 8220, ip: "192.0.2.16", cfg: {blackhole_filtering: {announce_to_client: false}}}
              - {asn: 6695, ip: "192.0.2.17", cfg: {filtering: {roles: {enabled: true}}}}
            """;

    private List<RsPolicy.Client> clients() {
        return PolicyFixtures.load(dir, GENERAL, CLIENTS, "as-sets: {}\n");
    }

    @Test
    void profilesAreTheSettingsTheExportReadsNotTheClientsAs() {
        List<RsPolicy.Client> c = clients();
        ExportProfile p = ExportProfile.of(c.get(0));
        assertEquals(p, ExportProfile.of(c.get(1)));
        assertEquals(p.hashCode(), ExportProfile.of(c.get(1)).hashCode());
        assertEquals(p, ExportProfile.of(c.get(2)), "a 32-bit AS with a mapping is named by its mapping, not apart");
        assertEquals(p, ExportProfile.of(c.get(3)));
        assertNotEquals(p, ExportProfile.of(c.get(4)), "prepend_rs_as");
        assertNotEquals(p, ExportProfile.of(c.get(5)), "blackhole_filtering.announce_to_client");
        assertNotEquals(p, ExportProfile.of(c.get(6)), "RFC 9234 roles: OTC added on egress");
        List<RsPolicy.Client> reloaded = clients();
        assertNotEquals(p, ExportProfile.of(reloaded.get(0)), "another general.yml load: other groups");
    }

    @Test
    void scopeNamesThePeersOfPeerAsControlsOnly() {
        List<RsPolicy.Client> c = clients();
        RsPolicy.General g = c.get(0).general();
        PathFacts plain = PolicyFixtures.facts("192.0.2.11", List.of(3333L), new Communities(List.of(3333L << 16 | 7)));
        assertEquals(ExportControl.Scope.FREE, ExportControl.scope(g, plain), "a client's own community: nothing");
        PathFacts any = PolicyFixtures.facts("192.0.2.11", List.of(3333L), new Communities(List.of(65501L << 16 | 64500)));
        assertTrue(ExportControl.scope(g, any).acts());
        assertFalse(ExportControl.scope(g, any).peerSpecific(), "prepend to any names nobody");
        PathFacts notTo = PolicyFixtures.facts("192.0.2.11", List.of(3333L),
                new Communities(List.of(20940L, 64999L)));
        ExportControl.Scope s = ExportControl.scope(g, notTo);
        assertTrue(s.names(c.get(1)));
        assertTrue(s.names(c.get(2)), "0:64999 is AS4200000001's 16bit_mapped_asn");
        assertFalse(s.names(c.get(3)));
        PathFacts large = PolicyFixtures.facts("192.0.2.11", List.of(3333L),
                new LargeCommunities(List.of(new LargeCommunity(64500, 65505, 4200000001L))));
        assertTrue(ExportControl.scope(g, large).names(c.get(2)), "a large community names the 32-bit AS itself");
        assertFalse(ExportControl.scope(g, large).names(c.get(1)));
    }

    /**
     * The facts of a set are parsed when a client's policy first reads them, never for a plain route-server client,
     * and a reused id is parsed again: the heap of sets only relayed (docs/benchmarks.md, "fourth part: peak RSS").
     */
    @Test
    void factsAreParsedWhenAPolicyFirstReadsThemAndNeverForPlainClients() {
        List<RsPolicy.Client> c = clients();
        byte[] notTo = PolicyFixtures.canonical("192.0.2.11", List.of(3333L), new Communities(List.of(20940L, 64999L)));
        byte[] plain = PolicyFixtures.canonical("192.0.2.11", List.of(3333L));
        byte[][] sets = {notTo};
        int[] reads = {0};
        ArsPolicy policy = new ArsPolicy(t -> t == 0 ? null : c.get(t), id -> {
            reads[0]++;
            return sets[id];
        });
        policy.held(0, notTo);
        assertTrue(policy.exportable(0, 3, 0));
        assertFalse(policy.rewrites(0, 0));
        assertEquals(0, reads[0], "a client without a policy reads no facts");
        assertFalse(policy.exportable(1, 3, 0), "0:20940 keeps the route from AS20940");
        assertTrue(policy.exportable(3, 3, 0));
        assertEquals(1, reads[0], "parsed once, then kept while the set is held");
        policy.released(0);
        sets[0] = plain;
        policy.held(0, plain);
        assertTrue(policy.exportable(1, 3, 0), "the id's new set, not the facts of the one before");
        assertEquals(2, reads[0]);
    }

    /**
     * Random sets of communities (the controls with the clients' ASes, their mapping and others, well-known ones, a
     * client's own): two clients with one profile that the set does not name are sent it or not alike, with the same
     * bytes; and ArsPolicy, which skips the control matches for a set whose scope does not act, answers as
     * ExportControl does for every client.
     */
    @Test
    void clientsOfOneProfileThatASetDoesNotNameGetTheSameExport() {
        List<RsPolicy.Client> c = clients();
        RsPolicy.General g = c.get(0).general();
        long[] peers = {3333, 20940, 64999, 39120, 10745, 8220, 65000, 1};
        long[] tops = {0, 64500, 65501, 65505, 65509, 3333};
        Random r = new Random(42);
        int compared = 0;
        int named = 0;
        for (int i = 0; i < 3000; i++) {
            List<Long> std = new ArrayList<>();
            List<LargeCommunity> lrg = new ArrayList<>();
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                switch (r.nextInt(5)) {
                    case 0 -> std.add(0xFFFFFF01L + r.nextInt(2)); // NO_EXPORT, NO_ADVERTISE
                    case 1 -> std.add(r.nextBoolean() ? 0xFFFF029AL : 64500L << 16 | 666);
                    case 2 -> lrg.add(new LargeCommunity(64500, r.nextBoolean() ? 0 : 65505,
                            r.nextBoolean() ? 4200000001L : peers[r.nextInt(peers.length)]));
                    default -> std.add(tops[r.nextInt(tops.length)] << 16 | peers[r.nextInt(peers.length)]);
                }
            }
            List<PathAttribute> more = new ArrayList<>();
            if (!std.isEmpty()) {
                more.add(new Communities(std.stream().distinct().sorted().toList()));
            }
            if (!lrg.isEmpty()) {
                more.add(new LargeCommunities(lrg.stream().distinct().toList()));
            }
            byte[] canonical = PolicyFixtures.canonical("192.0.2.11", List.of(3333L, 65000L),
                    more.toArray(new PathAttribute[0]));
            PathFacts f = PathFacts.parse(canonical);
            ExportControl.Scope s = ExportControl.scope(g, f);
            ArsPolicy policy = new ArsPolicy(c::get, id -> canonical);
            policy.held(0, canonical);
            for (int t = 0; t < c.size(); t++) {
                RsPolicy.Client ct = c.get(t);
                assertEquals(ExportControl.announce(ct, f), policy.exportable(t, 0, 0), "set " + more + " to " + t);
                if (!s.acts()) {
                    assertTrue(ExportControl.announce(ct, f));
                }
                for (int u = t + 1; u < c.size(); u++) {
                    RsPolicy.Client cu = c.get(u);
                    if (!ExportProfile.of(ct).equals(ExportProfile.of(cu))) {
                        continue;
                    }
                    if (s.names(ct) || s.names(cu)) {
                        named++;
                        continue;
                    }
                    compared++;
                    assertEquals(ExportControl.announce(ct, f), ExportControl.announce(cu, f), "set " + more);
                    assertEquals(policy.rewrites(t, 0), policy.rewrites(u, 0));
                    assertArrayEquals(ExportControl.rewrite(ct, f, canonical), ExportControl.rewrite(cu, f, canonical),
                            "set " + more + " to " + t + " and " + u);
                }
            }
        }
        assertTrue(compared > 3000 && named > 1000, compared + " pairs compared, " + named + " named");
    }
}
