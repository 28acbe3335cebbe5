// A fast path for the common "announce|withdraw route PREFIX WORDS…" line: WORDS parsed once, reused per prefix.
package org.bgpekko.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.config.Token;
import org.bgpekko.rib.Ipv4Prefixes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.UpdateFit;
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

    /**
     * A parsed route whose prefix is replaced: its family (AFI of the words' first use), next hop, attributes;
     * {@code key} is the verb, the family and the words after the prefix. {@code runs}: its lines with an IPv4
     * prefix can travel as a {@link ApiCommand.RouteRun} (IPv4 unicast without path identifier, attributes that fit
     * an UPDATE with any prefix).
     */
    record Template(String key, RouteConfig route, boolean announce, boolean runs) {
        /** The route of a line with this template's words and the IPv4 prefix of key {@code ipv4Key}. */
        RouteConfig route(long ipv4Key, Token at) {
            Nlri n = route.nlri();
            return new RouteConfig(new InetNlri(n.family(), n.pathId(), IpPrefix.ipv4(ipv4Key >>> 8,
                    (int) (ipv4Key & 0xFF))), route.nextHop(), route.attributes(), -1, route.name(), route.watchdog(),
                    route.withdrawn(), at);
        }
    }

    private final Map<String, Template> templates = new HashMap<>();
    /** The template used last: a helper usually repeats the same words line after line. */
    private Template last;
    private long lastKey;

    /** The parsed line from a template, or null when the line needs the full parser. */
    ApiLine parse(String line) {
        int space = prefixEnd(line);
        if (space < 0) {
            return null;
        }
        Template t = find(line, space);
        if (t == null) {
            return null;
        }
        last = t;
        String prefixText = line.substring(ANNOUNCE.length(), space);
        IpPrefix prefix = ipv4(prefixText);
        if (prefix == null) {
            try {
                prefix = IpPrefix.parse(prefixText);
            } catch (IllegalArgumentException e) {
                return null; // the full parser words the error
            }
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

    /**
     * The template of a line that {@link #parse} serves with an IPv4 prefix, when the template {@link Template#runs};
     * the prefix's key ({@link Ipv4Prefixes#key}) is then {@link #lastKey}. Null otherwise: {@link #parse} (or the
     * full parser) takes the line. Makes no object.
     */
    Template runTemplate(String line) {
        int space = prefixEnd(line);
        if (space < 0) {
            return null;
        }
        Template t = find(line, space);
        if (t == null || !t.runs()) {
            return null;
        }
        long key = ipv4Key(line, ANNOUNCE.length(), space);
        if (key < 0) {
            return null;
        }
        last = t;
        lastKey = key;
        return t;
    }

    /** The prefix key of the line {@link #runTemplate} served last. */
    long lastKey() {
        return lastKey;
    }

    private Template find(String line, int space) {
        return last != null && sameKey(last.key(), line, space) ? last : templates.get(key(line, space));
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
        String key = key(line, space);
        boolean runs = r.nlri().family().equals(Family.IPV4_UNICAST) && r.nlri().pathId() == Nlri.NO_PATH_ID
                && UpdateFit.fitsAnyInet(UpdateFit.attributeBytes(r.attributes()));
        templates.put(key, new Template(key, r, announce, runs));
    }

    /**
     * Where the prefix of an "announce route P …" / "withdraw route P …" line ends (the space after it), or -1 when
     * the line is not of that plain form: exactly one space between the first words, a prefix of address
     * characters only.
     */
    static int prefixEnd(String line) {
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

    /** The prefix's family ('4' or '6'), the verb's first letter and the words after the prefix. */
    static String key(String line, int space) {
        // a StringBuilder: "char + char" would add the two as numbers
        return new StringBuilder(line.length() - space + 2).append(family(line, space)).append(line.charAt(0))
                .append(line, space, line.length()).toString();
    }

    /** Whether {@code key} is {@link #key key(line, space)}, without building the latter. */
    static boolean sameKey(String key, String line, int space) {
        return key.length() == line.length() - space + 2 && key.charAt(0) == family(line, space)
                && key.charAt(1) == line.charAt(0) && line.regionMatches(space, key, 2, key.length() - 2);
    }

    private static char family(String line, int space) {
        for (int i = ANNOUNCE.length(); i < space; i++) {
            if (line.charAt(i) == ':') {
                return '6';
            }
        }
        return '4';
    }

    /**
     * A plain IPv4 prefix "a.b.c.d" or "a.b.c.d/n" (decimal, at most 3 digits a byte), as {@link IpPrefix#parse}
     * reads it; null for anything else, which then goes through {@link IpPrefix#parse}.
     */
    static IpPrefix ipv4(String text) {
        long key = ipv4Key(text, 0, text.length());
        return key < 0 ? null : IpPrefix.ipv4(key >>> 8, (int) (key & 0xFF));
    }

    /** {@link #ipv4} of {@code text[from, to)} as its key ({@link Ipv4Prefixes#key}), or -1. */
    static long ipv4Key(String text, int from, int n) {
        long address = 0;
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= n || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + text.charAt(i++) - '0';
            }
            if (i == start || value > 255) {
                return -1;
            }
            address = address << 8 | value;
        }
        int length = 32;
        if (i < n) {
            if (text.charAt(i++) != '/' || i == n || n - i > 2) {
                return -1;
            }
            length = 0;
            while (i < n) {
                char c = text.charAt(i++);
                if (c < '0' || c > '9') {
                    return -1;
                }
                length = length * 10 + c - '0';
            }
            if (length > 32) {
                return -1;
            }
        }
        return Ipv4Prefixes.key(address, length);
    }
}
