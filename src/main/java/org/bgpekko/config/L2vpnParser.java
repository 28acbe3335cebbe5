// Parses VPLS routes: the neighbor's "l2vpn { vpls WORDS; vpls NAME { WORD VALUE; … } }" and
// "announce { l2vpn { vpls WORDS; } }" (RFC 4761 routes, ExaBGP's syntax).
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class L2vpnParser {
    private L2vpnParser() {}

    /** The children of an l2vpn section; a bad route adds its error to {@code errors} and the others still parse. */
    static List<RouteConfig> routes(Path file, List<Node> children, List<ConfigException> errors) {
        List<RouteConfig> out = new ArrayList<>();
        for (Node n : children) {
            try {
                out.add(route(file, n));
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        return out;
    }

    /** One "vpls …" statement or block. */
    static RouteConfig route(Path file, Node n) {
        if (!n.head().is("vpls")) {
            throw new ConfigException(file, n.head(), "unexpected '" + n.head() + "' in l2vpn (expected vpls)");
        }
        Words w = new Words(file, n.statement(), 1);
        if (n instanceof Node.Section s) {
            Token name = w.hasNext() ? w.next("vpls name") : null;
            RouteConfig r = RouteParser.custom(w, n.head(), new VplsWords(), s.children(), false);
            return name == null || r.name() != null ? r : new RouteConfig(r.nlri(), r.nextHop(), r.attributes(),
                    r.split(), name.text(), r.watchdog(), r.withdrawn(), r.at());
        }
        return RouteParser.custom(w, n.head(), new VplsWords(), null, false);
    }
}
