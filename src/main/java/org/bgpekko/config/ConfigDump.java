// `bgpekko validate --dump`: the parsed configuration written back in ExaBGP's syntax, normalised (templates
// applied, defaults explicit, one line per route) so that it parses again to the same text.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.NlriCodecs;

public final class ConfigDump {
    private static final String I1 = "    ";
    private static final String I2 = I1 + I1;
    private static final String I3 = I2 + I1;

    private final StringBuilder out = new StringBuilder(4096);

    private ConfigDump() {}

    /** The whole configuration as text, ending with a newline. */
    public static String dump(Configuration c) {
        ConfigDump d = new ConfigDump();
        for (ProcessConfig p : c.processes()) {
            d.process(p);
        }
        for (NeighborConfig n : c.neighbors()) {
            d.neighbor(n);
        }
        return d.out.toString();
    }

    private void tcp(TcpOptions t) {
        if (t.md5Password() != null) {
            line(I1, "md5-password " + quote(t.md5Password()) + ";");
            line(I1, "md5-base64 " + switch (t.md5Encoding()) {
                case TEXT -> "false";
                case BASE64 -> "true";
                case AUTO -> "auto";
            } + ";");
        }
        if (t.md5Ip() != null) {
            line(I1, "md5-ip " + t.md5Ip() + ";");
        }
        if (t.outgoingTtl() > 0) {
            line(I1, "outgoing-ttl " + t.outgoingTtl() + ";");
        }
        if (t.incomingTtl() > 0) {
            line(I1, "incoming-ttl " + t.incomingTtl() + ";");
        }
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }

    private void process(ProcessConfig p) {
        line("", "process " + quote(p.name()) + " {");
        line(I1, "run " + String.join(" ", p.run().stream().map(ConfigDump::quote).toList()) + ";");
        line(I1, "encoder " + p.encoder() + ";");
        line(I1, "respawn " + p.respawn() + ";");
        line("", "}");
        out.append('\n');
    }

    private void neighbor(NeighborConfig n) {
        line("", "neighbor " + n.peerAddress() + " {");
        line(I1, "description " + quote(n.description()) + ";");
        long routerId = n.routerId() >= 0 ? n.routerId() : n.localAddress().lo(); // validated: IPv4 local address
        line(I1, "router-id " + Wire.ipv4(routerId) + ";");
        line(I1, "local-address " + (n.localAddress() == null ? "auto" : n.localAddress()) + ";");
        line(I1, "local-as " + as(n.localAs()) + ";");
        line(I1, "peer-as " + as(n.peerAs()) + ";");
        line(I1, "hold-time " + n.holdTime() + ";");
        line(I1, "passive " + n.passive() + ";");
        if (n.connect() != 0) {
            line(I1, "connect " + n.connect() + ";");
        }
        line(I1, "group-updates " + n.groupUpdates() + ";");
        line(I1, "auto-flush " + n.autoFlush() + ";");
        line(I1, "manual-eor " + n.manualEor() + ";");
        line(I1, "adj-rib-in " + n.adjRibIn() + ";");
        if (n.routeServerClient()) {
            line(I1, "route-server-client true;");
        }
        if (n.hostName() != null) {
            line(I1, "host-name " + quote(n.hostName()) + ";");
        }
        if (n.domainName() != null) {
            line(I1, "domain-name " + quote(n.domainName()) + ";");
        }
        tcp(n.tcp());
        familyBlock("family", n.families().isEmpty() ? NlriCodecs.families() : n.families());
        capability(n.capability(), n.holdTime());
        if (!n.addPathFamilies().isEmpty()) {
            familyBlock("add-path", n.addPathFamilies());
        }
        if (!n.nextHop().isEmpty()) {
            line(I1, "nexthop {");
            new TreeMap<>(n.nextHop()).forEach((f, afi) ->
                    line(I2, f + " " + (afi == Family.AFI_IPV4 ? "ipv4" : "ipv6") + ";"));
            line(I1, "}");
        }
        n.apis().forEach(this::api);
        routes(n.routes());
        line("", "}");
        out.append('\n');
    }

