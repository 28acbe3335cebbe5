// jqwik generators of every in-scope BGP message in its canonical (round-trippable) form, with session options.
package org.bgpekko.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.Aigp;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunities;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.CapabilityCodecs;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Fqdn;
import org.bgpekko.wire.capability.GracefulRestart;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.Operational;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.capability.SoftwareVersion;
import org.bgpekko.wire.capability.UnknownCapability;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.InetNlriCodec;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;

final class WireArbitraries {
    static final List<Family> FAMILIES = List.copyOf(NlriCodecs.families());

    /** A message and the session it is encoded and decoded in. */
    record Case(SessionOptions options, BgpMessage message) {
        @Override
        public String toString() {
            return message + " with " + options;
        }
    }

    private WireArbitraries() {}

    // ---------------------------------------------------------------- primitives

    static Arbitrary<Long> u32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFFFFFFL),
                Arbitraries.of(0L, 1L, 0xFFFFL, 0x10000L, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL));
    }

    static Arbitrary<Bytes> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Bytes::of);
    }

    /** Valid Unicode text (no lone surrogates), mostly ASCII, with UTF-8 length at most maxBytes. */
    static Arbitrary<String> text(int maxChars, int maxBytes) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(maxChars)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()))
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= maxBytes);
    }

    /** Any family, biased to the common ones. */
    static Arbitrary<Family> anyFamily() {
        Arbitrary<Family> random = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFF)).as(Family::new);
        return Arbitraries.oneOf(random, Arbitraries.of(FAMILIES));
    }

    static Arbitrary<IpAddress> ipv4Address() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL).map(IpAddress::ipv4);
    }

    static Arbitrary<IpAddress> ipv6Address() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((hi, lo) -> new IpAddress(Family.AFI_IPV6, hi, lo));
    }

    // ---------------------------------------------------------------- session options

    /**
     * ADD-PATH family sets: none, all, and splits that put every family both on and off next to other families.
     * A short fixed list keeps the number of distinct UPDATE arbitraries (built per session) small.
     */
    static final List<Set<Family>> ADD_PATH_SETS = List.of(Set.of(), Set.copyOf(FAMILIES),
            Set.of(Family.IPV4_UNICAST, Family.IPV6_MULTICAST, Family.IPV4_NLRI_MPLS, Family.IPV6_MPLS_VPN),
            Set.of(Family.IPV6_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_NLRI_MPLS, Family.IPV4_MPLS_VPN),
            Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV6_UNICAST, Family.IPV4_MPLS_VPN));

    /** 2- or 4-byte AS, and ADD-PATH on the same families in both directions (so a round trip is lossless). */
    static Arbitrary<SessionOptions> options() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(ADD_PATH_SETS))
                .as((asn4, addPath) -> new SessionOptions(asn4, addPath, addPath, Set.of(), SessionOptions.STANDARD_MAX));
    }

    // ---------------------------------------------------------------- capabilities and OPEN

    static Arbitrary<Capability> capability() {
        Arbitrary<Family> family = anyFamily();
        return Arbitraries.oneOf(
                family.map(Multiprotocol::new),
                Arbitraries.just(new RouteRefresh()),
                Arbitraries.just(new EnhancedRouteRefresh()),
                Arbitraries.just(new ExtendedMessage()),
                Arbitraries.just(new Operational()),
                u32().map(FourOctetAs::new),
                Combinators.combine(family, Arbitraries.integers().between(0, 0xFFFF))
                        .as(ExtendedNextHop.Entry::new).list().ofMaxSize(42).withSizeDistribution(RandomDistribution.biased()).map(ExtendedNextHop::new),
                Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 0xFFF),
                        Combinators.combine(family, Arbitraries.integers().between(0, 255))
                                .as(GracefulRestart.Entry::new).list().ofMaxSize(63).withSizeDistribution(RandomDistribution.biased()))
                        .as(GracefulRestart::new),
                Combinators.combine(family, Arbitraries.integers().between(0, 255))
                        .as(AddPath.Entry::new).list().ofMaxSize(63).withSizeDistribution(RandomDistribution.biased()).map(AddPath::new),
                bytes(0, 255).map(MultiSession::new),
                Combinators.combine(text(60, 126), text(60, 127)).as(Fqdn::new),
                text(100, 254).map(SoftwareVersion::new),
                Arbitraries.integers().between(0, BgpRole.PEER).map(BgpRole::new),
                Combinators.combine(Arbitraries.integers().between(0, 255).filter(c -> !CapabilityCodecs.registered(c)),
                        bytes(0, 255)).as(UnknownCapability::new));
    }

    static Arbitrary<Open> open() {
        Arbitrary<List<Capability>> few = capability().list().ofMaxSize(8);
        // many capabilities: the optional parameters pass 255 bytes and take the RFC 9072 form
        Arbitrary<List<Capability>> many = capability().list().ofMinSize(20).ofMaxSize(40);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFFFF),
                        u32(), Arbitraries.oneOf(few, many))
                .as((as, hold, id, caps) -> new Open(Open.VERSION, as, hold, id, caps))
                .filter(o -> fits(o, SessionOptions.DEFAULT));
    }

    // ---------------------------------------------------------------- other simple messages

    static Arbitrary<Notification> notification() {
        Arbitrary<Notification> any = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), bytes(0, 300)).as(Notification::new);
        Arbitrary<Notification> cease = Combinators.combine(
                        Arbitraries.of(Notification.CEASE_ADMINISTRATIVE_SHUTDOWN, Notification.CEASE_ADMINISTRATIVE_RESET),
                        text(300, 2000))
                .as(Notification::cease);
        return Arbitraries.oneOf(any, cease);
    }

    static Arbitrary<RouteRefreshMessage> routeRefresh() {
        return Combinators.combine(anyFamily(), Arbitraries.integers().between(0, 2)).as(RouteRefreshMessage::new);
    }

    // ---------------------------------------------------------------- NLRI

    static Arbitrary<IpPrefix> prefix(int afi, int maxLength) {
        int bits = IpPrefix.maxLength(afi);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, Math.min(bits, maxLength));
        if (afi == Family.AFI_IPV4) {
            return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), length).as(IpPrefix::ipv4);
        }
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), length)
                .as((hi, lo, len) -> new IpPrefix(Family.AFI_IPV6, hi, lo, len));
    }

    /** A label stack that a decoder reads back as is: only the last entry ends the stack. */
    static Arbitrary<Labels> labels(int maxEntries) {
        Arbitrary<Integer> inner = Arbitraries.integers().between(1, 0x7FFFFF).map(e -> e << 1)
                .filter(e -> e != Labels.WITHDRAW_ENTRY);
        Arbitrary<Integer> last = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7FFFFF).map(e -> e << 1 | 1),
                Arbitraries.just(Labels.WITHDRAW_ENTRY));
        return Combinators.combine(inner.list().ofMaxSize(maxEntries - 1), last).as((in, l) -> {
            List<Integer> all = new ArrayList<>(in);
            all.add(l);
            return new Labels(all);
        });
    }

    static Arbitrary<Long> pathId(boolean addPath) {
        return addPath ? Arbitraries.longs().between(0, 0xFFFFFFFFL) : Arbitraries.just(Nlri.NO_PATH_ID);
    }

    /** One NLRI of a registered family; its total length stays within the one-byte length field. */
    static Arbitrary<Nlri> nlri(Family family, boolean addPath) {
        if (FlowArbitraries.isFlow(family)) {
            return FlowArbitraries.nlri(family, addPath);
        }
        int afi = family.afi();
        int bits = IpPrefix.maxLength(afi);
        Arbitrary<Long> id = pathId(addPath);
        if (NlriCodecs.get(family) instanceof InetNlriCodec) {
            return Combinators.combine(id, prefix(afi, bits)).as((p, x) -> new InetNlri(family, p, x));
        }
        if (!(NlriCodecs.get(family) instanceof org.bgpekko.wire.nlri.LabeledNlriCodec)) {
            return FamilyArbitraries.nlri(family, addPath);
        }
        boolean vpn = family.safi() == Family.SAFI_MPLS_VPN;
        int room = 255 - (vpn ? 64 : 0) - bits;
        int maxLabels = Math.min(4, room / 24);
        Arbitrary<Labels> stack = labels(maxLabels);
        if (!vpn) {
            return Combinators.combine(id, stack, prefix(afi, bits))
                    .as((p, l, x) -> new LabeledNlri(family, p, l, x));
        }
        Arbitrary<RouteDistinguisher> rd = Arbitraries.longs().map(RouteDistinguisher::new);
        return Combinators.combine(id, stack, rd, prefix(afi, bits))
                .as((p, l, r, x) -> new VpnNlri(family, p, l, r, x));
    }

    static Arbitrary<NlriBlock> block(Family family, boolean addPath, int max) {
        return nlri(family, addPath).list().ofMaxSize(max).map(items -> NlriBlock.of(family, addPath, items));
    }

    // ---------------------------------------------------------------- attributes

    static Arbitrary<AsPathSegment> segment(boolean asn4) {
        Arbitrary<Long> as = asn4 ? u32() : Arbitraries.longs().between(0, 0xFFFF);
        return Combinators.combine(Arbitraries.integers().between(AsPathSegment.AS_SET, AsPathSegment.AS_CONFED_SET),
                as.list().ofMinSize(1).ofMaxSize(12)).as(AsPathSegment::new);
    }

    static Arbitrary<AsPath> asPath(boolean asn4) {
        return segment(asn4).list().ofMaxSize(4).map(AsPath::new);
    }

    static Arbitrary<Aigp> aigp() {
        Arbitrary<Bytes> metricTlv = Arbitraries.longs().map(m -> Aigp.ofMetric(m).tlvs());
        Arbitrary<Bytes> otherTlv = Combinators.combine(Arbitraries.integers().between(2, 255), bytes(0, 12))
                .as((t, v) -> Bytes.fromHex(String.format("%02X%04X", t, v.length() + 3) + v.hex()));
        return Arbitraries.oneOf(metricTlv, otherTlv).list().ofMaxSize(3)
                .map(tlvs -> new Aigp(Bytes.fromHex(tlvs.stream().map(Bytes::hex).collect(Collectors.joining()))));
    }

    static Arbitrary<PrefixSid> prefixSid() {
        Arbitrary<PrefixSid.Tlv> labelIndex = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), u32())
                .as((flags, index) -> new PrefixSid.Tlv(PrefixSid.LABEL_INDEX,
                        Bytes.fromHex(String.format("00%04X%08X", flags, index))));
        Arbitrary<PrefixSid.Tlv> srgb = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                        Combinators.combine(Arbitraries.integers().between(0, 0xFFFFFF),
                                Arbitraries.integers().between(0, 0xFFFFFF))
                                .as((base, range) -> String.format("%06X%06X", base, range)).list().ofMaxSize(4))
                .as((flags, ranges) -> new PrefixSid.Tlv(PrefixSid.ORIGINATOR_SRGB,
                        Bytes.fromHex(String.format("%04X", flags) + String.join("", ranges))));
        Arbitrary<PrefixSid.Tlv> other = Combinators.combine(Arbitraries.integers().between(0, 255)
                        .filter(t -> t != PrefixSid.LABEL_INDEX && t != PrefixSid.ORIGINATOR_SRGB
                                && t != PrefixSid.SRV6_L3_SERVICE && t != PrefixSid.SRV6_L2_SERVICE), bytes(0, 20))
                .as(PrefixSid.Tlv::new);
        return Arbitraries.oneOf(labelIndex, srgb, other, FamilyArbitraries.srv6Service()).list().ofMaxSize(3).map(PrefixSid::new);
    }

    static Arbitrary<UnknownAttribute> unknownAttribute() {
        Arbitrary<Integer> type = Arbitraries.integers().between(0, 255).filter(t -> AttributeCodecs.get(t) == null);
        Arbitrary<Bytes> value = Arbitraries.oneOf(bytes(0, 40), bytes(250, 300));
        return Combinators.combine(Arbitraries.integers().between(0, 255), type, value).as((flags, t, v) ->
                // a value over 255 bytes is always sent with the extended-length bit, which the decoder keeps
                new UnknownAttribute(v.length() > 255 ? flags | PathAttribute.FLAG_EXTENDED_LENGTH : flags, t, v));
    }

    /** A next-hop field of a length the family defines (RFC 7606 section 7.11 disables the family otherwise). */
    static Arbitrary<Bytes> nextHop(Family f) {
        boolean vpn = f.safi() == Family.SAFI_MPLS_VPN;
        int rd = vpn ? 8 : 0;
        return f.afi() == Family.AFI_IPV4 ? bytes(rd + 4, rd + 4)
                : Arbitraries.oneOf(bytes(rd + 16, rd + 16), bytes(2 * (rd + 16), 2 * (rd + 16)));
    }

    static Arbitrary<MpReachNlri> mpReach(SessionOptions options) {
        return Arbitraries.oneOf(FAMILIES.stream().map(f -> Combinators.combine(nextHop(f),
                block(f, options.addPathSend(f), 12)).as((nh, nlri) -> new MpReachNlri(f, nh, nlri))).toList());
    }

    static Arbitrary<MpUnreachNlri> mpUnreach(SessionOptions options) {
        return Arbitraries.oneOf(FAMILIES.stream().map(f -> block(f, options.addPathSend(f), 12)
                .map(nlri -> new MpUnreachNlri(f, nlri))).toList());
    }

    /**
     * One attribute of any type (MP ones included), for the session's AS width and ADD-PATH settings. Not AS4_PATH
     * and AS4_AGGREGATOR: a receiver discards them from a 4-octet speaker and folds them into AS_PATH and AGGREGATOR
     * from a 2-octet one (As4TransitionTest), so they do not come back as sent.
     */
    static Arbitrary<PathAttribute> attribute(SessionOptions options) {
        boolean asn4 = options.asn4();
        Arbitrary<Long> as = asn4 ? u32() : Arbitraries.longs().between(0, 0xFFFF);
        return Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 2).map(Origin::new),
                asPath(asn4),
                ipv4Address().map(NextHop::new),
                u32().map(MultiExitDisc::new),
                u32().map(LocalPref::new),
                Arbitraries.just(AtomicAggregate.INSTANCE),
                Combinators.combine(as, u32()).as(Aggregator::new),
                u32().list().ofMinSize(1).ofMaxSize(10).map(Communities::new),
                u32().map(OriginatorId::new),
                u32().list().ofMinSize(1).ofMaxSize(6).map(ClusterList::new),
                mpReach(options),
                mpUnreach(options),
                Arbitraries.longs().map(ExtendedCommunity::new).list().ofMinSize(1).ofMaxSize(6)
                        .map(ExtendedCommunities::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
                                ipv6Address(), Arbitraries.integers().between(0, 0xFFFF))
                        .as(Ipv6ExtendedCommunity::new).list().ofMinSize(1).ofMaxSize(4).map(Ipv6ExtendedCommunities::new),
                aigp(),
                Combinators.combine(u32(), u32(), u32()).as(LargeCommunity::new).list().ofMinSize(1).ofMaxSize(5)
                        .map(LargeCommunities::new),
                prefixSid(),
                FamilyArbitraries.linkState(),
                unknownAttribute()));
    }

    /**
     * An UPDATE that decodes without RFC 7606 findings: one attribute per type, and ORIGIN, AS_PATH (and NEXT_HOP
     * for the NLRI field) whenever it announces something.
     */
    static Arbitrary<Update> update(SessionOptions options) {
        boolean addPath = options.addPathSend(Family.IPV4_UNICAST);
        return Combinators.combine(block(Family.IPV4_UNICAST, addPath, 20), attribute(options).list().ofMaxSize(10),
                        block(Family.IPV4_UNICAST, addPath, 20), Arbitraries.integers().between(0, 2), asPath(options.asn4()),
                        ipv4Address())
                .as((withdrawn, attrs, nlri, origin, path, nextHop) -> {
                    Map<Integer, PathAttribute> byType = new LinkedHashMap<>();
                    for (PathAttribute a : attrs) {
                        byType.putIfAbsent(a.typeCode(), a);
                    }
                    boolean reach = !nlri.isEmpty()
                            || (byType.get(PathAttribute.MP_REACH_NLRI) instanceof MpReachNlri m && !m.nlri().isEmpty());
                    if (reach) {
                        byType.putIfAbsent(PathAttribute.ORIGIN, new Origin(origin));
                        byType.putIfAbsent(PathAttribute.AS_PATH, path);
                    }
                    if (!nlri.isEmpty()) {
                        byType.putIfAbsent(PathAttribute.NEXT_HOP, new NextHop(nextHop));
                    }
                    return new Update(withdrawn, new PathAttributes(new ArrayList<>(byType.values())), nlri);
                })
                .filter(u -> fits(u, options));
    }

    // ---------------------------------------------------------------- everything

    static Arbitrary<Case> cases() {
        Arbitrary<BgpMessage> sessionless = Arbitraries.frequencyOf(
                Tuple.of(1, message(Arbitraries.just(Keepalive.INSTANCE))),
                Tuple.of(3, message(open())),
                Tuple.of(2, message(notification())),
                Tuple.of(1, message(routeRefresh())));
        return Arbitraries.frequencyOf(
                Tuple.of(7, Combinators.combine(options(), sessionless).as(Case::new)),
                Tuple.of(8, options().flatMap(o -> cachedUpdate(o).map(u -> new Case(o, u)))));
    }

    private static final Map<SessionOptions, Arbitrary<Update>> UPDATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Building the UPDATE arbitrary is costly; there are only 2 * 6 session options to build it for. */
    static Arbitrary<Update> cachedUpdate(SessionOptions o) {
        return UPDATES.computeIfAbsent(o, WireArbitraries::update);
    }

    private static Arbitrary<BgpMessage> message(Arbitrary<? extends BgpMessage> a) {
        return a.map(m -> m);
    }

    /** True when the message encodes within the session's maximum size; any other encoding failure propagates. */
    static boolean fits(BgpMessage m, SessionOptions options) {
        try {
            MessageCodec.encode(m, options);
            return true;
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("exceeds the maximum message size")) {
                return false;
            }
            throw e;
        }
    }
}
