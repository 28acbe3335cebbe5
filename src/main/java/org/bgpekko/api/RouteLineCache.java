// A fast path for the common "announce|withdraw route PREFIX WORDS…" line: WORDS parsed once, reused per prefix.
package org.bgpekko.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.config.Token;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;

/**
 * A helper announcing many routes usually repeats the same words after the prefix. What those words mean does not
 * depend on the prefix, only on its address family, as long as they hold no {@code split} (whose effect depends
 * on the prefix length) and make a unicast route (no {@code rd}, no {@code label}): for such a line the
 * parsed route of an earlier line with the same words is reused with the new prefix, and gives exactly what
 * {@link ApiParser#parse} gives (the same record, attributes shared). Anything else, and any prefix that does not
 * parse, goes through the full parser. Not thread-safe: one per helper reader.
 */
final class RouteLineCache {
    /** Distinct word sequences kept; past that the cache starts again empty. */
    static final int CAPACITY = 1024;

    private static final String ANNOUNCE = "announce route ";
    private static final String WITHDRAW = "withdraw route ";
    /** The prefix's column in the normalised line (after "announce route " / "withdraw route "). */
    private static final int PREFIX_COLUMN = ANNOUNCE.length() + 1;

    /** A parsed route whose prefix is replaced: its family (AFI of the words' first use), next hop, attributes. */
    private record Template(RouteConfig route, boolean announce) {}

    private final Map<String, Template> templates = new HashMap<>();

    /** The parsed line from a template, or null when the line needs the full parser. */
    ApiLine parse(String line) {
        int space = prefixEnd(line);
        if (space < 0) {
            return null;
        }
        Template t = templates.get(key(line, space));
        if (t == null) {
            return null;
        }
        String prefixText = line.substring(ANNOUNCE.length(), space);
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(prefixText);
        } catch (IllegalArgumentException e) {
            return null; // the full parser words the error
        }
        Nlri template = t.route().nlri();
        if (prefix.afi() != template.family().afi()) {
            return null;
        }
        RouteConfig r = t.route();
        RouteConfig route = new RouteConfig(new InetNlri(template.family(), template.pathId(), prefix), r.nextHop(),
                r.attributes(), -1, r.name(), r.watchdog(), r.withdrawn(),
                new Token(prefixText, 1, PREFIX_COLUMN, false));
        return new ApiLine(List.of(), t.announce() ? new ApiCommand.AnnounceRoutes(List.of(route))
                : new ApiCommand.WithdrawRoutes(List.of(route)));
    }

    /** Keeps what the full parser made of {@code line} when later lines with the same words can reuse it. */
    void learn(String line, ApiLine parsed) {
        int space = prefixEnd(line);
        if (space < 0 || !parsed.selectors().isEmpty()) {
            return;
        }
        List<RouteConfig> routes;
        boolean announce;
        if (parsed.command() instanceof ApiCommand.AnnounceRoutes a) {
            routes = a.routes();
            announce = true;
        } else if (parsed.command() instanceof ApiCommand.WithdrawRoutes w) {
            routes = w.routes();
            announce = false;
        } else {
            return;
        }
        String words = line.substring(space);
        if (routes.size() != 1 || announce != line.startsWith(ANNOUNCE) || words.contains("split")) {
            return;
        }
        RouteConfig r = routes.get(0);
        if (!(r.nlri() instanceof InetNlri) || r.nlri().family().safi() != Family.SAFI_UNICAST || r.split() != -1) {
            return;
        }
        if (templates.size() >= CAPACITY) {
            templates.clear();
        }
        templates.put(key(line, space), new Template(r, announce));
    }

    /**
     * Where the prefix of an "announce route P …" / "withdraw route P …" line ends (the space after it), or -1 when
     * the line is not of that plain form: exactly one space between the first words, a prefix of address
     * characters only.
     */
    private static int prefixEnd(String line) {
        if (!line.startsWith(ANNOUNCE) && !line.startsWith(WITHDRAW)) {
            return -1;
        }
        int i = ANNOUNCE.length();
        int start = i;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                break;
            }
            boolean address = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.'
                    || c == ':' || c == '/';
            if (!address) {
                return -1;
            }
            i++;
        }
        return i > start && i < line.length() ? i : -1;
    }

    /** The verb, the prefix's family and the words after the prefix. */
    private static String key(String line, int space) {
        boolean v6 = line.indexOf(':', ANNOUNCE.length()) >= 0 && line.indexOf(':', ANNOUNCE.length()) < space;
        return (v6 ? "6" : "4") + line.charAt(0) + line.substring(space);
    }
}
