// Public entry to the route parser for one helper-API command: the route words read exactly as a configuration
// "route" statement reads them (same attributes, same errors), plus the API's "attributes … nlri …" form.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Family;

public final class RouteLine {
    /** The name errors carry as their "file". */
    public static final Path SOURCE = Path.of("api");

    private RouteLine() {}

    /**
     * One route: the words of {@code statement} from {@code start} on, "PREFIX WORD VALUE …".
     *
     * @param family the family an "announce ipv4 unicast …" command names, or null to take it from the words (rd:
     *     mpls-vpn, label: nlri-mpls, else unicast), as "route" does
     * @param withdraw a withdrawal: a missing next-hop is then 0.0.0.0 instead of an error
     * @throws ConfigException what is wrong, at the offending word
     */
    public static RouteConfig route(Statement statement, int start, Family family, boolean withdraw) {
        Words w = new Words(SOURCE, statement, start);
        RouteConfig r = RouteParser.line(w, family == null ? null : family.safi(), withdraw);
        if (family != null && r.nlri().family().afi() != family.afi()) {
            throw w.error(r.at(), "prefix " + r.nlri().prefix() + " is not an " + family.afiName() + " prefix");
        }
        return r;
    }

    /**
     * One route of a family with its own NLRI words: "ipv4|ipv6 mcast-vpn|mup ROUTE-TYPE …" (the words from
     * {@code start} on begin with the route type) or, for {@code l2vpn vpls}, "endpoint N base N … rd RD …".
     *
     * @param withdraw a withdrawal: a missing next-hop is then 0.0.0.0 instead of an error
     * @throws ConfigException what is wrong, at the offending word
     * @throws IllegalArgumentException for a family whose routes are IP prefixes
     */
    public static RouteConfig familyRoute(Statement statement, int start, Family family, boolean withdraw) {
        Words w = new Words(SOURCE, statement, start);
        Token at = w.peek();
        RouteParser.NlriWords words = switch (family.safi()) {
            case Family.SAFI_MCAST_VPN -> new MvpnWords(family, w);
            case Family.SAFI_MUP -> new MupWords(family, w);
            case Family.SAFI_VPLS -> new VplsWords();
            default -> throw new IllegalArgumentException(family + " routes are IP prefixes");
        };
        return RouteParser.custom(w, at, words, null, withdraw);
    }

    /**
     * The routes of "WORD VALUE … nlri P1 P2 …" (the words of {@code statement} from {@code start} on): one per
     * prefix, all with the attributes, next hop, rd, label and path-information given before "nlri".
     */
    public static List<RouteConfig> attributes(Statement statement, int start, boolean withdraw) {
        return RouteParser.attributes(new Words(SOURCE, statement, start), withdraw);
    }

    /**
     * A flow route of {@code announce|withdraw flow …}: the words of {@code statement} from {@code start} on, where
     * '{', ';' and '}' are words of their own. Without {@code family} they are {@code route [NAME] { match { … }
     * scope { … } then { … } }} (the block form) or {@code route WORDS} (the flat form), as in a flow section;
     * with it ({@code announce ipv4 flow WORDS}) only the flat words.
     */
    public static RouteConfig flow(Statement statement, int start, Family family) {
        List<Token> words = statement.words().subList(start, statement.words().size());
        if (family != null) {
            return FlowParser.flat(new Words(SOURCE, new Statement(words, statement.terminator()), 0), family);
        }
        List<Statement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : words) {
            if (t.is(";") || t.is("{") || t.is("}")) {
                statements.add(new Statement(current, t));
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            statements.add(new Statement(current, statement.terminator()));
        }
        List<Node> nodes = TreeBuilder.build(SOURCE, statements);
        if (nodes.size() != 1 || !nodes.get(0).head().is("route")) {
            Token at = nodes.isEmpty() ? statement.terminator() : nodes.size() > 1 ? nodes.get(1).head()
                    : nodes.get(0).head();
            throw new ConfigException(SOURCE, at, "expected one flow route (route [NAME] { match { … } then { … } }, "
                    + "or route WORDS)");
        }
        Node n = nodes.get(0);
        Words w = new Words(SOURCE, n.statement(), 1);
        return n instanceof Node.Section s ? FlowParser.block(w, s.children()) : FlowParser.flat(w, null);
    }
}
