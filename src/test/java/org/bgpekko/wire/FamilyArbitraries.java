// jqwik arbitraries of the VPLS, MVPN, MUP, EVPN and BGP-LS NLRI, the BGP-LS attribute and SRv6 service TLVs: the
// shapes each decoder accepts (known route types built field by field) and unknown route types with raw values.
package org.bgpekko.wire;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bgpekko.wire.attribute.LinkState;
import org.bgpekko.wire.attribute.LinkStateTlvs;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.Srv6Service;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VplsNlri;
import org.bgpekko.wire.nlri.mup.MupRoute;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;

final class FamilyArbitraries {
    private FamilyArbitraries() {}

    /** One NLRI of a VPLS, MVPN, MUP, EVPN or BGP-LS family. */
    static Arbitrary<Nlri> nlri(Family family, boolean addPath) {
        Arbitrary<Long> id = WireArbitraries.pathId(addPath);
        Arbitrary<Nlri> plain = switch (family.safi()) {
            case Family.SAFI_VPLS -> vpls();
            case Family.SAFI_MCAST_VPN -> mvpn(family);
            case Family.SAFI_MUP -> mup(family);
            case Family.SAFI_EVPN -> evpn();
            default -> bgpLs(family);
        };
        return Combinators.combine(id, plain).as(FamilyArbitraries::withPathId);
    }

    static Nlri withPathId(long pathId, Nlri n) {
        if (n instanceof VplsNlri v) {
            return new VplsNlri(v.family(), pathId, v.rd(), v.endpoint(), v.offset(), v.size(), v.base());
        } else if (n instanceof MvpnNlri m) {
            return new MvpnNlri(m.family(), pathId, m.routeType(), m.value());
        } else if (n instanceof MupNlri m) {
            return new MupNlri(m.family(), pathId, m.archType(), m.routeType(), m.value());
        } else if (n instanceof EvpnNlri e) {
            return new EvpnNlri(e.family(), pathId, e.routeType(), e.value());
        }
        BgpLsNlri b = (BgpLsNlri) n;
        return new BgpLsNlri(b.family(), pathId, b.nlriType(), b.value());
    }

    static Arbitrary<RouteDistinguisher> rd() {
        return Arbitraries.longs().map(RouteDistinguisher::new);
    }

    static Arbitrary<IpAddress> address(int afi) {
        return afi == Family.AFI_IPV4 ? WireArbitraries.ipv4Address() : WireArbitraries.ipv6Address();
    }

