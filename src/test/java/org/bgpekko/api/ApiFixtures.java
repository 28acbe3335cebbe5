// Test helpers: routes and neighbours parsed by the configuration parser, to compare API commands against.
package org.bgpekko.api;

import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RouteConfig;

final class ApiFixtures {
    private ApiFixtures() {}

    /** The routes of "static { route WORDS; }" in a plain iBGP neighbour. */
    static List<RouteConfig> configRoutes(String... routeWords) {
        StringBuilder sb = new StringBuilder("neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n"
                + " local-as 1;\n peer-as 1;\n family { ipv4 unicast; ipv6 unicast; ipv4 mpls-vpn; ipv4 nlri-mpls; }\n"
                + " static {\n");
        for (String w : routeWords) {
            sb.append("  route ").append(w).append(";\n");
        }
        sb.append(" }\n}\n");
        return neighbors(sb.toString()).get(0).routes();
    }

    static List<NeighborConfig> neighbors(String text) {
        ConfigParser.Result r = ConfigParser.check(Path.of("t.conf"), text);
        if (!r.errors().isEmpty()) {
            throw new AssertionError(r.errors());
        }
        Configuration c = r.configuration();
        return c.neighbors();
    }

    /** What identifies a route, without its source position. */
    static List<Object> key(RouteConfig r) {
        return java.util.Arrays.asList(r.nlri(), r.nextHop(), r.attributes(), r.split(), r.name(), r.watchdog(),
                r.withdrawn());
    }

    static List<List<Object>> keys(List<RouteConfig> routes) {
        return routes.stream().map(ApiFixtures::key).toList();
    }
}
