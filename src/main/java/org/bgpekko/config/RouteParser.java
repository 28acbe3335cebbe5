// Parses one route, one-line ("route P next-hop N med 5;") or block form ("route P { next-hop N; }"), of the
// unicast, labeled unicast and VPN families; routes of other families read their NLRI words through NlriWords.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;

final class RouteParser {
    /** The route being built. */
    private static final class Builder {
        IpPrefix prefix;
        Token at;
        Optional<IpAddress> nextHop;
        boolean nextHopGiven;
        final Map<Integer, PathAttribute> attributes = new TreeMap<>();
        RouteDistinguisher rd;
        Labels labels;
        long pathId = Nlri.NO_PATH_ID;
        int split = -1;
        Token splitAt;
        String name;
        String watchdog;
        boolean withdrawn;
    }

    private RouteParser() {}

    /** A one-line route: the words after the route keyword. */
    static RouteConfig line(Words w, Integer safiHint) {
        return line(w, safiHint, false);
    }

    /**
     * A one-line route; with {@code nextHopOptional} (an API withdrawal) a missing next hop is 0.0.0.0, as
     * ExaBGP's API sets it.
     */
    static RouteConfig line(Words w, Integer safiHint, boolean nextHopOptional) {
        Builder b = start(w);
        while (w.hasNext()) {
            apply(w.next("route attribute"), w, b);
        }
        return finish(w, b, safiHint, nextHopOptional);
    }

    /**
     * The API's "attributes WORDS nlri P1 P2 …": the route words up to "nlri", then one route per prefix, each
     * with those attributes.
     */
    static List<RouteConfig> attributes(Words w, boolean nextHopOptional) {
        Builder b = new Builder();
        while (true) {
            Token key = w.next("route attribute or nlri");
            if (key.is("nlri")) {
                break;
            }
            apply(key, w, b);
        }
        List<RouteConfig> out = new ArrayList<>();
        Token first = w.next("prefix after nlri");
        for (Token p = first; p != null; p = w.hasNext() ? w.next("prefix") : null) {
            b.at = p;
            try {
                b.prefix = IpPrefix.parse(p.text());
            } catch (IllegalArgumentException e) {
                throw w.error(p, "'" + p + "' is not a prefix (" + e.getMessage() + ")");
            }
            out.add(finish(w, b, null, nextHopOptional));
        }
        return out;
    }

    /** A block route: "route P { … }". */
    static RouteConfig block(Words head, List<Node> children, Integer safiHint) {
        Builder b = start(head);
        head.end();
        for (Node n : children) {
            if (!(n instanceof Node.Setting)) {
                throw head.error(n.head(), "unexpected section '" + n.head() + "' inside a route");
            }
            Words w = new Words(head.file(), n.statement(), 0);
            apply(w.next("route attribute"), w, b);
            w.end();
        }
        return finish(head, b, safiHint);
    }

    /**
     * The words of a route whose NLRI is not an IP prefix (VPLS, MVPN, MUP). Each word of the route is offered to
     * {@link #read} first; the words it does not take are the route's attributes, read as for any route.
     */
    interface NlriWords {
        /** Reads the value of {@code key} when it is one of this NLRI's words; false to leave it to the route. */
        boolean read(Token key, Words w);

        /** The NLRI once every word is read; {@code rd} is what "rd" gave, or null. */
        Nlri build(Words w, Token at, RouteDistinguisher rd);

        /** The next hop this family sends for a given one (the identity unless the family maps it). */
        default IpAddress nextHop(IpAddress given) {
            return given;
        }
    }

    /**
     * A route of a family with its own NLRI words: one line ({@code block} null) or a block of settings.
     *
     * @param at where the route starts (for errors about it as a whole)
     * @param nextHopOptional an API withdrawal: a missing next hop is 0.0.0.0
     */
    static RouteConfig custom(Words w, Token at, NlriWords words, List<Node> block, boolean nextHopOptional) {
        Builder b = new Builder();
        b.at = at;
        if (block == null) {
            while (w.hasNext()) {
                customWord(w.next("route attribute"), w, b, words);
            }
        } else {
            w.end();
            for (Node n : block) {
                if (!(n instanceof Node.Setting)) {
                    throw w.error(n.head(), "unexpected section '" + n.head() + "' inside a route");
                }
                Words s = new Words(w.file(), n.statement(), 0);
                customWord(s.next("route attribute"), s, b, words);
                s.end();
            }
        }
        Nlri nlri = words.build(w, at, b.rd);
        Optional<IpAddress> nextHop = b.nextHop;
        if (!b.nextHopGiven) {
            if (!nextHopOptional) {
                throw w.error(at, "route has no next-hop (expected next-hop IP or next-hop self)");
            }
            nextHop = Optional.of(IpAddress.ipv4(0));
        }
        nextHop = nextHop.map(words::nextHop);
        return new RouteConfig(nlri, nextHop, new PathAttributes(new ArrayList<>(b.attributes.values())), -1,
                b.name, b.watchdog, b.withdrawn, at);
    }

