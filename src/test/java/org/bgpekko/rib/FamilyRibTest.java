// The Adj-RIB-In keeps received VPLS, MVPN, MUP, EVPN and BGP-LS routes by their whole NLRI; the Adj-RIB-Out
// sends a VPLS NLRI configured twice as ExaBGP does (conf-l2vpn), and without NEXT_HOP.
package org.bgpekko.rib;

import static org.bgpekko.rib.RibFixtures.attrs;
import static org.bgpekko.rib.RibFixtures.mpAnnounce;
import static org.bgpekko.rib.RibFixtures.mpWithdraw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Session;
import org.bgpekko.testing.EchoSession;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VplsNlri;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;
import org.junit.jupiter.api.Test;

class FamilyRibTest {
    private static final Family MVPN4 = new Family(Family.AFI_IPV4, Family.SAFI_MCAST_VPN);
    private static final Bytes NH4 = Bytes.fromHex("0A000001");

    @Test
    void receivedRoutesOfEveryFamilyAreKeptAndWithdrawn() {
        AdjRibIn in = new AdjRibIn(new AttributeStore());
        VplsNlri vpls = new VplsNlri(RouteDistinguisher.parse("1:1"), 5, 1, 8, 10702);
        MvpnNlri mvpn = MvpnRoute.sourceAd(MVPN4, RouteDistinguisher.parse("1:1"), IpAddress.parse("10.0.0.1"),
                IpAddress.parse("239.0.0.1"));
        EvpnNlri evpn = new EvpnNlri(EvpnNlri.FAMILY, Nlri.NO_PATH_ID, 9, Bytes.fromHex("0102"));
        BgpLsNlri ls = new BgpLsNlri(BgpLsNlri.FAMILY, Nlri.NO_PATH_ID, 5, Bytes.fromHex("00"));
        for (Nlri n : List.of(vpls, mvpn, evpn, ls)) {
            NlriBlock b = NlriBlock.of(n.family(), false, n);
            assertEquals(1, in.apply(mpAnnounce(attrs(1), NH4, b)).size(), "announced " + n);
            assertNotNull(in.get(n), "held " + n);
            assertEquals(1, in.size(n.family()));
            List<Nlri> seen = new ArrayList<>();
            in.forEach(n.family(), (held, id) -> seen.add(held));
            assertEquals(List.of(n), seen);
        }
        assertEquals(4, in.size());
        NlriBlock b = NlriBlock.of(VplsNlri.FAMILY, false, vpls);
        assertEquals(1, in.apply(mpWithdraw(b)).size());
        assertNull(in.get(vpls));
        assertEquals(3, in.size());
    }

    private final NlriSlots slots = new NlriSlots();
    private final InternTable<OutboundAttributes> attrs = new InternTable<>();

    private void announce(AdjRibOut out, Nlri nlri, OutboundAttributes a, boolean announce) {
        int attr = attrs.acquire(a);
        int slot = slots.acquire(nlri);
        if (announce) {
            out.announce(slot, attr);
        } else {
            out.withdraw(slot, attr);
        }
        slots.release(slot);
        attrs.release(attr);
    }

    /** conf-l2vpn: the l2vpn line and the announce line name one NLRI; both go out in the first table only. */
    @Test
    void anNlriConfiguredTwiceIsSentTwiceInTheFirstTableOnly() throws Exception {
        String conf = "neighbor 127.0.0.1 { router-id 127.0.0.1; local-address 127.0.0.1; local-as 1; peer-as 1;\n"
                + "  group-updates false; family { l2vpn vpls; }\n"
                + "  l2vpn { vpls rd 1:1 endpoint 5 base 10702 offset 1 size 8 next-hop 10.0.0.1 local-preference 100; }\n"
                + "  announce { l2vpn { vpls rd 1:1 endpoint 5 base 10702 offset 1 size 8 next-hop 10.0.0.1"
                + " local-preference 1; } }\n}\n";
        NeighborConfig n = ConfigParser.check(java.nio.file.Path.of("t.conf"), conf).configuration().neighbors().get(0);
        Session s = EchoSession.of(n, 1);
        AdjRibOut out = new AdjRibOut(slots, attrs);
        StaticRoutes.of(n.routes()).announced().forEach(r -> announce(out, r.nlri(), r.attributes(), true));
        UpdateEncoder encoder = new UpdateEncoder(s, false, slots, attrs);

        out.sessionStarted();
        List<String> first = hex(encoder.encodeAll(out.initialTable(List.of())));
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.get(0).contains("40050400000064") && first.get(1).contains("40050400000001"), first.toString());
        assertTrue(first.stream().noneMatch(m -> m.contains("400304")), "VPLS sends no NEXT_HOP attribute");

        out.sessionStarted();
        List<String> second = hex(encoder.encodeAll(out.initialTable(List.of())));
        assertEquals(List.of(first.get(1)), second, "a later session sends the last one only");
        List<Integer> wanted = new ArrayList<>();
        out.forEach((slot, attr) -> wanted.add(attr));
        assertEquals(Optional.of(new LocalPref(1)), attrs.get(wanted.get(0)).attributes().get(LocalPref.class));
    }

    @Test
    void aWithdrawnDuplicateIsNotSent() {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        VplsNlri vpls = new VplsNlri(RouteDistinguisher.parse("1:1"), 5, 1, 8, 10702);
        OutboundAttributes a = new OutboundAttributes(PathAttributes.of(new LocalPref(100)),
                Optional.of(IpAddress.parse("10.0.0.1")));
        OutboundAttributes b = new OutboundAttributes(PathAttributes.of(new LocalPref(1)), a.nextHop());
        announce(out, vpls, a, true);
        announce(out, vpls, b, true);
        announce(out, vpls, b, false);
        out.sessionStarted();
        assertTrue(out.initialTable(List.of()).groups.isEmpty(), "nothing announced is left");
    }

    /**
     * A, B, then A's attributes again before any session: ExaBGP would send A' before B, leaving the peer at B; the
     * Adj-RIB-Out sends A' last (D8: the peer ends at the last configured route).
     */
    @Test
    void aDuplicateNeverLeavesThePeerAtAnOlderRoute() {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        VplsNlri vpls = new VplsNlri(RouteDistinguisher.parse("1:1"), 5, 1, 8, 10702);
        Optional<IpAddress> nh = Optional.of(IpAddress.parse("10.0.0.1"));
        OutboundAttributes a = new OutboundAttributes(PathAttributes.of(new LocalPref(100)), nh);
        OutboundAttributes b = new OutboundAttributes(PathAttributes.of(new LocalPref(1)), nh);
        announce(out, vpls, a, true);
        announce(out, vpls, b, true);
        announce(out, vpls, a, true);
        out.sessionStarted();
        List<Flush.Group> groups = out.initialTable(List.of()).groups;
        assertEquals(a, attrs.get(groups.get(groups.size() - 1).attr()), groups.toString());
    }

    private static List<String> hex(List<byte[]> messages) {
        return messages.stream().map(Hex::encode).toList();
    }
}