    static Arbitrary<IpAddress> anyAddress() {
        return Arbitraries.oneOf(WireArbitraries.ipv4Address(), WireArbitraries.ipv6Address());
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Nlri> vpls() {
        return Combinators.combine(rd(), u16(), u16(), u16(), Arbitraries.integers().between(0, Labels.MAX_LABEL))
                .as((rd, e, o, s, b) -> new VplsNlri(rd, e, o, s, b));
    }

    static Arbitrary<Nlri> mvpn(Family f) {
        Arbitrary<Nlri> sourceAd = Arbitraries.of(Family.AFI_IPV4, Family.AFI_IPV6).flatMap(afi ->
                Combinators.combine(rd(), address(afi), address(afi)).as((r, s, g) -> MvpnRoute.sourceAd(f, r, s, g)));
        Arbitrary<Nlri> join = Arbitraries.of(Family.AFI_IPV4, Family.AFI_IPV6).flatMap(afi ->
                Combinators.combine(Arbitraries.of(MvpnRoute.SHARED_JOIN, MvpnRoute.SOURCE_JOIN), rd(),
                        WireArbitraries.u32(), address(afi), address(afi))
                        .as((t, r, as, s, g) -> MvpnRoute.cMulticast(f, t, r, as, s, g)));
        Arbitrary<Nlri> other = Combinators.combine(Arbitraries.integers().between(0, 255).filter(t -> t < 5 || t > 7),
                WireArbitraries.bytes(0, 60)).as((t, v) -> new MvpnNlri(f, Nlri.NO_PATH_ID, t, v));
        return Arbitraries.oneOf(sourceAd, join, other);
    }

    static Arbitrary<Nlri> mup(Family f) {
        int afi = f.afi();
        Arbitrary<IpPrefix> prefix = WireArbitraries.prefix(afi, IpPrefix.maxLength(afi));
        Arbitrary<Nlri> isd = Combinators.combine(rd(), prefix).as((r, p) -> MupRoute.isd(f, r, p));
        Arbitrary<Nlri> dsd = Combinators.combine(rd(), anyAddress()).as((r, a) -> MupRoute.dsd(f, r, a));
        Arbitrary<IpAddress> source = Arbitraries.oneOf(anyAddress(), Arbitraries.just(null));
        Arbitrary<Nlri> t1st = Combinators.combine(rd(), prefix, WireArbitraries.u32(),
                Arbitraries.integers().between(0, 255), anyAddress(), source)
                .as((r, p, teid, qfi, e, s) -> MupRoute.t1st(f, r, p, teid, qfi, e, s));
        Arbitrary<Nlri> t2st = Combinators.combine(rd(), address(afi), Arbitraries.integers().between(0, 32),
                WireArbitraries.u32()).as((r, e, bits, teid) -> MupRoute.t2st(f, r, e, bits == 32 ? teid
                        : teid & ((1L << bits) - 1), bits));
        Arbitrary<Nlri> other = Combinators.combine(Arbitraries.integers().between(0, 255), u16(),
                WireArbitraries.bytes(0, 40)).as((arch, t, v) -> new MupNlri(f, Nlri.NO_PATH_ID, arch,
                        arch == 1 && t >= 1 && t <= 4 ? t + 4 : t, v));
        return Arbitraries.oneOf(isd, dsd, t1st, t2st, other);
    }

    /** EVPN route types 1 to 5 with their fixed shapes, and other types with raw values. */
    static Arbitrary<Nlri> evpn() {
        Arbitrary<String> rdEsiTag = Combinators.combine(WireArbitraries.bytes(8, 8), WireArbitraries.bytes(10, 10),
                WireArbitraries.u32()).as((rd, esi, tag) -> rd.hex() + esi.hex() + String.format("%08X", tag));
        Arbitrary<String> label = Arbitraries.integers().between(0, 0xFFFFFF).map(l -> String.format("%06X", l));
        Arbitrary<String> ipWithLength = anyAddress().map(a -> String.format("%02X", a.bits()) + a.toBytes().hex());
        Arbitrary<Nlri> ad = Combinators.combine(rdEsiTag, label).as((h, l) -> evpn(1, h + l));
        Arbitrary<Nlri> mac = Combinators.combine(rdEsiTag, Arbitraries.integers().between(0, 48),
                WireArbitraries.bytes(6, 6), Arbitraries.oneOf(Arbitraries.just("00"), ipWithLength), label,
                Arbitraries.oneOf(Arbitraries.just(""), label))
                .as((h, ml, m, ip, l1, l2) -> evpn(2, h + String.format("%02X", ml) + m.hex() + ip + l1 + l2));
        Arbitrary<Nlri> multicast = Combinators.combine(WireArbitraries.bytes(12, 12), ipWithLength)
                .as((h, ip) -> evpn(3, h.hex() + ip));
        Arbitrary<Nlri> segment = Combinators.combine(WireArbitraries.bytes(18, 18), ipWithLength)
                .as((h, ip) -> evpn(4, h.hex() + ip));
        Arbitrary<Nlri> prefix = Arbitraries.of(4, 16).flatMap(n -> Combinators.combine(rdEsiTag,
                Arbitraries.integers().between(0, 255), WireArbitraries.bytes(2 * n, 2 * n), label)
                .as((h, len, ips, l) -> evpn(5, h + String.format("%02X", len) + ips.hex() + l)));
        Arbitrary<Nlri> other = Combinators.combine(Arbitraries.integers().between(0, 255).filter(t -> t == 0 || t > 5),
                WireArbitraries.bytes(0, 60)).as((t, v) -> new EvpnNlri(EvpnNlri.FAMILY, Nlri.NO_PATH_ID, t, v));
        return Arbitraries.oneOf(ad, mac, multicast, segment, prefix, other);
    }

    private static Nlri evpn(int type, String hex) {
        return new EvpnNlri(EvpnNlri.FAMILY, Nlri.NO_PATH_ID, type, Bytes.fromHex(hex));
    }

    private static String tlv(int type, String valueHex) {
        return String.format("%04X%04X", type, valueHex.length() / 2) + valueHex;
    }

    /** Node descriptor sub-TLVs valid for an OSPF (protocol 3) or IS-IS (protocol 2) NLRI. */
    private static Arbitrary<String> descriptors(boolean isis) {
        Arbitrary<String> as = WireArbitraries.u32().map(v -> tlv(512, String.format("%08X", v)));
        Arbitrary<String> id = WireArbitraries.u32().map(v -> tlv(513, String.format("%08X", v)));
        Arbitrary<String> area = WireArbitraries.bytes(4, 4).map(b -> tlv(514, b.hex()));
        Arbitrary<String> router = isis ? Arbitraries.oneOf(WireArbitraries.bytes(6, 6), WireArbitraries.bytes(7, 7))
                .map(b -> tlv(515, b.hex()))
                : Arbitraries.oneOf(WireArbitraries.bytes(4, 4), WireArbitraries.bytes(8, 8)).map(b -> tlv(515, b.hex()));
        return Arbitraries.oneOf(as, id, area, router).list().ofMaxSize(4).map(l -> String.join("", l));
    }

    /** Node, link, IPv4/IPv6 prefix and SRv6 SID NLRI (RD first for bgp-ls-vpn), and other types raw. */
    static Arbitrary<Nlri> bgpLs(Family f) {
        boolean vpn = f.safi() == Family.SAFI_BGPLS_VPN;
        Arbitrary<String> head = Combinators.combine(Arbitraries.of(false, true), Arbitraries.longs(),
                WireArbitraries.bytes(8, 8)).as((isis, id, rd) -> (vpn ? rd.hex() : "")
                        + (isis ? "02" : "03") + String.format("%016X", id));
        Arbitrary<Nlri> node = head.flatMap(h -> descriptors(h.startsWith("02", vpn ? 16 : 0))
                .map(d -> ls(f, 1, h + tlv(256, d))));
        Arbitrary<String> address = anyAddress().map(a -> a.toBytes().hex());
        Arbitrary<String> linkTlv = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(259, 260, 261, 262), address).as(FamilyArbitraries::tlv),
                WireArbitraries.bytes(8, 8).map(b -> tlv(258, b.hex())),
                u16().map(m -> tlv(263, String.format("%04X", m))));
        Arbitrary<Nlri> link = head.flatMap(h -> {
            boolean isis = h.startsWith("02", vpn ? 16 : 0);
            return Combinators.combine(descriptors(isis), descriptors(isis), linkTlv.list().ofMaxSize(4))
                    .as((l, r, rest) -> ls(f, 2, h + tlv(256, l) + tlv(257, r) + String.join("", rest)));
        });
        Arbitrary<Nlri> prefix = head.flatMap(h -> Combinators.combine(Arbitraries.of(3, 4),
                descriptors(h.startsWith("02", vpn ? 16 : 0)), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 4)).as((t, d, len, n) -> ls(f, t, h + tlv(256, d)
                        + tlv(264, "01") + tlv(265, String.format("%02X", len) + "0A".repeat(t == 3 ? n : 4 * n)))));
        Arbitrary<Nlri> sid = head.flatMap(h -> Combinators.combine(descriptors(h.startsWith("02", vpn ? 16 : 0)),
                WireArbitraries.ipv6Address()).as((d, a) -> ls(f, 6, h + tlv(256, d) + tlv(263, "0002")
                        + tlv(518, a.toBytes().hex()))));
        Arbitrary<Nlri> other = Combinators.combine(u16().filter(t -> t == 0 || t == 5 || t > 6),
                WireArbitraries.bytes(vpn ? 8 : 0, 60)).as((t, v) -> new BgpLsNlri(f, Nlri.NO_PATH_ID, t, v));
        return Arbitraries.oneOf(node, link, prefix, sid, other);
    }

    private static Nlri ls(Family f, int type, String hex) {
        return new BgpLsNlri(f, Nlri.NO_PATH_ID, type, Bytes.fromHex(hex));
    }

    /** A BGP-LS attribute: TLVs of the shapes ExaBGP decodes, and unknown ones. */
    static Arbitrary<LinkState> linkState() {
        Arbitrary<String> one = Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 63).map(f -> tlv(LinkStateTlvs.NODE_FLAGS, String.format("%02X", f << 2))),
                Arbitraries.strings().alpha().ofMaxLength(20).map(s -> tlv(LinkStateTlvs.NODE_NAME,
                        Bytes.ascii(s).hex())),
                WireArbitraries.bytes(1, 9).map(b -> tlv(LinkStateTlvs.ISIS_AREA, b.hex())),
                Combinators.combine(Arbitraries.of(1028, 1029, 1030, 1031), anyAddress().map(a -> a.toBytes().hex()))
                        .as(FamilyArbitraries::tlv),
                WireArbitraries.bytes(4, 4).map(b -> tlv(LinkStateTlvs.MAX_BANDWIDTH, b.hex())),
                WireArbitraries.bytes(32, 32).map(b -> tlv(LinkStateTlvs.UNRESERVED_BANDWIDTH, b.hex())),
                WireArbitraries.bytes(1, 3).map(b -> tlv(LinkStateTlvs.IGP_METRIC, b.hex())),
                WireArbitraries.u32().map(v -> tlv(LinkStateTlvs.PREFIX_METRIC, String.format("%08X", v))),
                Combinators.combine(Arbitraries.integers().between(0, 3), WireArbitraries.bytes(1, 1))
                        .as((vl, w) -> tlv(LinkStateTlvs.SR_ADJACENCY, String.format("%02X", vl << 4) + w.hex()
                                + "0000" + (vl == 3 ? "049310" : vl == 0 ? "00001F40" : "ABCDEF"))),
                Combinators.combine(Arbitraries.integers().between(0, 7), WireArbitraries.ipv6Address())
                        .as((fl, sid) -> tlv(LinkStateTlvs.SRV6_END_X, "0039" + String.format("%02X", fl << 5)
                                + "000000" + sid.toBytes().hex() + tlv(LinkStateTlvs.SRV6_SID_STRUCTURE, "20101040"))),
                Combinators.combine(Arbitraries.integers().between(1260, 1300), WireArbitraries.bytes(0, 12))
                        .as((t, v) -> tlv(t, v.hex()))));
        return one.list().ofMaxSize(5).map(l -> new LinkState(Bytes.fromHex(String.join("", l))));
    }

    /** An SRv6 L3 or L2 service TLV of one SID, with or without its structure. */
    static Arbitrary<PrefixSid.Tlv> srv6Service() {
        Arbitrary<Srv6Service.SidStructure> structure = Arbitraries.integers().between(0, 255).list().ofSize(6)
                .map(v -> new Srv6Service.SidStructure(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)));
        return Combinators.combine(Arbitraries.of(PrefixSid.SRV6_L3_SERVICE, PrefixSid.SRV6_L2_SERVICE),
                WireArbitraries.ipv6Address(), u16(), Arbitraries.oneOf(structure, Arbitraries.just(null)))
                .as(Srv6Service::tlv);
    }
}
