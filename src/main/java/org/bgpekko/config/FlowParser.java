// Parses FlowSpec routes as ExaBGP reads them: "flow { route NAME { rd; next-hop; match { … } scope { … }
// then { … } } }", the flat "route WORDS;" form, and the same words after "announce ipv4 flow" or in API commands.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunities;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowComponentType;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowNlriCodec;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.RouteDistinguisher;

/**
 * A flow route is a {@link RouteConfig} with a {@link FlowNlri}. Its next hop is 0.0.0.0 when none is given (sent
 * as an empty MP_REACH_NLRI next hop), the address of {@code next-hop}, {@code redirect IP} or {@code copy IP}, or
 * empty for {@code next-hop self}. Components are ordered by type; repeated match keywords add pairs to their
 * component (ORed), as in ExaBGP.
 */
public final class FlowParser {
    /** The next hop of a flow route without one. */
    public static final IpAddress NO_NEXT_HOP = IpAddress.ipv4(0);

    private static final Map<String, FlowComponentType> MATCH = Map.ofEntries(
            Map.entry("destination", FlowComponentType.DESTINATION),
            Map.entry("destination-ipv4", FlowComponentType.DESTINATION),
            Map.entry("destination-ipv6", FlowComponentType.DESTINATION),
            Map.entry("source", FlowComponentType.SOURCE), Map.entry("source-ipv4", FlowComponentType.SOURCE),
            Map.entry("source-ipv6", FlowComponentType.SOURCE), Map.entry("protocol", FlowComponentType.PROTOCOL),
            Map.entry("next-header", FlowComponentType.PROTOCOL), Map.entry("port", FlowComponentType.PORT),
            Map.entry("destination-port", FlowComponentType.DESTINATION_PORT),
            Map.entry("source-port", FlowComponentType.SOURCE_PORT),
            Map.entry("icmp-type", FlowComponentType.ICMP_TYPE), Map.entry("icmp-code", FlowComponentType.ICMP_CODE),
            Map.entry("tcp-flags", FlowComponentType.TCP_FLAGS),
            Map.entry("packet-length", FlowComponentType.PACKET_LENGTH), Map.entry("dscp", FlowComponentType.DSCP),
            Map.entry("traffic-class", FlowComponentType.DSCP), Map.entry("fragment", FlowComponentType.FRAGMENT),
            Map.entry("flow-label", FlowComponentType.FLOW_LABEL));

    private static final String THEN_WORDS = "accept, discard, rate-limit, redirect, redirect-to-nexthop, "
            + "redirect-to-nexthop-ietf, copy, mark, action, community, large-community, extended-community";

    private FlowParser() {}

