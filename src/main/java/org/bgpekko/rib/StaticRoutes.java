// The configured routes of a neighbour as Adj-RIB-Out changes: split expanded, watchdog groups kept apart.
package org.bgpekko.rib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VpnNlri;

/**
 * @param routes every configured route after {@code split}, in configuration order, with its watchdog name
 */
public record StaticRoutes(List<StaticRoute> routes) {

    /** One route of the configuration, expanded. {@code watchdog} is null outside a watchdog group. */
    public record StaticRoute(Nlri nlri, OutboundAttributes attributes, String watchdog, boolean startsWithdrawn) {}

    public StaticRoutes {
        routes = List.copyOf(routes);
    }

    public static StaticRoutes of(List<RouteConfig> configured) {
        List<StaticRoute> out = new ArrayList<>();
        for (RouteConfig r : configured) {
            OutboundAttributes attrs = new OutboundAttributes(r.attributes(), r.nextHop());
            for (Nlri n : split(r.nlri(), r.split())) {
                out.add(new StaticRoute(n, attrs, r.watchdog(), r.withdrawn()));
            }
        }
        return new StaticRoutes(out);
    }

    /** The routes announced when the configuration is loaded (those not held back by a watchdog), one per NLRI. */
    public Map<Nlri, OutboundAttributes> initial() {
        Map<Nlri, OutboundAttributes> out = new LinkedHashMap<>();
        for (StaticRoute r : routes) {
            if (!r.startsWithdrawn()) {
                out.put(r.nlri(), r.attributes());
            }
        }
        return out;
    }

    /**
     * The routes announced when the configuration is first loaded, in configuration order; an NLRI configured twice
     * is there twice (ExaBGP sends both in its first table, the last one wins: decisions D-FLOW1).
     */
    public List<StaticRoute> announced() {
        return routes.stream().filter(r -> !r.startsWithdrawn()).toList();
    }

    /** The routes of one watchdog group. */
    public List<StaticRoute> watchdog(String name) {
        return routes.stream().filter(r -> name.equals(r.watchdog())).toList();
    }

    /**
     * The NLRI as its 2^(to - length) sub-prefixes of length {@code to}, in ascending order; itself when {@code to}
     * is -1 or not longer than the prefix.
     *
     * @throws IllegalArgumentException when that is more than 2^{@link RouteConfig#MAX_SPLIT_BITS} routes (the
     *     parsers refuse such a split, with its position, before it gets here)
     */
    public static List<Nlri> split(Nlri nlri, int to) {
        if (to < 0 || to <= nlri.prefix().length()) {
            return List.of(nlri); // without split: also the NLRI that have no prefix (FlowSpec)
        }
        IpPrefix p = nlri.prefix();
        int max = IpPrefix.maxLength(p.afi());
        int bits = to - p.length();
        if (to > max || bits > RouteConfig.MAX_SPLIT_BITS) {
            throw new IllegalArgumentException("split /" + to + " of " + p + " gives 2^" + bits
                    + " routes (at most 2^" + RouteConfig.MAX_SPLIT_BITS + ")");
        }
        BigInteger base = toBig(p).shiftRight(max - p.length()).shiftLeft(max - p.length());
        int count = 1 << bits;
        List<Nlri> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigInteger a = base.add(BigInteger.valueOf(i).shiftLeft(max - to));
            long lo = a.longValue();
            long hi = a.shiftRight(64).longValue();
            IpPrefix sub = p.afi() == Family.AFI_IPV4 ? IpPrefix.ipv4(lo, to) : new IpPrefix(p.afi(), hi, lo, to);
            out.add(withPrefix(nlri, sub));
        }
        return out;
    }

    private static BigInteger toBig(IpPrefix p) {
        BigInteger hi = new BigInteger(Long.toUnsignedString(p.hi()));
        BigInteger lo = new BigInteger(Long.toUnsignedString(p.lo()));
        return hi.shiftLeft(64).or(lo);
    }

    private static Nlri withPrefix(Nlri n, IpPrefix p) {
        if (n instanceof LabeledNlri l) {
            return new LabeledNlri(l.family(), l.pathId(), l.labels(), p);
        }
        if (n instanceof VpnNlri v) {
            return new VpnNlri(v.family(), v.pathId(), v.labels(), v.rd(), p);
        }
        return new InetNlri(n.family(), n.pathId(), p);
    }
}
