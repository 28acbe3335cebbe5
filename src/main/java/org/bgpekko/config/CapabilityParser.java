// Parses the "capability { … }" block of a neighbor.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class CapabilityParser {
    private CapabilityParser() {}

    static CapabilityConfig parse(Path file, List<Node> children, CapabilityConfig start) {
        CapabilityConfig c = start;
        for (Node n : children) {
            if (!(n instanceof Node.Setting)) {
                throw new ConfigException(file, n.head(), "unexpected section '" + n.head() + "' in capability");
            }
            Words w = new Words(file, n.statement(), 1);
            switch (n.head().text().toLowerCase(Locale.ROOT)) {
                case "asn4" -> c = new CapabilityConfig(w.bool("asn4", true), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), c.operational(), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "route-refresh" -> c = new CapabilityConfig(c.asn4(), w.bool("route-refresh", true),
                        c.gracefulRestart(), c.addPath(), c.aigp(), c.operational(), c.multiSession(),
                        c.extendedMessage(), c.softwareVersion(), c.nexthop());
                case "graceful-restart" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), gracefulRestart(w),
                        c.addPath(), c.aigp(), c.operational(), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "add-path" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        addPath(w), c.aigp(), c.operational(), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "aigp" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(), c.addPath(),
                        w.bool("aigp", true), c.operational(), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "operational" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), w.bool("operational", true), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "multi-session" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), c.operational(), w.bool("multi-session", true), c.extendedMessage(),
                        c.softwareVersion(), c.nexthop());
                case "extended-message" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), c.operational(), c.multiSession(), w.bool("extended-message", true),
                        c.softwareVersion(), c.nexthop());
                case "software-version" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), c.operational(), c.multiSession(), c.extendedMessage(),
                        w.bool("software-version", true), c.nexthop());
                case "nexthop" -> c = new CapabilityConfig(c.asn4(), c.routeRefresh(), c.gracefulRestart(),
                        c.addPath(), c.aigp(), c.operational(), c.multiSession(), c.extendedMessage(),
                        c.softwareVersion(), w.bool("nexthop", true));
                default -> throw w.error(n.head(), "unknown capability '" + n.head() + "' (expected asn4, "
                        + "route-refresh, graceful-restart, add-path, aigp, operational, multi-session, "
                        + "extended-message, software-version or nexthop)");
            }
            w.end();
        }
        return c;
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
