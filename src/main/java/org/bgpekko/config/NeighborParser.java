// Parses one "neighbor IP { … }" section, applying the templates it inherits first.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.NlriCodecs;

final class NeighborParser {
    private final Path file;
    private final NeighborBuilder b = new NeighborBuilder();
    private final Set<String> processes;

    private NeighborParser(Path file, Set<String> processes) {
        this.file = file;
        this.processes = processes;
    }

    static NeighborConfig parse(Path file, Node.Section s, Map<String, Node.Section> templates, Set<String> processes) {
        NeighborParser p = new NeighborParser(file, processes);
        Words head = new Words(file, s.statement(), 1);
        Token ip = head.next("neighbor address");
        p.b.peerAddress = head.ip(ip, "neighbor address");
        p.b.at = ip;
        head.end();
        for (Node n : s.children()) {
            if (n instanceof Node.Setting && n.head().is("inherit")) {
                Words w = new Words(file, n.statement(), 1);
                for (Token name : w.list("template name")) {
                    Node.Section t = templates.get(name.text());
                    if (t == null) {
                        throw w.error(name, "unknown template '" + name + "' (defined: " + templates.keySet() + ")");
                    }
                    t.children().forEach(p::apply);
                }
                w.end();
            }
        }
        s.children().stream().filter(n -> !n.head().is("inherit")).forEach(p::apply);
        p.check();
        return p.b.build();
    }

    private void apply(Node n) {
        String key = n.head().text().toLowerCase(Locale.ROOT);
        if (n instanceof Node.Section s) {
            Words head = new Words(file, s.statement(), 1);
            switch (key) {
                case "family" -> family(head, s.children());
                case "capability" -> {
                    head.end();
                    b.capability = CapabilityParser.parse(file, s.children(), b.capability);
                }
                case "add-path" -> addPath(head, s.children());
                case "nexthop" -> nexthop(head, s.children());
                case "api" -> b.apis.add(ApiParser.parse(file, s, processes));
                case "static" -> {
                    head.end();
                    b.routes.addAll(StaticParser.staticRoutes(file, s.children()));
                }
                case "announce" -> {
                    head.end();
                    b.routes.addAll(StaticParser.announce(file, s.children()));
                }
                case "flow" -> throw head.error(n.head(), "family flow is not supported yet");
                case "l2vpn" -> throw head.error(n.head(), "family l2vpn is not supported yet");
                case "operational" -> throw head.error(n.head(), "operational messages are not supported yet");
                default -> throw head.error(n.head(), "unknown section '" + n.head() + "' in neighbor (expected "
                        + "family, capability, add-path, nexthop, api, static, announce, flow or l2vpn)");
            }
            return;
        }
        Words w = new Words(file, n.statement(), 1);
        switch (key) {
            case "description" -> b.description = w.next("description").text();
            case "router-id" -> b.routerId = ipv4(w, "router-id");
            case "local-address" -> {
                Token t = w.next("local address or auto");
                b.localAddress = t.is("auto") ? null : w.ip(t, "local address");
            }
            case "peer-address" -> b.peerAddress = w.ip("peer address");
            case "local-as" -> b.localAs = asn(w, "local-as");
            case "peer-as" -> b.peerAs = asn(w, "peer-as");
            case "hold-time" -> {
                Token t = w.next("hold time");
                b.holdTime = (int) w.number(t, "hold time", 0, 65535);
                if (b.holdTime > 0 && b.holdTime < 3) {
                    throw w.error(t, "hold time " + b.holdTime + " is invalid (expected 0 or 3..65535)");
                }
            }
            case "passive" -> b.passive = w.bool("passive", true);
            case "listen" -> b.listen = (int) w.number("listen port", 1, 65535);
            case "connect" -> b.connect = (int) w.number("connect port", 1, 65535);
            case "md5-password" -> b.md5Password = w.next("md5 password").text();
            case "md5-base64" -> w.bool("md5-base64", true);
            case "md5-ip" -> w.ip("md5 address");
            case "outgoing-ttl" -> b.outgoingTtl = (int) w.number("outgoing TTL", 1, 255);
            case "incoming-ttl" -> b.incomingTtl = (int) w.number("incoming TTL", 1, 255);
            case "group-updates" -> b.groupUpdates = w.bool("group-updates", true);
            case "auto-flush" -> b.autoFlush = w.bool("auto-flush", true);
            case "manual-eor" -> b.manualEor = w.bool("manual-eor", true);
            case "adj-rib-in" -> b.adjRibIn = w.bool("adj-rib-in", true);
            case "adj-rib-out" -> b.adjRibOut = w.bool("adj-rib-out", true);
            case "host-name" -> b.hostName = w.next("host name").text();
            case "domain-name" -> b.domainName = w.next("domain name").text();
            case "rate-limit" -> {
                Token t = w.next("rate limit");
                b.rateLimit = t.is("disable") ? 0 : (int) w.number(t, "rate limit", 0, Integer.MAX_VALUE);
            }
            case "source-interface" -> b.sourceInterface = w.next("interface name").text();
            default -> throw w.error(n.head(), "unknown neighbor setting '" + n.head() + "'");
        }
        w.end();
    }

