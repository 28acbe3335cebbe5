// The helper commands of the VPLS, MVPN and MUP routes (api-vpls, api-mvpn, api-ipv4, api-ipv6): what they
// announce and withdraw, and their errors.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.VplsNlri;
import org.junit.jupiter.api.Test;

class FamilyCommandsTest {
    private static ApiLine parse(String line) {
        try {
            return ApiParser.parse(line);
        } catch (ApiParseException e) {
            throw new AssertionError("'" + line + "' did not parse: " + e.getMessage(), e);
        }
    }

    private static String error(String line) {
        return assertThrows(ApiParseException.class, () -> ApiParser.parse(line), line).getMessage();
    }

    private static String wire(Nlri n) {
        WireWriter w = new WireWriter();
        NlriCodecs.get(n.family()).encode(n, false, w);
        return Hex.encode(w.toArray());
    }

    private static RouteConfig announced(String line) {
        List<RouteConfig> rs = assertInstanceOf(ApiCommand.AnnounceRoutes.class, parse(line).command()).routes();
        assertEquals(1, rs.size());
        return rs.get(0);
    }

    private static RouteConfig withdrawn(String line) {
        List<RouteConfig> rs = assertInstanceOf(ApiCommand.WithdrawRoutes.class, parse(line).command()).routes();
        assertEquals(1, rs.size());
        return rs.get(0);
    }

    @Test
    void vplsAnnounceAndWithdrawShareTheirNlri() {
        String nlri = "endpoint 5 base 10702 offset 1 size 8 rd 192.168.201.1:123 next-hop 192.168.201.1";
        RouteConfig a = announced("neighbor 127.0.0.1 announce vpls " + nlri + " origin igp as-path [ 30740 30740 ]"
                + " local-preference 100 med 2000 community [ 54591:123] extended-community [ target:54591:6"
                + " l2info:19:0:1500:111] originator-id 192.168.22.1 cluster-list [ 3.3.3.3 192.168.201.1 ]");
        RouteConfig w = withdrawn("neighbor 127.0.0.1 withdraw vpls " + nlri);
        assertEquals(VplsNlri.FAMILY, a.nlri().family());
        assertEquals("00110001C0A8C901007B000500010008029CE1", wire(a.nlri()));
        assertEquals(a.nlri(), w.nlri());
        assertEquals(8, a.attributes().size());
        assertEquals(Optional.of(IpAddress.parse("192.168.201.1")), w.nextHop());
    }

    @Test
    void mvpnCommandsOfApiMvpn() {
        String words = "ipv6 mcast-vpn source-join source fd12::2 group ff0e::1 rd 65000:99999 source-as 65000"
                + " next-hop 10.10.6.3 extended-community [ target:192.168.94.12:5 ]";
        RouteConfig a = announced("announce " + words);
        assertEquals(new Family(Family.AFI_IPV6, Family.SAFI_MCAST_VPN), a.nlri().family());
        assertEquals("072E0000FDE80001869F0000FDE880FD12000000000000000000000000000280FF0E0000000000000000000000000001",
                wire(a.nlri()));
        assertEquals(Optional.of(IpAddress.parse("10.10.6.3")), a.nextHop());
        RouteConfig w = withdrawn("withdraw " + words);
        assertEquals(a.nlri(), w.nlri());
        assertTrue(w.attributes().get(ExtendedCommunities.class).isPresent(), "the withdrawal keeps its words");
    }

    @Test
    void mupCommandsOfApiIpv4() {
        RouteConfig a = announced("announce ipv4 mup mup-isd 10.0.1.0/24 rd 100:100 next-hop 2001::1"
                + " extended-community [ target:10:10 ] bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48"
                + " [64,24,16,0,0,0] )");
        assertEquals("0100010C0000006400000064180A0001", wire(a.nlri()));
        assertTrue(a.attributes().get(PrefixSid.class).isPresent());
        RouteConfig w = withdrawn("withdraw ipv4 mup mup-isd 10.0.1.0/24 rd 100:100");
        assertEquals(a.nlri(), w.nlri());
        assertEquals(Optional.of(IpAddress.ipv4(0)), w.nextHop(), "a withdrawal without next-hop: 0.0.0.0");
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertTrue(error("announce vpls endpoint 5 base 10702 offset 1 size 8 next-hop 1.1.1.1")
                .startsWith("vpls route has no rd"));
        assertTrue(error("announce ipv4 mup mup-isd 10.0.1.0/24 next-hop 2001::1").startsWith("MUP mup-isd route"
                + " has no rd"));
        assertTrue(error("announce ipv4 mcast-vpn source-ad source fd00::1 group 239.1.1.1 rd 1:1 next-hop 1.1.1.1")
                .startsWith("source address fd00::1 is not an ipv4 address"));
        assertTrue(error("announce ipv6 mcast-vpn shared-join").startsWith("MVPN shared-join route has no rp"));
        assertTrue(error("announce l2vpn vpls endpoint 5").startsWith("unknown announce form 'l2vpn'"));
        assertTrue(error("announce ipv4 mup mup-isd 10.0.1.0/24 rd 1:1 next-hop 2001::1 split /25")
                .startsWith("'split' is not a word of this family's routes"));
    }
}
