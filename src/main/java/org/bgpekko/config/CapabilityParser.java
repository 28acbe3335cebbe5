// Parses the "capability { … }" block of a neighbor.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class CapabilityParser {
    private CapabilityParser() {}

    static CapabilityConfig parse(Path file, List<Node> children, CapabilityConfig start) {
        boolean asn4 = start.asn4();
        boolean routeRefresh = start.routeRefresh();
        int gracefulRestart = start.gracefulRestart();
        int addPath = start.addPath();
        boolean operational = start.operational();
        boolean multiSession = start.multiSession();
        boolean softwareVersion = start.softwareVersion();
        boolean nexthop = start.nexthop();
        for (Node n : children) {
            if (!(n instanceof Node.Setting)) {
                throw new ConfigException(file, n.head(), "unexpected section '" + n.head() + "' in capability");
            }
            Words w = new Words(file, n.statement(), 1);
            switch (n.head().text().toLowerCase(Locale.ROOT)) {
                case "asn4" -> asn4 = w.bool("asn4", true);
                case "route-refresh" -> routeRefresh = w.bool("route-refresh", true);
                case "graceful-restart" -> gracefulRestart = gracefulRestart(w);
                case "add-path" -> addPath = addPath(w);
                case "aigp", "extended-message" -> Unsupported.capability(n.head(), w);
                case "operational" -> operational = w.bool("operational", true);
                case "multi-session" -> multiSession = w.bool("multi-session", true);
                case "software-version" -> softwareVersion = w.bool("software-version", true);
                case "nexthop" -> nexthop = w.bool("nexthop", true);
                default -> throw w.error(n.head(), "unknown capability '" + n.head() + "' (expected asn4, "
                        + "route-refresh, graceful-restart, add-path, aigp, operational, multi-session, "
                        + "extended-message, software-version or nexthop)");
            }
            w.end();
        }
        return new CapabilityConfig(asn4, routeRefresh, gracefulRestart, addPath, operational, multiSession,
                softwareVersion, nexthop);
    }

    private static int gracefulRestart(Words w) {
        if (!w.hasNext()) {
            return CapabilityConfig.GR_HOLD_TIME;
        }
        Token t = w.next("restart time");
        if (t.is("disable") || t.is("false")) {
            return CapabilityConfig.GR_DISABLED;
        }
        if (t.is("enable") || t.is("true")) {
            return CapabilityConfig.GR_HOLD_TIME;
        }
        return (int) w.number(t, "graceful-restart time", 0, 4095);
    }

    private static int addPath(Words w) {
        Token t = w.next("send, receive, send/receive or disable");
        return switch (t.text().toLowerCase(Locale.ROOT)) {
            case "send" -> 2;
            case "receive" -> 1;
            case "send/receive" -> 3;
            case "disable", "disabled" -> 0;
            default -> throw w.error(t, "unknown add-path mode '" + t + "' (expected send, receive, send/receive or "
                    + "disable)");
        };
    }
}
