// Hex vectors of the VPLS, MVPN, MUP, EVPN and BGP-LS NLRI from ExaBGP's conformance data, the routes the
// configuration builders make, and the malformed shapes each decoder refuses.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VplsNlri;
import org.bgpekko.wire.nlri.bgpls.LinkStateNlri;
import org.bgpekko.wire.nlri.bgpls.NodeDescriptor;
import org.bgpekko.wire.nlri.evpn.EvpnRoute;
import org.bgpekko.wire.nlri.mup.MupRoute;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyNlriVectorsTest {
    static final Family MVPN4 = new Family(Family.AFI_IPV4, Family.SAFI_MCAST_VPN);
    static final Family MVPN6 = new Family(Family.AFI_IPV6, Family.SAFI_MCAST_VPN);
    static final Family MUP4 = new Family(Family.AFI_IPV4, Family.SAFI_MUP);
    static final Family MUP6 = new Family(Family.AFI_IPV6, Family.SAFI_MUP);
    static final RouteDistinguisher RD_100 = RouteDistinguisher.parse("100:100");
    static final RouteDistinguisher RD_MVPN = RouteDistinguisher.parse("65000:99999");

    private static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Nlri> T withPathId(T n, long pathId) {
        return (T) FamilyArbitraries.withPathId(pathId, n);
    }

    static final String VPLS = "0011" + "0001C0A8C901007B" + "0005" + "0001" + "0008" + "029CE1";
    static final String SHARED_JOIN4 = "0616" + "0000FDE80001869F" + "0000FDE8" + "200A63C701" + "20EFFBFFE4";
    static final String SOURCE_AD4 = "0512" + "0000FDE80001869F" + "200A630C04" + "20EFFBFFE4";
    static final String SOURCE_JOIN6 = "072E" + "0000FDE80001869F" + "0000FDE8" + "80FD120000000000000000000000000002"
            + "80FF0E0000000000000000000000000001";
    static final String ISD4 = "0100010C" + "0000006400000064" + "180A0001";
    static final String DSD4 = "0100020C" + "0000006400000064" + "0A000001";
    static final String T1ST4 = "0100031C" + "0000006400000064" + "20C0A80002" + "00003039" + "09" + "200A000001"
            + "200A000101";
    static final String T2ST4 = "01000411" + "0000006400000064" + "400A000001" + "00003039";
    static final String T2ST4_23 = "01000410" + "0000006400000064" + "370A000001" + "003039";
    static final String ISD6 = "01000111" + "0000006400000064" + "402001000000000000";
    static final String MAC_IP = "0221" + "0001252C37370001" + "00000000000000000000" + "0000076D" + "30FC15B4787B8F"
            + "00" + "000000";
    static final String EVPN_TYPE_8 = "0826" + "0001252C37768EAD000002001600000000030000085D0020EFFFFFFF20252C3776"
            + "0000000000";
    static final String LS_LINK = "00020065" + "03" + "0000000000000000"
            + "01000020" + "020000040000FDE9" + "0201000400000000" + "0202000400000000" + "020300040A010101"
            + "01010024" + "020000040000FDE9" + "0201000400000000" + "0202000400000000" + "020300080A0104010A010102"
            + "010300040A010101" + "010400040A010102";
    static final String LS_NODE = "00010027" + "01" + "0000000000000004"
            + "0100001A" + "020000040000FC13" + "020100040000008B" + "02030006192168251231";

    /** The vectors NlriVectorsTest runs for these families: family, add-path, NLRI, hex, a next hop. */
    static Stream<Arguments> vectors() {
        String nh4 = "0A000002";
        VplsNlri vpls = new VplsNlri(RouteDistinguisher.parse("192.168.201.1:123"), 5, 1, 8, 10702);
        MvpnNlri sharedJoin = MvpnRoute.cMulticast(MVPN4, MvpnRoute.SHARED_JOIN, RD_MVPN, 65000, ip("10.99.199.1"),
                ip("239.251.255.228"));
        MvpnNlri sourceAd = MvpnRoute.sourceAd(MVPN4, RD_MVPN, ip("10.99.12.4"), ip("239.251.255.228"));
        MvpnNlri sourceJoin6 = MvpnRoute.cMulticast(MVPN6, MvpnRoute.SOURCE_JOIN, RD_MVPN, 65000, ip("fd12::2"),
                ip("ff0e::1"));
        MupNlri isd = MupRoute.isd(MUP4, RD_100, IpPrefix.parse("10.0.1.0/24"));
        MupNlri dsd = MupRoute.dsd(MUP4, RD_100, ip("10.0.0.1"));
        MupNlri t1st = MupRoute.t1st(MUP4, RD_100, IpPrefix.parse("192.168.0.2/32"), 12345, 9, ip("10.0.0.1"),
                ip("10.0.1.1"));
        MupNlri t2st = MupRoute.t2st(MUP4, RD_100, ip("10.0.0.1"), 12345, 32);
        MupNlri t2st23 = MupRoute.t2st(MUP4, RD_100, ip("10.0.0.1"), 12345, 23);
        MupNlri isd6 = MupRoute.isd(MUP6, RD_100, IpPrefix.parse("2001::/64"));
        EvpnNlri mac = new EvpnNlri(EvpnNlri.FAMILY, Nlri.NO_PATH_ID, 2, Bytes.fromHex(MAC_IP.substring(4)));
        EvpnNlri type8 = new EvpnNlri(EvpnNlri.FAMILY, Nlri.NO_PATH_ID, 8, Bytes.fromHex(EVPN_TYPE_8.substring(4)));
        BgpLsNlri link = new BgpLsNlri(BgpLsNlri.FAMILY, Nlri.NO_PATH_ID, 2, Bytes.fromHex(LS_LINK.substring(8)));
        BgpLsNlri node = new BgpLsNlri(BgpLsNlri.FAMILY, Nlri.NO_PATH_ID, 1, Bytes.fromHex(LS_NODE.substring(8)));
        BgpLsNlri vpnNode = new BgpLsNlri(BgpLsNlri.VPN_FAMILY, Nlri.NO_PATH_ID, 1,
                Bytes.fromHex("0000FDE800000001" + LS_NODE.substring(8)));
        String vpnNodeHex = "0001002F" + "0000FDE800000001" + LS_NODE.substring(8);
        return Stream.of(
                Arguments.of(VplsNlri.FAMILY, false, List.of(vpls), VPLS, "C0A8C901"),
                Arguments.of(VplsNlri.FAMILY, true, List.of(withPathId(vpls, 7)), "00000007" + VPLS, "C0A8C901"),
                Arguments.of(MVPN4, false, List.of(sharedJoin, sourceAd), SHARED_JOIN4 + SOURCE_AD4, "0A0A0603"),
                Arguments.of(MVPN4, true, List.of(withPathId(sourceAd, 1)), "00000001" + SOURCE_AD4, "0A0A0603"),
                Arguments.of(MVPN6, false, List.of(sourceJoin6), SOURCE_JOIN6, "0A0A0603"),
                Arguments.of(MVPN6, true, List.of(withPathId(sourceJoin6, 2)), "00000002" + SOURCE_JOIN6, "0A0A0603"),
                Arguments.of(MUP4, false, List.of(isd, dsd, t1st, t2st, t2st23), ISD4 + DSD4 + T1ST4 + T2ST4 + T2ST4_23,
                        nh4),
                Arguments.of(MUP4, true, List.of(withPathId(t1st, 3)), "00000003" + T1ST4, nh4),
                Arguments.of(MUP6, false, List.of(isd6), ISD6, "20010000000000000000000000000002"),
                Arguments.of(MUP6, true, List.of(withPathId(isd6, 4)), "00000004" + ISD6,
                        "20010000000000000000000000000002"),
                Arguments.of(EvpnNlri.FAMILY, false, List.of(type8, mac), EVPN_TYPE_8 + MAC_IP, nh4),
                Arguments.of(EvpnNlri.FAMILY, true, List.of(withPathId(mac, 5)), "00000005" + MAC_IP, nh4),
                Arguments.of(BgpLsNlri.FAMILY, false, List.of(link, node), LS_LINK + LS_NODE, "C0A8FF1D"),
                Arguments.of(BgpLsNlri.FAMILY, true, List.of(withPathId(node, 6)), "00000006" + LS_NODE, "C0A8FF1D"),
                Arguments.of(BgpLsNlri.VPN_FAMILY, false, List.of(vpnNode), vpnNodeHex, "C0A8FF1D"),
                Arguments.of(BgpLsNlri.VPN_FAMILY, true, List.of(withPathId(vpnNode, 8)), "00000008" + vpnNodeHex,
                        "C0A8FF1D"));
    }

    @Test
    void typedViewsReadTheConformanceRoutes() {
        var sj = (MvpnRoute.CMulticast) MvpnRoute.read(6, VectorSupport.hex(SHARED_JOIN4), 2, 0x16);
        assertEquals(new MvpnRoute.CMulticast(6, RD_MVPN, 65000, ip("10.99.199.1"), ip("239.251.255.228")), sj);
        var t1 = (MupRoute.T1st) MupRoute.read(Family.AFI_IPV4, 1, 3, VectorSupport.hex(T1ST4), 4, 0x1C);
        assertEquals(new MupRoute.T1st(RD_100, IpPrefix.parse("192.168.0.2/32"), 12345, 9, ip("10.0.0.1"),
                ip("10.0.1.1")), t1);
        var t2 = (MupRoute.T2st) MupRoute.read(Family.AFI_IPV4, 1, 4, VectorSupport.hex(T2ST4_23), 4, 0x10);
        assertEquals(new MupRoute.T2st(RD_100, 55, ip("10.0.0.1"), 12345), t2);
        var m = (EvpnRoute.MacIp) EvpnRoute.read(2, VectorSupport.hex(MAC_IP), 2, 0x21);
        assertEquals(1901, m.etag());
        assertEquals("FC15B4787B8F", m.mac().hex());
        assertEquals(null, m.ip());
        assertInstanceOf(EvpnRoute.Other.class, EvpnRoute.read(8, VectorSupport.hex(EVPN_TYPE_8), 2, 0x26));
        var link = (LinkStateNlri.Link) LinkStateNlri.read(BgpLsNlri.FAMILY, 2, VectorSupport.hex(LS_LINK), 4, 0x65);
        assertEquals(3, link.protocolId());
        assertEquals(List.of(ip("10.1.1.1")), link.interfaces());
        assertEquals(List.of(ip("10.1.1.2")), link.neighbors());
        NodeDescriptor router = link.remote().get(3);
        assertEquals(ip("10.1.4.1"), router.address());
        assertEquals(ip("10.1.1.2"), router.designatedRouter());
        var node = (LinkStateNlri.Node) LinkStateNlri.read(BgpLsNlri.FAMILY, 1, VectorSupport.hex(LS_NODE), 4, 0x27);
        assertEquals("192168251231", node.descriptors().get(2).isoId());
        assertEquals(64531, node.descriptors().get(0).number());
    }

    /** Values of known route types with the wrong shape: the codec refuses them, so the family is disabled. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // VPLS: the length field must be 17
        "l2vpn vpls, 00100001C0A8C901007B000500010008029C",
        // MVPN source active A-D: 17 bytes; a 24-bit source
        "ipv4 mcast-vpn, 05110000FDE80001869F200A630C0420EFFBFF",
        "ipv4 mcast-vpn, 05120000FDE80001869F180A630C0420EFFBFFE4",
        // MUP: ISD prefix longer than 32 bits; DSD of 5 bytes; T1ST endpoint of 24 bits; T2ST with 40 TEID bits
        "ipv4 mup, 0100010D000000640000006421C0A80001",
        "ipv4 mup, 0100020D00000064000000640A00000100",
        "ipv4 mup, 01000316000000640000006420C0A80002000030390918C0A800",
        "ipv4 mup, 01000412000000640000006448 0A000001 0000003039",
        // EVPN MAC/IP: an IPv4 length with no address; Ethernet segment with a 24-bit address
        "l2vpn evpn, 02210001252C37370001000000000000000000000000076D30FC15B4787B8F20000000",
        "l2vpn evpn, 04160001252C3737000100000000000000000000000018C0A800",
        // BGP-LS: protocol 9; an OSPF router ID of 6 bytes; a node NLRI without its node descriptors
        "bgp-ls bgp-ls, 0001000D090000000000000000 01000000",
        "bgp-ls bgp-ls, 000100170300000000000000000100000A020300060A0000000000",
        "bgp-ls bgp-ls, 000100110300000000000000000101000402000000",
    })
    void malformedValuesAreRefused(String family, String hex) {
        Family f = Family.parse(family);
        byte[] b = VectorSupport.hex(hex.replace(" ", ""));
        NlriBlock.Decoding d = NlriBlock.decode(f, b, 0, b.length, false);
        assertFalse(d.ok(), "accepted " + hex);
        assertTrue(d.error().contains("NLRI"), d.error());
    }

    @Test
    void theConfigurationBuildersRefuseWhatCannotBeSent() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MupRoute.t2st(MUP4, RD_100, ip("10.0.0.1"), 12345, 8));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VplsNlri(RD_100, 5, 1, 8, 1 << 20));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MvpnRoute.cMulticast(MVPN4, 5, RD_MVPN, 1, ip("10.0.0.1"), ip("239.0.0.1")));
    }
}
