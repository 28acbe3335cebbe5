// AdjRibIn: every operation per family, the change lists, RFC 7606 outcomes and attribute reference counts.
package org.bgpekko.rib;

import static org.bgpekko.rib.RibFixtures.NH6;
import static org.bgpekko.rib.RibFixtures.NH_VPN4;
import static org.bgpekko.rib.RibFixtures.NO_V4;
import static org.bgpekko.rib.RibFixtures.announce;
import static org.bgpekko.rib.RibFixtures.attrs;
import static org.bgpekko.rib.RibFixtures.block;
import static org.bgpekko.rib.RibFixtures.describe;
import static org.bgpekko.rib.RibFixtures.inet;
import static org.bgpekko.rib.RibFixtures.mpAnnounce;
import static org.bgpekko.rib.RibFixtures.mpWithdraw;
import static org.bgpekko.rib.RibFixtures.v4;
import static org.bgpekko.rib.RibFixtures.vpn;
import static org.bgpekko.rib.RibFixtures.withdraw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdateError;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class AdjRibInTest {
    private final AttributeStore store = new AttributeStore();
    private final AdjRibIn rib = new AdjRibIn(store);

    private static RouteAttributes plain(PathAttributes a) {
        return RouteAttributes.of(a, Bytes.EMPTY);
    }

    @Test
    void ipv4AnnounceThenWithdraw() {
        List<RibChange> changes = rib.apply(announce(attrs(1), "10.0.0.0/24", "10.0.1.0/24", "10.1.0.0/16"));
        assertEquals(List.of("+10.0.0.0/24", "+10.0.1.0/24", "+10.1.0.0/16"), describe(changes));
        assertEquals(plain(attrs(1)), changes.get(0).attributes());
        assertEquals(3, rib.size());
        assertEquals(3, rib.size(Family.IPV4_UNICAST));
        assertEquals(0, rib.size(Family.IPV6_UNICAST));
        assertEquals(Set.of(Family.IPV4_UNICAST), rib.families());
        assertEquals(plain(attrs(1)), rib.get(inet("10.0.1.0/24")));
        int id = rib.attributeId(inet("10.0.1.0/24"));
        assertEquals(3, store.refCount(id));
        assertNull(rib.get(inet("10.0.2.0/24")));
        assertNull(rib.get(inet(7, "10.0.1.0/24")), "a path id is part of the key");

        changes = rib.apply(withdraw("10.0.1.0/24"));
        assertEquals(List.of("-10.0.1.0/24"), describe(changes));
        assertTrue(changes.get(0).isWithdrawal());
        assertEquals(2, rib.size());
        assertEquals(2, store.refCount(id));
        assertNull(rib.get(inet("10.0.1.0/24")));
    }

    @Test
    void withdrawingAnUnknownPrefixChangesNothing() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        assertEquals(List.of(), rib.apply(withdraw("10.9.9.0/24", "10.0.0.0/25")));
        assertEquals(List.of(), rib.apply(mpWithdraw(block(Family.IPV6_UNICAST, false, inet("2001:db8::/32")))));
        assertEquals(1, rib.size());
    }

    @Test
    void reAnnouncingWithOtherAttributesReleasesTheOldSet() {
        rib.apply(announce(attrs(1), "10.0.0.0/24", "10.0.1.0/24"));
        int old = rib.attributeId(inet("10.0.0.0/24"));
        List<RibChange> changes = rib.apply(announce(attrs(2), "10.0.0.0/24"));
        assertEquals(List.of("+10.0.0.0/24"), describe(changes));
        int now = rib.attributeId(inet("10.0.0.0/24"));
        assertEquals(now, changes.get(0).attributeId());
        assertEquals(1, store.refCount(old));
        assertEquals(1, store.refCount(now));
        rib.apply(announce(attrs(2), "10.0.1.0/24"));
        assertEquals(0, store.refCount(old), "the last route left the old set");
        assertEquals(1, store.size());
        assertEquals(2, store.refCount(now));
    }

    @Test
    void anIdenticalReAnnouncementIsNoChange() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        int id = rib.attributeId(inet("10.0.0.0/24"));
        assertEquals(List.of(), rib.apply(announce(attrs(1), "10.0.0.0/24")));
        assertEquals(1, store.refCount(id));
        assertEquals(1, store.size());
    }

    @Test
    void withdrawalsApplyBeforeAnnouncementsOfTheSameUpdate() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        Update both = new Update(v4("10.0.0.0/24"), attrs(2), v4("10.0.0.0/24", "10.0.1.0/24"));
        assertEquals(List.of("-10.0.0.0/24", "+10.0.0.0/24", "+10.0.1.0/24"), describe(rib.apply(both)));
        assertEquals(plain(attrs(2)), rib.get(inet("10.0.0.0/24")));
        assertEquals(1, store.size());
    }

    @Test
    void ipv6InMpReachKeepsItsNextHopAndWithdrawsByMpUnreach() {
        NlriBlock nlri = block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"), inet("2001:db8:1::/48"));
        List<RibChange> changes = rib.apply(mpAnnounce(attrs(1), NH6, nlri));
        assertEquals(List.of("+2001:db8::/32", "+2001:db8:1::/48"), describe(changes));
        RouteAttributes held = rib.get(inet("2001:db8:1::/48"));
        assertEquals(RouteAttributes.of(attrs(1), NH6), held);
        assertFalse(held.attributes().has(14), "MP_REACH_NLRI is not part of the interned set");
        assertEquals(2, rib.size(Family.IPV6_UNICAST));

        changes = rib.apply(mpWithdraw(block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"))));
        assertEquals(List.of("-2001:db8::/32"), describe(changes));
        assertEquals(1, rib.size());
        List<Nlri> seen = new ArrayList<>();
        rib.forEach(Family.IPV6_UNICAST, (n, id) -> seen.add(n));
        assertEquals(List.of(inet("2001:db8:1::/48")), seen);
    }

    @Test
    void ipv4NlriAndMpReachOfOneUpdateGetTwoSets() {
        NlriBlock v6 = block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"));
        Update u = new Update(NO_V4, attrs(1).with(new MpReachNlri(Family.IPV6_UNICAST, NH6, v6)), v4("10.0.0.0/8"));
        List<RibChange> changes = rib.apply(u);
        assertEquals(2, changes.size());
        assertEquals(2, store.size());
        assertEquals(plain(attrs(1)), rib.get(inet("10.0.0.0/8")));
        assertEquals(RouteAttributes.of(attrs(1), NH6), rib.get(inet("2001:db8::/32")));
    }

    @Test
    void addPathKeepsOneRoutePerPathId() {
        NlriBlock paths = block(Family.IPV4_UNICAST, true, inet(1, "10.0.0.0/24"), inet(2, "10.0.0.0/24"));
        rib.apply(new Update(block(Family.IPV4_UNICAST, true), attrs(1), paths));
        rib.apply(new Update(block(Family.IPV4_UNICAST, true), attrs(2),
                block(Family.IPV4_UNICAST, true, inet(2, "10.0.0.0/24"))));
        assertEquals(2, rib.size());
        assertEquals(plain(attrs(1)), rib.get(inet(1, "10.0.0.0/24")));
        assertEquals(plain(attrs(2)), rib.get(inet(2, "10.0.0.0/24")));
        assertNull(rib.get(inet("10.0.0.0/24")), "no route without a path id on an ADD-PATH session");

        List<RibChange> changes = rib.apply(new Update(block(Family.IPV4_UNICAST, true, inet(1, "10.0.0.0/24")),
                PathAttributes.EMPTY, block(Family.IPV4_UNICAST, true)));
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).nlri().addPath());
        assertEquals(List.of(inet(1, "10.0.0.0/24")), changes.get(0).nlri().toList());
        assertEquals(1, rib.size());
        assertEquals(1, store.size(), "the set of path 1 was freed");
    }

    @Test
    void addPathIpv6ThroughTheCodec() {
        SessionOptions o = SessionOptions.DEFAULT.withAddPath(Set.of(Family.IPV6_UNICAST), Set.of(Family.IPV6_UNICAST));
        NlriBlock nlri = block(Family.IPV6_UNICAST, true, inet(5, "2001:db8::/32"), inet(6, "2001:db8::/32"));
        for (byte[] m : UpdatePacker.announce(attrs(1), NH6, nlri, o, UpdatePacker.UNLIMITED)) {
            rib.apply((Update) MessageCodec.decode(m, o));
        }
        assertEquals(2, rib.size(Family.IPV6_UNICAST));
        assertEquals(RouteAttributes.of(attrs(1), NH6), rib.get(inet(6, "2001:db8::/32")));
    }

    @Test
    void labeledRoutesKeyOnThePrefixAndKeepTheirLabels() {
        Family f = Family.IPV4_NLRI_MPLS;
        LabeledNlri l100 = new LabeledNlri(f, Nlri.NO_PATH_ID, Labels.of(100), IpPrefix.parse("10.0.0.0/24"));
        LabeledNlri l200 = new LabeledNlri(f, Nlri.NO_PATH_ID, Labels.of(200, 300), IpPrefix.parse("10.0.0.0/24"));
        rib.apply(mpAnnounce(attrs(1), Bytes.fromHex("C0000201"), block(f, false, l100)));
        int id = rib.attributeId(l100);
        assertEquals(id, rib.attributeId(l200), "labels are not part of the key");

        // same attributes, new labels: a change, and no new reference
        List<RibChange> changes = rib.apply(mpAnnounce(attrs(1), Bytes.fromHex("C0000201"), block(f, false, l200)));
        assertEquals(List.of(l200), changes.get(0).nlri().toList());
        assertEquals(1, store.refCount(id));
        List<Nlri> seen = new ArrayList<>();
        rib.forEach(f, (n, i) -> seen.add(n));
        assertEquals(List.of(l200), seen);
        assertEquals(List.of(), rib.apply(mpAnnounce(attrs(1), Bytes.fromHex("C0000201"), block(f, false, l200))));

        // withdrawn with the RFC 3107 withdrawal label
        LabeledNlri w = new LabeledNlri(f, Nlri.NO_PATH_ID, new Labels(List.of(Labels.WITHDRAW_ENTRY)),
                IpPrefix.parse("10.0.0.0/24"));
        assertEquals(1, rib.apply(mpWithdraw(block(f, false, w))).size());
        assertEquals(0, rib.size());
        assertEquals(0, store.size());
    }

    @Test
    void vpnRoutesAreKeyedByRouteDistinguisherAndPrefix() {
        Family f = Family.IPV4_MPLS_VPN;
        rib.apply(mpAnnounce(attrs(1), NH_VPN4, block(f, false, vpn("65000:1", "10.0.0.0/24", 16),
                vpn("65000:2", "10.0.0.0/24", 17))));
        assertEquals(2, rib.size(f));
        assertEquals(RouteAttributes.of(attrs(1), NH_VPN4), rib.get(vpn("65000:2", "10.0.0.0/24")));
        assertNull(rib.get(vpn("65000:3", "10.0.0.0/24")));

        List<RibChange> changes = rib.apply(mpWithdraw(block(f, false, vpn("65000:1", "10.0.0.0/24", 0))));
        assertEquals(1, changes.size());
        assertEquals(1, rib.size(f));
        List<Nlri> seen = new ArrayList<>();
        rib.forEach(f, (n, i) -> seen.add(n));
        assertEquals(List.of(vpn("65000:2", "10.0.0.0/24", 17)), seen);
    }

    @Test
    void treatAsWithdrawWithdrawsTheAnnouncedNlri() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        rib.apply(mpAnnounce(attrs(1), NH6, block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"))));
        Update bad = new Update(NO_V4,
                attrs(2).with(new MpReachNlri(Family.IPV6_UNICAST, NH6,
                        block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"), inet("2001:db8:9::/48")))),
                v4("10.0.0.0/24", "10.0.1.0/24"),
                List.of(new UpdateError(4, ErrorAction.TREAT_AS_WITHDRAW, "bad MED")));
        List<RibChange> changes = rib.apply(bad);
        assertEquals(List.of("-10.0.0.0/24", "-2001:db8::/32"), describe(changes));
        assertEquals(0, rib.size());
        assertEquals(0, store.size());
    }

    @Test
    void attributeDiscardStillAnnounces() {
        Update u = new Update(NO_V4, attrs(1), v4("10.0.0.0/24"),
                List.of(new UpdateError(7, ErrorAction.ATTRIBUTE_DISCARD, "bad AGGREGATOR")));
        assertEquals(1, rib.apply(u).size());
        assertEquals(1, rib.size());
    }

    @Test
    void afiSafiDisableDropsTheFamilyUntilClear() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        rib.apply(mpAnnounce(attrs(1), NH6, block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"))));
        Update bad = new Update(NO_V4, attrs(1), NO_V4, List.of(new UpdateError(14, ErrorAction.AFISAFI_DISABLE,
                "malformed MP_REACH_NLRI", Family.IPV6_UNICAST)));
        assertEquals(List.of("-2001:db8::/32"), describe(rib.apply(bad)));
        assertTrue(rib.isDisabled(Family.IPV6_UNICAST));
        assertEquals(List.of(), rib.apply(mpAnnounce(attrs(1), NH6,
                block(Family.IPV6_UNICAST, false, inet("2001:db8::/32")))));
        assertEquals(1, rib.size());
        rib.clear();
        assertFalse(rib.isDisabled(Family.IPV6_UNICAST));
        rib.apply(mpAnnounce(attrs(1), NH6, block(Family.IPV6_UNICAST, false, inet("2001:db8::/32"))));
        assertEquals(1, rib.size(Family.IPV6_UNICAST));
    }

    @Test
    void familiesWithoutACodecAreIgnored() {
        Family unknown = new Family(Family.AFI_IPV4, 250);
        NlriBlock opaque = NlriBlock.decode(unknown, new byte[] {3, 1, 24, 10}, 0, 4, false).block();
        assertTrue(opaque.isOpaque());
        assertEquals(List.of(), rib.apply(new Update(NO_V4,
                attrs(1).with(new MpReachNlri(unknown, Bytes.EMPTY, opaque)), NO_V4)));
        assertEquals(0, rib.size());
        assertEquals(0, store.size());
    }

    @Test
    void clearWithdrawsEverythingAndReleasesEveryReference() {
        rib.apply(announce(attrs(1), "10.0.0.0/24", "0.0.0.0/0"));
        rib.apply(announce(attrs(2), "10.0.1.0/24"));
        rib.apply(mpAnnounce(attrs(1), NH_VPN4, block(Family.IPV4_MPLS_VPN, false, vpn("1:1", "10.0.0.0/24", 5))));
        List<RibChange> changes = rib.clear();
        Map<Family, List<Nlri>> gone = new HashMap<>();
        for (RibChange c : changes) {
            assertTrue(c.isWithdrawal());
            gone.computeIfAbsent(c.family(), k -> new ArrayList<>()).addAll(c.nlri().toList());
        }
        assertEquals(Set.of(inet("10.0.0.0/24"), inet("0.0.0.0/0"), inet("10.0.1.0/24")),
                Set.copyOf(gone.get(Family.IPV4_UNICAST)));
        assertEquals(List.of(vpn("1:1", "10.0.0.0/24", 5)), gone.get(Family.IPV4_MPLS_VPN));
        assertEquals(0, rib.size());
        assertEquals(Set.of(), rib.families());
        assertEquals(0, store.size());
        assertEquals(List.of(), rib.clear());
    }

    @Test
    void aTableReceivedThroughTheCodecIsHeldWhole() {
        NlriBlock.Builder b = NlriBlock.builder(Family.IPV4_UNICAST, false);
        for (int i = 0; i < 3000; i++) {
            b.addIpv4(Nlri.NO_PATH_ID, 0x0A000000L + ((long) i << 8), 24);
        }
        NlriBlock nlri = b.build();
        List<RibChange> changes = new ArrayList<>();
        for (byte[] m : UpdatePacker.announce(attrs(1), Bytes.EMPTY, nlri, SessionOptions.DEFAULT,
                UpdatePacker.UNLIMITED)) {
            changes.addAll(rib.apply((Update) MessageCodec.decode(m, SessionOptions.DEFAULT)));
        }
        assertEquals(3000, rib.size());
        assertEquals(1, store.size());
        assertEquals(3000, store.refCount(rib.attributeId(inet("10.11.183.0/24"))));
        List<Nlri> announced = new ArrayList<>();
        changes.forEach(c -> announced.addAll(c.nlri().toList()));
        assertEquals(nlri.toList(), announced);
    }

    @Test
    void aSessionCannotSwitchAddPathWithoutClear() {
        rib.apply(announce(attrs(1), "10.0.0.0/24"));
        Update withPath = new Update(block(Family.IPV4_UNICAST, true), attrs(1),
                block(Family.IPV4_UNICAST, true, inet(1, "10.0.0.0/24")));
        assertThrows(IllegalArgumentException.class, () -> rib.apply(withPath));
        rib.clear();
        rib.apply(withPath);
        assertEquals(1, rib.size());
    }
}
