// Parses one "neighbor IP { … }" section, applying the templates it inherits first.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.NlriCodecs;

final class NeighborParser {
    private final Path file;
    private final NeighborBuilder b = new NeighborBuilder();
    private final Set<String> processes;
    private final List<ConfigException> errors;
    private Token processesAt;
    private Token processesMatchAt;
    private final List<Token> processesMatch = new java.util.ArrayList<>();

    private NeighborParser(Path file, Set<String> processes, List<ConfigException> errors) {
        this.file = file;
        this.processes = processes;
        this.errors = errors;
    }

    /**
     * Parses a neighbor, adding its errors to {@code errors}; returns null when it has any. The semantic checks
     * run only on a neighbor whose statements all parsed, so one mistake is reported once.
     */
    static NeighborConfig parse(Path file, Node.Section s, Map<String, Node.Section> templates, Set<String> processes,
                                List<ConfigException> errors) {
        NeighborParser p = new NeighborParser(file, processes, errors);
        int before = errors.size();
        try {
            Words head = new Words(file, s.statement(), 1);
            Token ip = head.next("neighbor address");
            p.b.peerAddress = head.ip(ip, "neighbor address");
            p.b.at = ip;
            head.end();
        } catch (ConfigException e) {
            errors.add(e);
            return null;
        }
        for (Node n : s.children()) {
            if (n instanceof Node.Setting && n.head().is("inherit")) {
                p.guard(() -> {
                    Words w = new Words(file, n.statement(), 1);
                    List<Token> names = w.list("template name");
                    w.end();
                    for (Token name : names) {
                        Node.Section t = templates.get(name.text());
                        if (t == null) {
                            throw w.error(name, "unknown template '" + name + "' (defined: " + templates.keySet() + ")");
                        }
                        t.children().stream().filter(c -> !c.head().is("inherit")).forEach(c -> p.guard(() -> p.apply(c)));
                    }
                });
            }
        }
        s.children().stream().filter(n -> !n.head().is("inherit")).forEach(n -> p.guard(() -> p.apply(n)));
        if (errors.size() > before) {
            return null;
        }
        p.check();
        return errors.size() > before ? null : p.b.build();
    }

    /**
     * A neighbour made from a client of arouteserver's clients.yml: the template's settings first, then what the
     * client says (address, AS numbers, router id, passive, password, GTSM, ADD-PATH), route-server-client implied.
     * Its errors are reported at {@code at}, the route-server section's clients statement.
     */
    static NeighborConfig generated(Path file, Node.Section template, Set<String> processes,
                                    List<ConfigException> errors, RsLoader.Session s, Token at) {
        NeighborParser p = new NeighborParser(file, processes, errors);
        int before = errors.size();
        if (template != null) {
            template.children().stream().filter(c -> !c.head().is("inherit")).forEach(c -> p.guard(() -> p.apply(c)));
        }
        if (errors.size() > before) {
            return null;
        }
        RsPolicy.Client c = s.policy();
        NeighborBuilder b = p.b;
        b.peerAddress = c.address();
        b.at = at;
        b.description = c.description();
        b.routerId = c.general().routerId();
        b.localAs = c.general().rsAs();
        b.peerAs = c.asn();
        b.passive = s.passive();
        b.routeServerClient = true;
        b.routeServerClientAt = at;
        b.rsPolicy = c;
        b.role = c.role();
        if (b.families.isEmpty()) { // arouteserver: a client's family is the one of its address
            b.families.add(c.address().isIpv4() ? Family.IPV4_UNICAST : Family.IPV6_UNICAST);
        }
        if (s.password() != null) {
            b.md5Password = s.password();
            b.md5At = at;
            b.nativeAt = at;
        }
        if (s.gtsm()) { // RFC 5082: send with TTL 255, accept only 255
            b.outgoingTtl = 255;
            b.incomingTtl = 255;
            b.nativeAt = at;
        }
        if (s.addPath()) {
            CapabilityConfig k = b.capability;
            b.capability = new CapabilityConfig(k.asn4(), k.routeRefresh(), k.gracefulRestart(), k.addPath() | 2,
                    k.operational(), k.multiSession(), k.softwareVersion(), k.nexthop());
        }
        p.check();
        return errors.size() > before ? null : b.build();
    }