    private void familyBlock(String name, Set<Family> families) {
        line(I1, name + " {");
        new TreeSet<>(families).forEach(f -> line(I2, f + ";"));
        line(I1, "}");
    }

    private void capability(CapabilityConfig c, int holdTime) {
        line(I1, "capability {");
        line(I2, "asn4 " + onOff(c.asn4()) + ";");
        line(I2, "route-refresh " + onOff(c.routeRefresh()) + ";");
        int gr = c.gracefulRestart();
        line(I2, "graceful-restart " + (gr == CapabilityConfig.GR_DISABLED ? "disable"
                : gr == CapabilityConfig.GR_HOLD_TIME ? Integer.toString(Math.min(holdTime, 4095))
                : Integer.toString(gr)) + ";");
        line(I2, "add-path " + switch (c.addPath()) {
            case 1 -> "receive";
            case 2 -> "send";
            case 3 -> "send/receive";
            default -> "disable";
        } + ";");
        line(I2, "operational " + onOff(c.operational()) + ";");
        line(I2, "multi-session " + onOff(c.multiSession()) + ";");
        line(I2, "software-version " + onOff(c.softwareVersion()) + ";");
        line(I2, "nexthop " + onOff(c.nexthop()) + ";");
        line(I1, "}");
    }

    private void api(ApiConfig a) {
        line(I1, "api" + (a.name().isEmpty() ? "" : " " + quote(a.name())) + " {");
        if (!a.processes().isEmpty()) {
            line(I2, "processes [ " + String.join(" ", a.processes().stream().map(ConfigDump::quote).toList()) + " ];");
        }
        if (!a.processesMatch().isEmpty()) {
            line(I2, "processes-match [ " + String.join(" ", a.processesMatch().stream().map(ConfigDump::quote)
                    .toList()) + " ];");
        }
        if (a.neighborChanges()) {
            line(I2, "neighbor-changes;");
        }
        messages("receive", a.receive());
        messages("send", a.send());
        line(I1, "}");
    }

    private void messages(String name, Set<String> words) {
        if (!words.isEmpty()) {
            line(I2, name + " {");
            new TreeSet<>(words).forEach(w -> line(I3, w + ";"));
            line(I2, "}");
        }
    }

    /** Static-form routes in a static section; the others (multicast, unlabelled nlri-mpls) under announce. */
    private void routes(List<RouteConfig> routes) {
        List<RouteConfig> announce = new ArrayList<>();
        List<RouteConfig> flows = new ArrayList<>();
        boolean open = false;
        for (RouteConfig r : routes) {
            if (r.nlri() instanceof org.bgpekko.wire.nlri.FlowNlri) {
                flows.add(r);
                continue;
            }
            if (!RouteText.staticForm(r)) {
                announce.add(r);
                continue;
            }
            if (!open) {
                line(I1, "static {");
                open = true;
            }
            line(I2, "route " + RouteText.words(r) + ";");
        }
        if (open) {
            line(I1, "}");
        }
        if (!flows.isEmpty()) {
            line(I1, "flow {");
            flows.forEach(r -> FlowRouteText.lines(r).forEach(l -> line(I2, l)));
            line(I1, "}");
        }
        if (announce.isEmpty()) {
            return;
        }
        line(I1, "announce {");
        Map<String, List<RouteConfig>> byAfi = new TreeMap<>();
        for (RouteConfig r : announce) {
            byAfi.computeIfAbsent(r.nlri().family().afiName(), k -> new ArrayList<>()).add(r);
        }
        byAfi.forEach((afi, rs) -> {
            line(I2, afi + " {");
            rs.forEach(r -> line(I3, r.nlri().family().safiName() + " " + RouteText.words(r) + ";"));
            line(I2, "}");
        });
        line(I1, "}");
    }

    private static String as(long as) {
        return as == NeighborConfig.AUTO_AS ? "auto" : Long.toString(as);
    }

    private static String onOff(boolean b) {
        return b ? "enable" : "disable";
    }

    /** A word as the tokenizer reads it back: bare when it can be, else double-quoted with escapes. */
    static String quote(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            plain = " \t\r\n;{}[],#\"'\\".indexOf(s.charAt(i)) < 0;
        }
        if (plain) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
