// Typed reading of arouteserver's YAML values, each failure a ConfigException at the value's line and column.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;

final class RsValues {
    private RsValues() {}

    /** A null node or an empty value: "not given". */
    static boolean absent(Yaml.Node n) {
        return n == null || n instanceof Yaml.Scalar s && s.isNull();
    }

    static Yaml.YMap map(Yaml.Node n, String what) {
        if (n instanceof Yaml.YMap m) {
            return m;
        }
        throw n.error(what + " must be a map of settings, not " + n.kind());
    }

    /** Refuses keys outside {@code allowed} (a nested schema: a key maps to null for a value, or to its own schema). */
    static void keys(Yaml.YMap m, String where, Map<String, ?> allowed, List<ConfigException> errors) {
        for (Yaml.Entry e : m.entries().values()) {
            if (!allowed.containsKey(e.key())) {
                errors.add(new ConfigException(m.file(), e.line(), e.column(), "unknown setting '" + e.key() + "' in "
                        + where + " (expected one of " + String.join(", ", allowed.keySet()) + ")"));
                continue;
            }
            Object sub = allowed.get(e.key());
            // arouteserver's older form "x: true" for "x.enabled: true"
            boolean deprecatedBool = sub instanceof Map<?, ?> m0 && m0.containsKey("enabled")
                    && e.value() instanceof Yaml.Scalar s && s.type() == Yaml.Scalar.Type.BOOL;
            if (sub instanceof Map<?, ?> inner && !absent(e.value()) && !deprecatedBool) {
                if (e.value() instanceof Yaml.YMap child) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> schema = (Map<String, ?>) inner;
                    keys(child, where + "." + e.key(), schema, errors);
                } else {
                    errors.add(e.value().error(where + "." + e.key() + " must be a map of settings, not "
                            + e.value().kind()));
                }
            }
        }
    }

    static boolean bool(Yaml.Node n, String what) {
        if (n instanceof Yaml.Scalar s && s.type() == Yaml.Scalar.Type.BOOL) {
            return s.text().equals("true");
        }
        throw n.error(what + " must be true or false, not " + n.kind());
    }

    static String text(Yaml.Node n, String what) {
        if (n instanceof Yaml.Scalar s && !s.isNull() && s.type() != Yaml.Scalar.Type.BOOL) {
            return s.text();
        }
        throw n.error(what + " must be a text, not " + n.kind());
    }

    static long number(Yaml.Node n, String what, long min, long max) {
        if (n instanceof Yaml.Scalar s && (s.type() == Yaml.Scalar.Type.INT || s.type() == Yaml.Scalar.Type.STRING)) {
            try {
                long v = Long.parseLong(s.text().strip());
                if (v >= min && v <= max) {
                    return v;
                }
                throw n.error(what + " " + v + " is out of range " + min + ".." + max);
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw n.error(what + " must be a whole number in " + min + ".." + max + ", not " + n.kind());
    }

    /** An AS number: 1..4294967295, written 64500 or "AS64500". */
    static long asn(Yaml.Node n, String what) {
        if (n instanceof Yaml.Scalar s && s.type() == Yaml.Scalar.Type.STRING
                && s.text().strip().toUpperCase(Locale.ROOT).startsWith("AS")) {
            return number(new Yaml.Scalar(s.file(), s.line(), s.column(), s.type(), s.text().strip().substring(2)),
                    what, 1, 0xFFFFFFFFL);
        }
        return number(n, what, 1, 0xFFFFFFFFL);
    }

    /** A list of AS numbers: a YAML list, or one text "174, 701, 1299". */
    static Set<Long> asnList(Yaml.Node n, String what) {
        Set<Long> out = new LinkedHashSet<>();
        if (absent(n)) {
            return out;
        }
        if (n instanceof Yaml.YList l) {
            for (Yaml.Node i : l.items()) {
                out.add(asn(i, what));
            }
            return out;
        }
        if (n instanceof Yaml.Scalar s && s.type() == Yaml.Scalar.Type.INT) {
            out.add(asn(n, what));
            return out;
        }
        for (String part : text(n, what).split(",")) {
            if (!part.isBlank()) {
                out.add(asn(new Yaml.Scalar(n.file(), n.line(), n.column(), Yaml.Scalar.Type.STRING, part.strip()),
                        what));
            }
        }
        return out;
    }

    static IpAddress ip(Yaml.Node n, String what) {
        String t = text(n, what);
        try {
            return IpAddress.parse(t);
        } catch (IllegalArgumentException e) {
            throw n.error(what + ": " + e.getMessage());
        }
    }

    /** A list, or a single item where arouteserver allows one. */
    static List<Yaml.Node> list(Yaml.Node n, String what, boolean single) {
        if (absent(n)) {
            return List.of();
        }
        if (n instanceof Yaml.YList l) {
            return l.items();
        }
        if (single && n instanceof Yaml.Scalar) {
            return List.of(n);
        }
        throw n.error(what + " must be a list, not " + n.kind());
    }

    /** A list of texts. */
    static List<String> texts(Yaml.Node n, String what) {
        List<String> out = new ArrayList<>();
        for (Yaml.Node i : list(n, what, true)) {
            out.add(text(i, what));
        }
        return out;
    }

    /**
     * arouteserver's prefix-list entry: {@code prefix} (an address, or an address/length), {@code length},
     * {@code comment}, {@code exact}, {@code ge}, {@code le}.
     */
    static PrefixRule prefixRule(Yaml.Node n, String what, boolean withAsn) {
        Yaml.YMap m = map(n, what + " entry");
        java.util.Map<String, Object> schema = new java.util.LinkedHashMap<>();
        for (String k : List.of("prefix", "length", "comment", "exact", "ge", "le")) {
            schema.put(k, null);
        }
        if (withAsn) {
            schema.put("asn", null);
        }
        List<ConfigException> errors = new ArrayList<>();
        keys(m, what, schema, errors);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        Yaml.Node p = m.get("prefix");
        if (absent(p)) {
            throw m.error(what + " entry has no prefix");
        }
        String text = text(p, what + " prefix");
        IpPrefix prefix;
        try {
            if (text.contains("/")) {
                if (!absent(m.get("length"))) {
                    throw p.error(what + " prefix " + text + " has a length, and length is given as well");
                }
                prefix = IpPrefix.parse(text);
            } else {
                IpAddress a = IpAddress.parse(text);
                Yaml.Node len = m.get("length");
                if (absent(len)) {
                    throw m.error(what + " entry " + text + " has no length");
                }
                prefix = new IpPrefix(a.afi(), a.hi(), a.lo(), (int) number(len, what + " length", 0, a.bits()));
                if (prefix.hi() != a.hi() || prefix.lo() != a.lo()) {
                    throw p.error(what + " prefix " + text + "/" + prefix.length() + " has host bits set (expected "
                            + prefix + ")");
                }
            }
        } catch (IllegalArgumentException e) {
            throw p.error(what + " prefix: " + e.getMessage());
        }
        int max = IpPrefix.maxLength(prefix.afi());
        boolean exact = !absent(m.get("exact")) && bool(m.get("exact"), what + " exact");
        int ge = absent(m.get("ge")) ? prefix.length() : (int) number(m.get("ge"), what + " ge", prefix.length(), max);
        int le = absent(m.get("le")) ? (exact ? prefix.length() : max) : (int) number(m.get("le"), what + " le", ge, max);
        if (exact && (!absent(m.get("ge")) || !absent(m.get("le")))) {
            throw m.error(what + " entry " + prefix + ": exact cannot be combined with ge or le");
        }
        if (ge > le) {
            throw m.error(what + " entry " + prefix + ": ge " + ge + " is above le " + le);
        }
        String comment = absent(m.get("comment")) ? "" : text(m.get("comment"), what + " comment");
        return new PrefixRule(prefix, exact ? prefix.length() : ge, le, comment);
    }
}