    /** The routes of one {@code flow { … }} section; a bad route adds its error and the others still parse. */
    static List<RouteConfig> section(Path file, List<Node> children, List<ConfigException> errors) {
        List<RouteConfig> out = new ArrayList<>();
        for (Node n : children) {
            try {
                if (!n.head().is("route")) {
                    throw new ConfigException(file, n.head(), "unexpected '" + n.head()
                            + "' in flow (expected route)");
                }
                Words w = new Words(file, n.statement(), 1);
                out.add(n instanceof Node.Section s ? block(w, s.children()) : flat(w, null));
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        return out;
    }

    /** {@code route [NAME] { rd …; next-hop …; match { … } scope { … } then { … } }}: head = the words after route. */
    public static RouteConfig block(Words head, List<Node> children) {
        Builder b = new Builder(head.peek());
        if (head.hasNext()) {
            b.name = head.next("route name").text();
        }
        head.end();
        for (Node n : children) {
            Words w = new Words(head.file(), n.statement(), 1);
            String key = n.head().text().toLowerCase(Locale.ROOT);
            if (n instanceof Node.Section s) {
                w.end();
                if (!key.equals("match") && !key.equals("then") && !key.equals("scope")) {
                    throw w.error(n.head(), "unknown section '" + n.head() + "' in a flow route (expected match, "
                            + "scope or then)");
                }
                for (Node item : s.children()) {
                    if (!(item instanceof Node.Setting)) {
                        throw w.error(item.head(), "unexpected section '" + item.head() + "' in " + key);
                    }
                    Words iw = new Words(head.file(), item.statement(), 1);
                    if (!b.word(item.head(), iw, key)) {
                        throw iw.error(item.head(), "unknown " + key + " keyword '" + item.head() + "' (expected "
                                + expected(key) + ")");
                    }
                    iw.end();
                }
                continue;
            }
            if (!b.routeSetting(n.head(), w)) {
                throw w.error(n.head(), "unknown flow route setting '" + n.head() + "' (expected rd, next-hop, or the "
                        + "sections match, scope and then)");
            }
            w.end();
        }
        return b.build(head, null);
    }

    /**
     * The flat form: match, scope and then words in any order (and {@code rd}, {@code next-hop}), as after
     * {@code route} in a flow section or in {@code announce flow route …}.
     *
     * @param family the family an "announce ipv4 flow …" names, or null to take it from the prefixes and rd
     */
    public static RouteConfig flat(Words w, Family family) {
        Builder b = new Builder(w.peek());
        while (w.hasNext()) {
            Token key = w.next("flow keyword");
            if (!b.routeSetting(key, w) && !b.word(key, w, "match") && !b.word(key, w, "then")
                    && !b.word(key, w, "scope")) {
                throw w.error(key, "unknown flow keyword '" + key + "' (expected a match keyword, "
                        + THEN_WORDS + " or interface-set)");
            }
        }
        return b.build(w, family);
    }

    private static String expected(String section) {
        return switch (section) {
            case "match" -> String.join(", ", new java.util.TreeSet<>(MATCH.keySet()));
            case "then" -> THEN_WORDS;
            default -> "interface-set";
        };
    }

    /** The route being read. */
    private static final class Builder {
        final Token at;
        String name;
        RouteDistinguisher rd;
        Optional<IpAddress> nextHop = Optional.of(NO_NEXT_HOP);
        int afi;
        Token afiAt;
        final Map<Integer, FlowPrefix> prefixes = new TreeMap<>();
        final Map<Integer, List<FlowOp>> ops = new TreeMap<>();
        final Map<Integer, Token> componentAt = new TreeMap<>();
        final Map<Integer, PathAttribute> attributes = new TreeMap<>();
        final List<ExtendedCommunity> extended = new ArrayList<>();
        final List<Ipv6ExtendedCommunity> extended6 = new ArrayList<>();

        Builder(Token at) {
            this.at = at;
        }

        /** rd, route-distinguisher, next-hop. */
        boolean routeSetting(Token key, Words w) {
            switch (key.text().toLowerCase(Locale.ROOT)) {
                case "rd", "route-distinguisher" -> {
                    Token t = w.next("route distinguisher");
                    try {
                        rd = RouteDistinguisher.parse(t.text());
                    } catch (IllegalArgumentException e) {
                        throw w.error(t, e.getMessage());
                    }
                }
                case "next-hop" -> {
                    Token t = w.next("next-hop address or self");
                    nextHop = t.is("self") ? Optional.empty() : Optional.of(w.ip(t, "next-hop address or self"));
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** One keyword of a match, then or scope section, with its values; false when it is not one of them. */
        boolean word(Token key, Words w, String section) {
            String k = key.text().toLowerCase(Locale.ROOT);
            switch (section) {
                case "match" -> {
                    FlowComponentType type = MATCH.get(k);
                    if (type == null) {
                        return false;
                    }
                    componentAt.putIfAbsent(type.code(), key);
                    if (type.kind() == FlowComponentType.Kind.PREFIX) {
                        prefix(key, w, type);
                    } else {
                        FlowMatchParser.ops(w, k, type, ops.computeIfAbsent(type.code(), c -> new ArrayList<>()));
                    }
                }
                case "then" -> {
                    return then(k, w);
                }
                default -> {
                    if (!k.equals("interface-set")) {
                        return false;
                    }
                    for (Token t : w.list("interface sets")) {
                        extended.add(FlowActions.interfaceSet(w, t));
                    }
                }
            }
            return true;
        }

        private boolean then(String k, Words w) {
            switch (k) {
                case "accept" -> { }
                case "discard" -> extended.add(FlowActions.trafficRate(0));
                case "rate-limit" -> extended.add(FlowActions.rateLimit(w));
                case "redirect" -> {
                    FlowActions.Redirect r = FlowActions.redirect(w);
                    nextHop = Optional.of(r.nextHop() != null ? r.nextHop() : NO_NEXT_HOP);
                    extended.add(r.community());
                }
                case "copy" -> {
                    nextHop = Optional.of(w.ip("address to copy to"));
                    extended.add(FlowActions.nextHopSimpson(true));
                }
                case "redirect-to-nexthop" -> extended.add(FlowActions.nextHopSimpson(false));
                case "redirect-to-nexthop-ietf" -> {
                    Object c = FlowActions.redirectIetf(w);
                    if (c instanceof ExtendedCommunity e) {
                        extended.add(e);
                    } else {
                        extended6.add((Ipv6ExtendedCommunity) c);
                    }
                }
                case "mark" -> extended.add(FlowActions.mark(w));
                case "action" -> extended.add(FlowActions.action(w));
                case "community" -> {
                    List<Long> values = new ArrayList<>();
                    w.list("communities").forEach(t -> values.add(AttributeParsers.community(w, t)));
                    if (!values.isEmpty()) {
                        put(Communities.normalised(values));
                    }
                }
                case "large-community" -> {
                    List<org.bgpekko.wire.attribute.LargeCommunity> values = new ArrayList<>();
                    w.list("large communities").forEach(t -> values.add(AttributeParsers.largeCommunity(w, t)));
                    if (!values.isEmpty()) {
                        put(LargeCommunities.normalised(values));
                    }
                }
                case "extended-community" -> w.list("extended communities")
                        .forEach(t -> extended.add(AttributeParsers.extendedCommunity(w, t)));
                case "attribute" -> put(AttributeParsers.generic(w)); // what --dump writes for attribute 25
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void put(PathAttribute a) {
            if (a instanceof ExtendedCommunities e) {
                extended.addAll(e.values());
            } else if (a instanceof Ipv6ExtendedCommunities e) {
                extended6.addAll(e.values());
            } else {
                attributes.put(a.typeCode(), a);
            }
        }

        private void prefix(Token key, Words w, FlowComponentType type) {
            Token t = w.next(key + " prefix");
            String[] p = t.text().split("/", -1);
            IpPrefix prefix;
            int offset = 0;
            try {
                if (p.length < 2 || p.length > 3) {
                    throw new IllegalArgumentException("expected ADDRESS/LENGTH, or ADDRESS/LENGTH/OFFSET for IPv6");
                }
                prefix = IpPrefix.parse(p[0] + "/" + p[1]);
                if (p.length == 3) {
                    if (prefix.afi() != Family.AFI_IPV6) {
                        throw new IllegalArgumentException("only IPv6 prefixes have an offset");
                    }
                    offset = Integer.parseInt(p[2]);
                }
                if (prefix.afi() == Family.AFI_IPV6) {
                    new FlowPrefix(type.code(), prefix, offset); // checks the offset against the length
                }
            } catch (IllegalArgumentException e) {
                throw w.error(t, "'" + t + "' is not a flow prefix (" + e.getMessage() + ")");
            }
            if (prefixes.containsKey(type.code())) {
                throw w.error(key, key + " given twice (RFC 8955 allows each component once)");
            }
            if (afi != 0 && afi != prefix.afi()) {
                throw w.error(t, "'" + t + "' is not of the same address family as " + afiAt);
            }
            afi = prefix.afi();
            afiAt = t;
            prefixes.put(type.code(), new FlowPrefix(type.code(), prefix, offset));
        }

        RouteConfig build(Words w, Family family) {
            int a = afi != 0 ? afi : family != null ? family.afi() : Family.AFI_IPV4;
            if (family != null && a != family.afi()) {
                throw w.error(afiAt, "'" + afiAt + "' is not an " + family.afiName() + " prefix");
            }
            int safi = family != null ? family.safi() : rd != null ? Family.SAFI_FLOW_VPN : Family.SAFI_FLOW;
            Family f = new Family(a, safi);
            if (safi == Family.SAFI_FLOW_VPN && rd == null) {
                throw w.error(at, "this " + f + " route needs an rd");
            }
            if (safi == Family.SAFI_FLOW && rd != null) {
                throw w.error(at, "this " + f + " route has an rd (expected " + f.afiName() + " flow-vpn)");
            }
            List<FlowComponent> components = new ArrayList<>(prefixes.values());
            ops.forEach((code, list) -> {
                if (FlowComponentType.of(a, code) == null) {
                    Token k = componentAt.get(code);
                    throw w.error(k, k + " needs an IPv6 flow (a source or destination IPv6 prefix)");
                }
                components.add(new FlowMatch(code, list));
            });
            FlowNlri nlri = FlowNlri.of(f, rd, components);
            if (FlowNlriCodec.bodyLength(nlri) > FlowNlriCodec.MAX_LENGTH) {
                throw w.error(at, "this flow takes " + FlowNlriCodec.bodyLength(nlri) + " bytes, more than the "
                        + FlowNlriCodec.MAX_LENGTH + " an NLRI holds");
            }
            Map<Integer, PathAttribute> all = new TreeMap<>(attributes);
            if (!extended.isEmpty()) {
                all.put(PathAttribute.EXTENDED_COMMUNITIES, ExtendedCommunities.sorted(extended));
            }
            if (!extended6.isEmpty()) {
                all.put(PathAttribute.IPV6_EXTENDED_COMMUNITIES,
                        new Ipv6ExtendedCommunities(extended6.stream().sorted().toList()));
            }
            // whether the UPDATE carrying it fits is checked where every route enters (UpdateFit, decisions D14)
            return new RouteConfig(nlri, nextHop, new PathAttributes(new ArrayList<>(all.values())), -1, name, null,
                    false, at);
        }
    }
}
