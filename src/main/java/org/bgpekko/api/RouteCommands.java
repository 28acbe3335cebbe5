// The announce/withdraw commands: routes and flow routes (through the configuration's parsers), mcast-vpn, mup and
// vpls routes, attributes … nlri, eor, route-refresh and watchdog; families without a codec yet are refused by name.
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.config.RouteLine;
import org.bgpekko.config.Token;
import org.bgpekko.rib.StaticRoutes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.VplsNlri;

final class RouteCommands {
    private RouteCommands() {}

    static ApiCommand parse(Cursor c, boolean announce) throws ApiParseException {
        String verb = announce ? "announce" : "withdraw";
        Token what = c.next("what to " + verb + " (route, ipv4, ipv6, vpls, attributes, eor, route-refresh, watchdog)");
        String w = what.text().toLowerCase(Locale.ROOT);
        switch (w) {
            case "route" -> {
                return routes(announce, split(route(c, null, announce)));
            }
            case "ipv4", "ipv6" -> {
                Token safi = c.next("a SAFI after " + w + " (unicast, nlri-mpls, mpls-vpn, mcast-vpn, mup)");
                Family f = ApiParser.family(w + " " + safi.text(), "a family like ipv4 unicast");
                if (f.safi() == Family.SAFI_MCAST_VPN || f.safi() == Family.SAFI_MUP) {
                    return routes(announce, List.of(familyRoute(c, f, announce)));
                }
                if (f.safi() == Family.SAFI_MULTICAST || !NlriCodecs.supports(f)) {
                    throw new ApiParseException("family " + f + " is not supported yet");
                }
                if (f.safi() == Family.SAFI_FLOW || f.safi() == Family.SAFI_FLOW_VPN) {
                    return routes(announce, List.of(flow(c, f)));
                }
                return routes(announce, split(route(c, f, announce)));
            }
            case "attribute", "attributes" -> {
                try {
                    return routes(announce, split(RouteLine.attributes(c.rest(), 0, !announce)));
                } catch (ConfigException e) {
                    throw routeError(e);
                }
            }
            case "eor" -> {
                only(announce, "eor");
                if (!c.hasNext()) {
                    return new ApiCommand.AnnounceEor(Family.IPV4_UNICAST);
                }
                ApiCommand eor = new ApiCommand.AnnounceEor(afiSafi(c, "announce eor [AFI SAFI]"));
                c.end();
                return eor;
            }
            case "route-refresh" -> {
                only(announce, "route-refresh");
                ApiCommand rr = new ApiCommand.RouteRefresh(afiSafi(c, "announce route-refresh AFI SAFI"));
                c.end();
                return rr;
            }
            case "watchdog" -> {
                String name = c.hasNext() ? c.next("a watchdog name").text() : "";
                c.end();
                return new ApiCommand.Watchdog(name, announce);
            }
            case "flow" -> {
                if (!c.peekIs("route")) {
                    throw c.error("expected 'route' (" + verb + " flow route …)");
                }
                return routes(announce, List.of(flow(c, null)));
            }
            case "vpls" -> {
                return routes(announce, List.of(familyRoute(c, VplsNlri.FAMILY, announce)));
            }
            case "evpn" -> throw new ApiParseException("l2vpn evpn routes are received and reported, not announced "
                    + "(ExaBGP has no such command either)");
            case "operational" -> throw new ApiParseException("operational messages are not supported yet");
            default -> throw new ApiParseException("unknown " + verb + " form '" + what.text() + "' (expected " + verb
                    + " route, ipv4, ipv6, vpls, attributes" + (announce ? ", eor, route-refresh" : "")
                    + " or watchdog)");
        }
    }

    private static RouteConfig route(Cursor c, Family family, boolean announce) throws ApiParseException {
        try {
            return RouteLine.route(c.rest(), 0, family, !announce);
        } catch (ConfigException e) {
            throw routeError(e);
        }
    }

    /** A flow route: its words as a flow section reads them (the "then" part is kept for a withdrawal too). */
    private static RouteConfig flow(Cursor c, Family family) throws ApiParseException {
        try {
            return RouteLine.flow(c.rest(), 0, family);
        } catch (ConfigException e) {
            throw routeError(e);
        }
    }

    private static RouteConfig familyRoute(Cursor c, Family family, boolean announce) throws ApiParseException {
        try {
            return RouteLine.familyRoute(c.rest(), 0, family, !announce);
        } catch (ConfigException e) {
            throw routeError(e);
        }
    }

    private static ApiCommand routes(boolean announce, List<RouteConfig> routes) {
        return announce ? new ApiCommand.AnnounceRoutes(routes) : new ApiCommand.WithdrawRoutes(routes);
    }

    private static void only(boolean announce, String what) throws ApiParseException {
        if (!announce) {
            throw new ApiParseException("'withdraw " + what + "' does not exist (expected announce " + what + ")");
        }
    }

    private static Family afiSafi(Cursor c, String form) throws ApiParseException {
        Token afi = c.next("AFI SAFI (" + form + ")");
        Token safi = c.next("a SAFI after " + afi.text() + " (" + form + ")");
        return ApiParser.family(afi.text() + " " + safi.text(), form);
    }

    private static ApiParseException routeError(ConfigException e) {
        String msg = e.getMessage();
        if (msg.contains("not supported yet")) {
            return new ApiParseException(msg);
        }
        return new ApiParseException(msg + " (at column " + e.column() + ")");
    }

    private static List<RouteConfig> split(RouteConfig r) {
        return split(List.of(r));
    }

    /** Expands {@code split /N} (bounded by the route parser) into the sub-prefixes (each with split -1). */
    static List<RouteConfig> split(List<RouteConfig> routes) {
        List<RouteConfig> out = new ArrayList<>();
        for (RouteConfig r : routes) {
            if (r.split() < 0) {
                out.add(r);
                continue;
            }
            for (Nlri n : StaticRoutes.split(r.nlri(), r.split())) {
                out.add(new RouteConfig(n, r.nextHop(), r.attributes(), -1, r.name(), r.watchdog(), r.withdrawn(),
                        r.at()));
            }
        }
        return out;
    }
}