    private static void customWord(Token key, Words w, Builder b, NlriWords words) {
        if (words.read(key, w)) {
            return;
        }
        switch (key.text().toLowerCase(Locale.ROOT)) {
            case "label", "path-information", "split" -> throw w.error(key, "'" + key
                    + "' is not a word of this family's routes");
            default -> apply(key, w, b);
        }
    }

    private static Builder start(Words w) {
        Builder b = new Builder();
        Token p = w.next("prefix");
        b.at = p;
        try {
            b.prefix = IpPrefix.parse(p.text());
        } catch (IllegalArgumentException e) {
            throw w.error(p, "'" + p + "' is not a prefix (" + e.getMessage() + ")");
        }
        return b;
    }

    private static void apply(Token key, Words w, Builder b) {
        switch (key.text().toLowerCase(Locale.ROOT)) {
            case "next-hop" -> {
                Token t = w.next("next-hop address or self");
                b.nextHop = t.is("self") ? Optional.empty() : Optional.of(w.ip(t, "next-hop address or self"));
                b.nextHopGiven = true;
            }
            case "origin" -> {
                Token t = w.next("origin");
                try {
                    put(b, Origin.parse(t.text()));
                } catch (IllegalArgumentException e) {
                    throw w.error(t, e.getMessage());
                }
            }
            case "as-path" -> put(b, AttributeParsers.asPath(w));
            case "med" -> put(b, new MultiExitDisc(w.number("MED", 0, 0xFFFFFFFFL)));
            case "local-preference" -> put(b, new LocalPref(w.number("local-preference", 0, 0xFFFFFFFFL)));
            case "atomic-aggregate" -> put(b, AtomicAggregate.INSTANCE);
            case "aggregator" -> put(b, AttributeParsers.aggregator(w));
            case "community" -> {
                List<Long> values = values(w, "communities", t -> AttributeParsers.community(w, t));
                if (!values.isEmpty()) {
                    put(b, Communities.normalised(values));
                }
            }
            case "large-community" -> {
                List<LargeCommunity> values = values(w, "large communities", t -> AttributeParsers.largeCommunity(w, t));
                if (!values.isEmpty()) {
                    put(b, LargeCommunities.normalised(values));
                }
            }
            case "extended-community" -> {
                List<ExtendedCommunity> values =
                        values(w, "extended communities", t -> AttributeParsers.extendedCommunity(w, t));
                if (!values.isEmpty()) {
                    put(b, ExtendedCommunities.sorted(values));
                }
            }
            case "originator-id" -> put(b, new OriginatorId(ipv4(w, "originator-id")));
            case "cluster-list" -> {
                List<Long> ids = values(w, "cluster ids", t -> ipv4(w, t, "cluster id"));
                if (!ids.isEmpty()) {
                    put(b, new ClusterList(ids));
                }
            }
            case "rd", "route-distinguisher" -> {
                Token t = w.next("route distinguisher");
                try {
                    b.rd = RouteDistinguisher.parse(t.text());
                } catch (IllegalArgumentException e) {
                    throw w.error(t, e.getMessage());
                }
            }
            case "label" -> {
                List<Token> items = w.list("labels");
                int[] labels = new int[items.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = (int) w.number(items.get(i), "label", 0, Labels.MAX_LABEL);
                }
                b.labels = Labels.of(labels);
            }
            case "path-information" -> {
                Token t = w.next("path-information");
                b.pathId = t.text().contains(".") ? ipv4(w, t, "path-information")
                        : w.number(t, "path-information", 0, 0xFFFFFFFFL);
            }
            case "split" -> {
                Token t = w.next("split /LENGTH");
                if (!t.text().startsWith("/")) {
                    throw w.error(t, "'" + t + "' is not a split length (expected /LENGTH)");
                }
                b.split = (int) w.number(new Token(t.text().substring(1), t.line(), t.column(), t.quoted()),
                        "split length", 0, 128);
                b.splitAt = t;
            }
            case "name" -> b.name = w.next("name").text();
            case "watchdog" -> {
                Token t = w.next("watchdog name");
                if (t.text().equalsIgnoreCase("announce") || t.text().equalsIgnoreCase("withdraw")) {
                    throw w.error(t, "invalid watchdog name '" + t + "' (announce and withdraw are commands)");
                }
                b.watchdog = t.text();
            }
            case "withdraw" -> b.withdrawn = true;
            case "attribute" -> put(b, AttributeParsers.generic(w));
            case "bgp-prefix-sid" -> put(b, AttributeParsers.prefixSid(w));
            case "bgp-prefix-sid-srv6" -> put(b, AttributeParsers.prefixSidSrv6(w));
            default -> throw w.error(key, "unknown route attribute '" + key + "' (expected next-hop, origin, as-path, "
                    + "med, local-preference, community, large-community, extended-community, originator-id, "
                    + "cluster-list, atomic-aggregate, aggregator, rd, label, path-information, split, name, "
                    + "watchdog, withdraw, attribute, bgp-prefix-sid or bgp-prefix-sid-srv6)");
        }
    }

