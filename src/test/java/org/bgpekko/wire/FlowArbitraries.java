// jqwik generators of FlowSpec NLRI: every component type of the AFI, both operator kinds, IPv6 offsets, flow-vpn.
package org.bgpekko.wire;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowComponentType;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;

final class FlowArbitraries {
    private FlowArbitraries() {}

    static boolean isFlow(Family f) {
        return f.safi() == Family.SAFI_FLOW || f.safi() == Family.SAFI_FLOW_VPN;
    }

    /** A FlowSpec NLRI of up to {@code maxComponents} components of up to {@code maxOps} pairs each. */
    static Arbitrary<Nlri> nlri(Family family, boolean addPath, int maxComponents, int maxOps) {
        int afi = family.afi();
        List<Arbitrary<FlowComponent>> each = new ArrayList<>();
        for (int code = 1; code <= 13; code++) {
            FlowComponentType t = FlowComponentType.of(afi, code);
            if (t != null) {
                each.add(component(afi, t, maxOps));
            }
        }
        Arbitrary<List<FlowComponent>> components = Arbitraries.oneOf(each).list().ofMaxSize(maxComponents)
                .map(FlowArbitraries::onePerType);
        Arbitrary<RouteDistinguisher> rd = family.safi() == Family.SAFI_FLOW_VPN
                ? Arbitraries.longs().map(RouteDistinguisher::new) : Arbitraries.just(null);
        return Combinators.combine(WireArbitraries.pathId(addPath), rd, components)
                .as((id, r, c) -> new FlowNlri(family, id, r, c));
    }

    static Arbitrary<Nlri> nlri(Family family, boolean addPath) {
        return nlri(family, addPath, 4, 3);
    }

    /** Sorted by type, the first of each type kept. */
    private static List<FlowComponent> onePerType(List<FlowComponent> in) {
        List<FlowComponent> out = new ArrayList<>();
        in.stream().sorted(java.util.Comparator.comparingInt(FlowComponent::type)).forEach(c -> {
            if (out.isEmpty() || out.get(out.size() - 1).type() != c.type()) {
                out.add(c);
            }
        });
        return out;
    }

    static Arbitrary<FlowComponent> component(int afi, FlowComponentType t, int maxOps) {
        if (t.kind() == FlowComponentType.Kind.PREFIX) {
            return prefix(afi).flatMap(p -> offset(afi, p.length()).map(o -> new FlowPrefix(t.code(), p, o)));
        }
        return op().list().ofMinSize(1).ofMaxSize(maxOps).map(ops -> new FlowMatch(t.code(), ops));
    }

    /** A prefix as a decoder rebuilds it: no bits past ceil(length/8) bytes. */
    static Arbitrary<IpPrefix> prefix(int afi) {
        int max = IpPrefix.maxLength(afi);
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.integers().between(0, max)).as((b, len) -> IpPrefix.read(afi, b, 0, len));
    }

    /** RFC 8956: 0, or below the length. */
    static Arbitrary<Integer> offset(int afi, int length) {
        if (afi == Family.AFI_IPV4 || length < 2) {
            return Arbitraries.just(0);
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, length - 1)));
    }

    /** Any operator flags (reserved bits too), any of the four value lengths. */
    static Arbitrary<FlowOp> op() {
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 0xFF)
                .map(f -> f & ~(FlowOp.END_OF_LIST | FlowOp.LENGTH_FIELD));
        Arbitrary<Integer> length = Arbitraries.of(1, 2, 4, 8);
        return Combinators.combine(flags, length, Arbitraries.longs()).as((f, len, v) ->
                new FlowOp(f, len, len == 8 ? v : v & ((1L << (8 * len)) - 1)));
    }
}
