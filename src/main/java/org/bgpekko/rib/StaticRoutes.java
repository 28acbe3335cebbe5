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
    public record StaticRoute(Change change, String watchdog, boolean startsWithdrawn) {}

    public StaticRoutes {
        routes = List.copyOf(routes);
    }

    public static StaticRoutes of(List<RouteConfig> configured) {
        List<StaticRoute> out = new ArrayList<>();
        for (RouteConfig r : configured) {
            OutboundAttributes attrs = new OutboundAttributes(r.attributes(), r.nextHop());
            for (Nlri n : split(r.nlri(), r.split())) {
                out.add(new StaticRoute(Change.announce(n, attrs), r.watchdog(), r.withdrawn()));
            }
        }
        return new StaticRoutes(out);
    }

    /** The routes announced when the configuration is loaded (those not held back by a watchdog). */
    public Map<Nlri, Change> initial() {
        Map<Nlri, Change> out = new LinkedHashMap<>();
        for (StaticRoute r : routes) {
            if (!r.startsWithdrawn()) {
                out.put(r.change().nlri(), r.change());
            }
        }
        return out;
    }

    /**
     * The routes announced when the configuration is loaded, in configuration order; an NLRI named twice is
     * there twice (the Adj-RIB-Out keeps the last and sends the first ahead of it in the first session).
     */
    public List<Change> initialInOrder() {
        return routes.stream().filter(r -> !r.startsWithdrawn()).map(StaticRoute::change).toList();
    }

    /** The routes of one watchdog group. */
    public List<Change> watchdog(String name) {
        return routes.stream().filter(r -> name.equals(r.watchdog())).map(StaticRoute::change).toList();
    }

    /** The NLRI as the sub-prefixes of length {@code to}, in ascending order; itself when {@code to} is -1. */
    public static List<Nlri> split(Nlri nlri, int to) {
        if (to < 0 || to <= nlri.prefix().length()) {
            return List.of(nlri);
        }
        IpPrefix p = nlri.prefix();
        int max = IpPrefix.maxLength(p.afi());
        BigInteger base = toBig(p).shiftRight(max - p.length()).shiftLeft(max - p.length());
        int count = 1 << (to - p.length());
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
