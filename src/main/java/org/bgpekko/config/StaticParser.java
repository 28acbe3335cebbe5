// Parses the route sections of a neighbor: "static { route …; }" and "announce { ipv4 { unicast …; } … }", with
// the mcast-vpn, mup and l2vpn vpls routes of announce.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.NlriCodecs;

final class StaticParser {
    private StaticParser() {}

    /** The routes of a static section; a bad route adds its error to {@code errors} and the others still parse. */
    static List<RouteConfig> staticRoutes(Path file, List<Node> children, List<ConfigException> errors) {
        List<RouteConfig> out = new ArrayList<>();
        for (Node n : children) {
            try {
                if (!n.head().is("route")) {
                    throw new ConfigException(file, n.head(), "unexpected '" + n.head() + "' in static (expected "
                            + "route)");
                }
                Words w = new Words(file, n.statement(), 1);
                out.add(n instanceof Node.Section s ? RouteParser.block(w, s.children(), null)
                        : RouteParser.line(w, null));
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        return out;
    }

    static List<RouteConfig> announce(Path file, List<Node> children, List<ConfigException> errors) {
        List<RouteConfig> out = new ArrayList<>();
        for (Node n : children) {
            String afiName = n.head().text().toLowerCase(Locale.ROOT);
            if (!(n instanceof Node.Section s)) {
                throw new ConfigException(file, n.head(), "unexpected '" + n.head() + "' in announce (expected "
                        + "ipv4 { … }, ipv6 { … } or l2vpn { … })");
            }
            new Words(file, s.statement(), 1).end();
            int afi = switch (afiName) {
                case "ipv4" -> Family.AFI_IPV4;
                case "ipv6" -> Family.AFI_IPV6;
                case "l2vpn" -> Family.AFI_L2VPN;
                default -> throw new ConfigException(file, n.head(), "unknown address family '" + n.head()
                        + "' (expected ipv4, ipv6 or l2vpn)");
            };
            for (Node r : s.children()) {
                try {
                    out.add(announced(file, r, afiName, afi));
                } catch (ConfigException e) {
                    errors.add(e);
                }
            }
        }
        return out;
    }

    private static RouteConfig announced(Path file, Node r, String afiName, int afi) {
        Words w = new Words(file, r.statement(), 1);
        Family f;
        try {
            f = Family.parse(afiName + " " + r.head().text());
        } catch (IllegalArgumentException e) {
            throw w.error(r.head(), "unknown " + afiName + " family '" + r.head() + "'");
        }
        List<Node> block = r instanceof Node.Section rs ? rs.children() : null;
        switch (f.safi()) {
            case Family.SAFI_MCAST_VPN -> {
                MvpnWords words = new MvpnWords(f, w);
                return RouteParser.custom(w, words.at(), words, block, false);
            }
            case Family.SAFI_MUP -> {
                MupWords words = new MupWords(f, w);
                return RouteParser.custom(w, words.at(), words, block, false);
            }
            case Family.SAFI_VPLS -> {
                return L2vpnParser.route(file, r);
            }
            default -> { }
        }
        if (!NlriCodecs.supports(f)) {
            throw w.error(r.head(), "family " + f + " is not supported yet");
        }
        if (f.safi() == Family.SAFI_FLOW || f.safi() == Family.SAFI_FLOW_VPN) {
            if (block != null) {
                throw w.error(r.head(), "a flow under announce is one line of words (or use flow { route … { … } })");
            }
            return FlowParser.flat(w, f);
        }
        if (f.afi() == Family.AFI_L2VPN) {
            throw w.error(r.head(), "family " + f + " has no routes a configuration can announce (expected vpls)");
        }
        RouteConfig rc = block != null ? RouteParser.block(w, block, f.safi()) : RouteParser.line(w, f.safi());
        if (rc.nlri().family().afi() != afi) {
            throw w.error(rc.at(), "prefix " + rc.nlri().prefix() + " is not an " + afiName + " prefix");
        }
        return rc;
    }
}