    private static long asn(Words w, String what) {
        return w.number(what, 0, 0xFFFFFFFFL);
    }

    private static long ipv4(Words w, String what) {
        Token t = w.next(what);
        IpAddress a = w.ip(t, what);
        if (!a.isIpv4()) {
            throw w.error(t, what + " must be an IPv4 address");
        }
        return a.lo();
    }

    /** Reads "AFI SAFI" from a setting, refusing families without a codec yet. */
    static Family familyOf(Words w) {
        Token afi = w.next("AFI (ipv4, ipv6, l2vpn, bgp-ls)");
        Token safi = w.next("SAFI");
        Family f;
        try {
            f = Family.parse(afi.text() + " " + safi.text());
        } catch (IllegalArgumentException e) {
            throw w.error(afi, "unknown family '" + afi + " " + safi + "' (" + e.getMessage() + ")");
        }
        if (!NlriCodecs.supports(f)) {
            throw w.error(afi, "family " + f + " is not supported yet");
        }
        return f;
    }

    private void family(Words head, List<Node> children) {
        head.end();
        for (Node n : children) {
            Words w = new Words(file, n.statement(), 0);
            if (n.head().is("all")) {
                b.families.addAll(NlriCodecs.families());
            } else if (n.head().is("minimal")) {
                b.families.add(Family.IPV4_UNICAST);
                b.families.add(Family.IPV6_UNICAST);
            } else {
                b.families.add(familyOf(w));
            }
            if (n.head().is("all") || n.head().is("minimal")) {
                w.next("family");
            }
            w.end();
        }
    }

    private void addPath(Words head, List<Node> children) {
        head.end();
        for (Node n : children) {
            Words w = new Words(file, n.statement(), 0);
            b.addPathFamilies.add(familyOf(w));
            w.end();
        }
    }

    private void nexthop(Words head, List<Node> children) {
        head.end();
        for (Node n : children) {
            Words w = new Words(file, n.statement(), 0);
            Family f = familyOf(w);
            Token nh = w.next("next-hop AFI");
            int afi = nh.is("ipv4") ? Family.AFI_IPV4 : nh.is("ipv6") ? Family.AFI_IPV6 : -1;
            if (afi < 0) {
                throw w.error(nh, "unknown next-hop AFI '" + nh + "' (expected ipv4 or ipv6)");
            }
            b.nextHop.put(f, afi);
            w.end();
        }
    }

    /** ExaBGP's semantic checks, reported at the neighbor's address. */
    private void check() {
        Token at = b.at;
        if (b.localAs < 0) {
            throw new ConfigException(file, at, "neighbor " + b.peerAddress + " has no local-as");
        }
        if (b.peerAs < 0) {
            throw new ConfigException(file, at, "neighbor " + b.peerAddress + " has no peer-as");
        }
        if (b.routerId < 0 && (b.localAddress == null || !b.localAddress.isIpv4())) {
            throw new ConfigException(file, at, "neighbor " + b.peerAddress
                    + " has no router-id (expected router-id, or an IPv4 local-address to take it from)");
        }
        for (RouteConfig r : b.routes) {
            if (r.nextHop().isPresent()) {
                Family f = r.nlri().family();
                IpAddress nh = r.nextHop().get();
                boolean extended = b.nextHop.containsKey(f);
                if (f.afi() == Family.AFI_IPV4 && !nh.isIpv4() && !extended) {
                    throw new ConfigException(file, r.at(), "route " + r.nlri().prefix() + " of " + f
                            + " has the IPv6 next hop " + nh + " (expected an IPv4 next hop, or a nexthop block "
                            + "allowing ipv6 for " + f + ")");
                }
            }
        }
    }
}