    /** Reads a list ("[ a b ]" or one word) converting each word. */
    private static <T> List<T> values(Words w, String what, java.util.function.Function<Token, T> read) {
        List<T> out = new ArrayList<>();
        for (Token t : w.list(what)) {
            out.add(read.apply(t));
        }
        return out;
    }

    private static long ipv4(Words w, String what) {
        return ipv4(w, w.next(what), what);
    }

    private static long ipv4(Words w, Token t, String what) {
        IpAddress a = w.ip(t, what);
        if (!a.isIpv4()) {
            throw w.error(t, what + " must be an IPv4 address");
        }
        return a.lo();
    }

    private static void put(Builder b, PathAttribute a) {
        b.attributes.put(a.typeCode(), a);
    }

    private static RouteConfig finish(Words w, Builder b, Integer safiHint) {
        return finish(w, b, safiHint, false);
    }

    private static RouteConfig finish(Words w, Builder b, Integer safiHint, boolean nextHopOptional) {
        Optional<IpAddress> nextHop = b.nextHop;
        if (!b.nextHopGiven) {
            if (!nextHopOptional) {
                throw w.error(b.at, "route " + b.prefix + " has no next-hop (expected next-hop IP or next-hop self)");
            }
            nextHop = Optional.of(IpAddress.ipv4(0));
        }
        if (b.split > IpPrefix.maxLength(b.prefix.afi())) {
            throw w.error(b.splitAt, "split /" + b.split + " is longer than an address (expected at most /"
                    + IpPrefix.maxLength(b.prefix.afi()) + ")");
        }
        int split = b.split;
        if (split >= 0 && split <= b.prefix.length()) { // ExaBGP announces the prefix itself then
            split = -1;
        }
        if (split - b.prefix.length() > RouteConfig.MAX_SPLIT_BITS) {
            throw w.error(b.splitAt, "split /" + split + " of " + b.prefix + " gives 2^" + (split - b.prefix.length())
                    + " routes (at most 2^" + RouteConfig.MAX_SPLIT_BITS + " per route, as for a helper command)");
        }
        int safi = safiHint != null ? safiHint
                : b.rd != null ? Family.SAFI_MPLS_VPN : b.labels != null ? Family.SAFI_NLRI_MPLS : Family.SAFI_UNICAST;
        Family family = new Family(b.prefix.afi(), safi);
        Nlri nlri = switch (safi) {
            case Family.SAFI_MPLS_VPN -> {
                if (b.rd == null) {
                    throw w.error(b.at, "an mpls-vpn route needs an rd");
                }
                yield new VpnNlri(family, b.pathId, b.labels != null ? b.labels : Labels.NONE, b.rd, b.prefix);
            }
            case Family.SAFI_NLRI_MPLS -> new LabeledNlri(family, b.pathId, b.labels != null ? b.labels : Labels.NONE,
                    b.prefix);
            default -> new InetNlri(family, b.pathId, b.prefix);
        };
        return new RouteConfig(nlri, nextHop, new PathAttributes(new ArrayList<>(b.attributes.values())), split,
                b.name, b.watchdog, b.withdrawn, b.at);
    }
}