    /** Parses the settings of a template neighbor for their errors alone (ExaBGP checks unused templates too). */
    static void template(Path file, Node.Section t, Set<String> processes, List<ConfigException> errors) {
        NeighborParser p = new NeighborParser(file, processes, errors);
        t.children().stream().filter(c -> !c.head().is("inherit")).forEach(c -> p.guard(() -> p.apply(c)));
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            errors.add(e);
        }
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
                case "api" -> {
                    b.apis.add(ApiParser.parse(file, s, processes));
                    apiTokens(s);
                }
                case "static" -> {
                    head.end();
                    b.routes.addAll(StaticParser.staticRoutes(file, s.children(), errors));
                }
                case "announce" -> {
                    head.end();
                    b.routes.addAll(StaticParser.announce(file, s.children(), errors));
                }
                case "flow" -> {
                    head.end();
                    b.routes.addAll(FlowParser.section(file, s.children(), errors));
                }
                case "l2vpn" -> {
                    head.end();
                    b.routes.addAll(L2vpnParser.routes(file, s.children(), errors));
                }
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
                b.localAddressAt = t;
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
            case "connect" -> b.connect = (int) w.number("connect port", 1, 65535);
            case "group-updates" -> b.groupUpdates = w.bool("group-updates", true);
            // a bare keyword means what ExaBGP's table of defaults says: false for these (and adj-rib-out)
            case "manual-eor" -> b.manualEor = w.bool("manual-eor", false);
            case "adj-rib-in" -> b.adjRibIn = w.bool("adj-rib-in", false);
            case "route-server-client" -> {
                b.routeServerClient = w.bool("route-server-client", true);
                b.routeServerClientAt = n.head();
            }
            case "host-name" -> b.hostName = w.next("host name").text();
            case "domain-name" -> b.domainName = w.next("domain name").text();
            case "md5-password" -> {
                Token t = w.next("md5 password");
                if (t.text().isEmpty()) {
                    throw w.error(t, "md5-password needs the password (quoted or unquoted)");
                }
                b.md5Password = t.text();
                b.md5At = t;
                b.nativeAt = b.nativeAt == null ? n.head() : b.nativeAt;
            }
            case "md5-base64" -> b.md5Encoding = md5Encoding(w);
            case "md5-ip" -> {
                Token t = w.next("md5 address");
                b.md5Ip = w.ip(t, "md5 address");
                b.md5IpAt = t;
            }
            case "outgoing-ttl" -> {
                b.outgoingTtl = ttl(w, "outgoing-ttl");
                b.nativeAt = b.nativeAt == null && b.outgoingTtl > 0 ? n.head() : b.nativeAt;
            }
            case "incoming-ttl" -> {
                b.incomingTtl = ttl(w, "incoming-ttl");
                b.nativeAt = b.nativeAt == null && b.incomingTtl > 0 ? n.head() : b.nativeAt;
            }
            case "listen", "rate-limit", "source-interface", "adj-rib-out", "auto-flush" ->
                    Unsupported.neighborSetting(key, n.head(), w);
            default -> throw w.error(n.head(), "unknown neighbor setting '" + n.head() + "'");
        }
        w.end();
    }

    /** A TTL: 0..255, or false/disable/disabled (as 0: ExaBGP's "not set"). */
    private static int ttl(Words w, String what) {
        Token t = w.next(what);
        if (t.is("false") || t.is("disable") || t.is("disabled")) {
            return 0;
        }
        return (int) w.number(t, what, 0, 255);
    }

    /** md5-base64: true/false (a bare keyword is false, ExaBGP's default) or auto. */
    private static TcpOptions.Md5Encoding md5Encoding(Words w) {
        if (w.hasNext() && w.peek().is("auto")) {
            w.next("auto");
            return TcpOptions.Md5Encoding.AUTO;
        }
        return w.bool("md5-base64", false) ? TcpOptions.Md5Encoding.BASE64 : TcpOptions.Md5Encoding.TEXT;
    }

    /** An AS number, "HIGH.LOW" (asdot), or "auto". */
    static long asn(Words w, String what) {
        Token t = w.next(what);
        if (t.is("auto")) {
            return NeighborConfig.AUTO_AS;
        }
        int dot = t.text().indexOf('.');
        if (dot > 0) {
            long high = w.number(new Token(t.text().substring(0, dot), t.line(), t.column(), t.quoted()),
                    what + " (asdot high part)", 0, 0xFFFF);
            long low = w.number(new Token(t.text().substring(dot + 1), t.line(), t.column(), t.quoted()),
                    what + " (asdot low part)", 0, 0xFFFF);
            return high << 16 | low;
        }
        return w.number(t, what, 0, 0xFFFFFFFFL);
    }

    private void apiTokens(Node.Section api) {
        for (Node n : api.children()) {
            if (n instanceof Node.Setting && n.head().is("processes") && processesAt == null) {
                processesAt = n.head();
            }
            if (n instanceof Node.Setting && n.head().is("processes-match")) {
                processesMatchAt = processesMatchAt == null ? n.head() : processesMatchAt;
                Words w = new Words(file, n.statement(), 1);
                w.list("process name patterns").stream().filter(t -> !t.is(",")).forEach(processesMatch::add);
            }
        }
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

    /** ExaBGP's semantic checks (neighbor/__init__.py post(), Neighbor.missing(), remove_self), each an error. */
    private void check() {
        Token at = b.at;
        IpAddress local = b.localAddress;
        if (local != null && local.afi() != b.peerAddress.afi()) {
            errors.add(new ConfigException(file, b.localAddressAt, "local-address " + local + " and peer address "
                    + b.peerAddress + " must be of the same family"));
            return;
        }
        if (b.routerId < 0 && (local == null || !local.isIpv4())) {
            errors.add(new ConfigException(file, at, "neighbor " + b.peerAddress
                    + " has no router-id (expected router-id, or an IPv4 local-address to take it from)"));
        }
        checkTcp(local);
        if (processesAt != null && processesMatchAt != null) {
            Token later = processesAt.line() > processesMatchAt.line() ? processesAt : processesMatchAt;
            errors.add(new ConfigException(file, later, "processes and processes-match cannot both be used in "
                    + "neighbor " + b.peerAddress));
        }
        if (!processesMatch.isEmpty() && processesMatch.stream().noneMatch(this::matchesAProcess)) {
            errors.add(new ConfigException(file, processesMatch.get(0), "processes-match " + processesMatch.stream()
                    .map(Token::text).toList() + " matches no process (defined: " + processes + ")"));
        }
        for (RouteConfig r : b.routes) {
            checkRoute(r, local);
        }
        if (b.routeServerClient && !b.adjRibIn) {
            errors.add(new ConfigException(file, b.routeServerClientAt, "route-server-client true needs the routes "
                    + "of neighbor " + b.peerAddress + " kept (RFC 7947 section 2.1), but adj-rib-in is false"));
        }
        int addPath = b.capability.addPath();
        if (b.routeServerClient && (addPath == 1 || addPath == 3)) {
            errors.add(new ConfigException(file, b.routeServerClientAt, "route-server-client true takes one path per "
                    + "prefix from neighbor " + b.peerAddress + ": add-path receive is not supported for route-server "
                    + "clients yet (use add-path send, to send them every path)"));
        }
    }

    /** ExaBGP's MD5 checks (password length, base64), md5-ip, and whether this platform can apply them at all. */
    private void checkTcp(IpAddress local) {
        if (b.md5Password != null) {
            try {
                new TcpOptions(b.md5Password, b.md5Encoding, null, 0, 0).md5Key();
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigException(file, b.md5At, e.getMessage()));
            }
        }
        if (b.md5Ip != null) {
            if (local == null) {
                errors.add(new ConfigException(file, b.md5IpAt, "md5-ip " + b.md5Ip + " needs a local-address (with "
                        + "local-address auto ExaBGP ignores it)"));
            } else if (b.md5Ip.afi() != b.peerAddress.afi()) {
                errors.add(new ConfigException(file, b.md5IpAt, "md5-ip " + b.md5Ip + " and peer address "
                        + b.peerAddress + " must be of the same family"));
            }
        }
        if (b.nativeAt != null) {
            String why = EpollSupport.unavailable();
            if (why != null) {
                errors.add(new ConfigException(file, b.nativeAt, b.nativeAt.text() + " needs Netty's native epoll "
                        + "transport (Linux x86_64), which is not available here: " + why));
            }
        }
    }

    private boolean matchesAProcess(Token pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern.text());
        return processes.stream().anyMatch(name -> p.matcher(name).lookingAt());
    }

    private void checkRoute(RouteConfig r, IpAddress local) {
        Family f = r.nlri().family();
        boolean flow = r.nlri() instanceof FlowNlri;
        String what = flow ? "flow route" + (r.name() != null ? " " + r.name() : "")
                : "route" + (r.nlri().hasPrefix() ? " " + r.nlri().prefix() : "");
        if (!b.families.isEmpty() && !b.families.contains(f) && !f.equals(Family.IPV4_UNICAST)) {
            errors.add(new ConfigException(file, r.at(), what + " is " + f + " but neighbor "
                    + b.peerAddress + " does not announce that family (expected " + f + " in its family block)"));
        }
        if (flow && r.nextHop().isPresent()) {
            return; // a flow's next hop is a redirect target of either AFI, or none
        }
        if (!r.nlri().hasPrefix()) {
            // VPLS, MVPN and MUP routes take any next hop, "self" being the session's local address (ExaBGP's rule)
            if (r.nextHop().isEmpty() && local == null) {
                errors.add(new ConfigException(file, r.at(), what + " has next-hop self but neighbor "
                        + b.peerAddress + " has no local-address to take it from"));
            }
            return;
        }
        if (r.nextHop().isPresent()) {
            IpAddress nh = r.nextHop().get();
            if (f.afi() == Family.AFI_IPV4 && !nh.isIpv4() && !b.nextHop.containsKey(f)) {
                errors.add(new ConfigException(file, r.at(), what + " of " + f
                        + " has the IPv6 next hop " + nh + " (expected an IPv4 next hop, or a nexthop block "
                        + "allowing ipv6 for " + f + ")"));
            }
        } else if (local == null) {
            errors.add(new ConfigException(file, r.at(), what + " has next-hop self but "
                    + "neighbor " + b.peerAddress + " has no local-address to take it from"));
        } else if (f.afi() != local.afi() && f.afi() != Family.AFI_IPV4) {
            errors.add(new ConfigException(file, r.at(), what + " has next-hop self but is "
                    + f + " while the session runs over " + (local.isIpv4() ? "IPv4" : "IPv6")
                    + " (expected an explicit next-hop)"));
        }
    }
}
