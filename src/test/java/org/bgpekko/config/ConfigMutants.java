// Derives invalid configurations from valid ones, each with the position its error must be reported at.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every mutant is invalid by construction, and the rule for its expected position is fixed per kind:
 * <ul>
 * <li>DELETE_SEMICOLON: the ';' of a setting whose next statement starts on a later line is blanked, so the
 *     statement runs to the end of its line: expected right after its last word (where the ';' was missing).
 *     When the next thing on the same line is a '}', that '}' is the first place a ';' was required.</li>
 * <li>DELETE_BRACE: the '{' of a section is blanked: expected right after the section's last word.</li>
 * <li>DUPLICATE_BRACE: " {" is inserted after a '{': expected at the inserted '{' (a block with no name).</li>
 * <li>DELETE_VALUE: the only value of a setting that requires one is blanked: expected at the ';' that now
 *     follows the keyword. Inside a route line, the value of next-hop, origin, med, local-preference, rd,
 *     originator-id, path-information or split is blanked: expected at the word after it, which the keyword
 *     then takes (and refuses) as its value, or at the ';'.</li>
 * <li>MISSPELL: a keyword gets two letters swapped (or an 'x' appended): expected at the keyword.</li>
 * <li>OUT_OF_RANGE: a value is replaced by one out of its range (300.x.x.x addresses, /33 and /129 prefixes,
 *     AS 4294967296, label 1048576, hold-time 70000, MED / local-preference 4294967296, community 65536:N):
 *     expected at the value.</li>
 * </ul>
 * Quoted words and statements continued over several lines are never mutated (their source length differs
 * from their text).
 */
final class ConfigMutants {
    enum Kind { DELETE_SEMICOLON, DELETE_BRACE, DUPLICATE_BRACE, DELETE_VALUE, MISSPELL, OUT_OF_RANGE }

    record Mutant(String source, Kind kind, String what, String text, int line, int column) {
        @Override
        public String toString() {
            return source + " " + kind + " " + what + " -> " + line + ":" + column;
        }
    }

    /** Settings whose value is required: deleting it must be an error. */
    static final Set<String> REQUIRED_VALUE = Set.of("router-id", "local-address", "local-as", "peer-as",
            "hold-time", "listen", "connect", "md5-password", "outgoing-ttl", "incoming-ttl", "host-name",
            "domain-name", "description", "source-interface", "peer-address", "encoder", "run", "rate-limit",
            "next-hop", "origin", "med", "local-preference", "originator-id", "rd", "path-information", "split",
            "label", "community", "large-community", "extended-community", "cluster-list", "inherit");

    static final Set<String> ROUTE_VALUE = Set.of("next-hop", "origin", "med", "local-preference", "originator-id",
            "rd", "path-information", "split");

    static final Set<String> KEYWORDS = Set.of("process", "neighbor", "template", "run", "encoder", "respawn",
            "description", "router-id", "local-address", "local-as", "peer-as", "hold-time", "passive", "listen",
            "connect", "md5-password", "outgoing-ttl", "incoming-ttl", "group-updates", "auto-flush", "manual-eor",
            "adj-rib-in", "adj-rib-out", "route-server-client", "host-name", "domain-name", "rate-limit", "inherit",
            "family", "capability", "add-path", "nexthop", "api", "static", "announce", "route", "processes",
            "processes-match", "neighbor-changes", "receive", "send", "asn4", "route-refresh", "graceful-restart",
            "multi-session", "operational", "aigp", "extended-message", "software-version", "ipv4", "ipv6",
            "unicast", "multicast", "nlri-mpls", "mpls-vpn", "parsed", "packets", "consolidate", "open", "update",
            "keepalive", "notification", "refresh", "next-hop", "origin", "as-path", "med",
            "local-preference", "community", "large-community", "extended-community", "originator-id",
            "cluster-list", "atomic-aggregate", "aggregator", "rd", "label", "path-information", "split", "name",
            "watchdog", "withdraw", "attribute", "bgp-prefix-sid");

    private final String source;
    private final String text;
    private final int[] lineStart;
    private final Map<Kind, List<Mutant>> byKind = new LinkedHashMap<>();

    private ConfigMutants(String source, String text) {
        this.source = source;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStart = starts.stream().mapToInt(Integer::intValue).toArray();
        for (Kind k : Kind.values()) {
            byKind.put(k, new ArrayList<>());
        }
    }

    /** Up to {@code perKind} mutants of each kind, spread over the file from a start fixed by its name. */
    static List<Mutant> of(String source, String text, int perKind) {
        ConfigMutants m = new ConfigMutants(source, text);
        m.scan(Tokenizer.tokenize(Path.of(source), text));
        List<Mutant> out = new ArrayList<>();
        for (Map.Entry<Kind, List<Mutant>> e : m.byKind.entrySet()) {
            List<Mutant> all = e.getValue();
            int n = Math.min(perKind, all.size());
            int start = n == 0 ? 0 : Math.floorMod(source.hashCode() * 31 + e.getKey().ordinal() * 17, all.size());
            for (int i = 0; i < n; i++) {
                out.add(all.get((start + i * all.size() / n) % all.size()));
            }
        }
        return out;
    }

    private int offset(Token t) {
        return lineStart[t.line() - 1] + t.column() - 1;
    }

    private String replace(Token t, String with) {
        int at = offset(t);
        return text.substring(0, at) + with + text.substring(at + t.text().length());
    }

    private void add(Kind k, String what, String mutated, int line, int column) {
        byKind.get(k).add(new Mutant(source, k, what, mutated, line, column));
    }

    private static boolean oneLine(Statement s) {
        return s.words().stream().allMatch(t -> t.line() == s.terminator().line() && !t.quoted());
    }

    private void scan(List<Statement> statements) {
        Deque<String> context = new ArrayDeque<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Statement next = i + 1 < statements.size() ? statements.get(i + 1) : null;
            if (!oneLine(s)) {
                trackContext(context, s);
                continue;
            }
            terminators(s, next);
            if (!s.words().isEmpty()) {
                Token head = s.words().get(0);
                if (KEYWORDS.contains(head.text()) || context.contains("family")
                        || context.contains("add-path") || context.contains("nexthop")) {
                    misspell(head);
                }
                values(s, context);
            }
            trackContext(context, s);
        }
    }

    private static void trackContext(Deque<String> context, Statement s) {
        if (s.opens()) {
            context.push(s.words().isEmpty() ? "" : s.words().get(0).text());
        } else if (s.closes() && !context.isEmpty()) {
            context.pop();
        }
    }

    private void terminators(Statement s, Statement next) {
        Token term = s.terminator();
        if (s.words().isEmpty()) {
            return;
        }
        Token last = s.words().get(s.words().size() - 1);
        boolean nextOnSameLine = next != null && next.head().line() == term.line();
        if (term.is(";")) {
            if (!nextOnSameLine) {
                add(Kind.DELETE_SEMICOLON, "';' after " + last.text(), replace(term, " "), last.line(),
                        last.column() + last.text().length());
            } else if (next.words().isEmpty() && next.closes()) {
                Token close = next.terminator();
                add(Kind.DELETE_SEMICOLON, "';' before '}'", replace(term, " "), close.line(), close.column());
            }
        } else if (term.is("{")) {
            add(Kind.DUPLICATE_BRACE, "'{' of " + s.head().text(),
                    text.substring(0, offset(term) + 1) + " {" + text.substring(offset(term) + 1), term.line(),
                    term.column() + 2);
            if (!nextOnSameLine) {
                add(Kind.DELETE_BRACE, "'{' of " + s.head().text(), replace(term, " "), last.line(),
                        last.column() + last.text().length());
            }
        }
    }

    private void misspell(Token t) {
        String w = t.text();
        String bad = w.length() >= 4 && w.charAt(1) != w.charAt(2)
                ? w.charAt(0) + "" + w.charAt(2) + w.charAt(1) + w.substring(3) : w + "x";
        add(Kind.MISSPELL, w + " -> " + bad, replace(t, bad), t.line(), t.column());
    }

    private void values(Statement s, Deque<String> context) {
        List<Token> words = s.words();
        Token head = words.get(0);
        boolean inFamily = context.contains("family") || context.contains("add-path") || context.contains("nexthop");
        if (s.terminator().is(";") && words.size() == 2 && (REQUIRED_VALUE.contains(head.text()) || inFamily)) {
            Token v = words.get(1);
            if (!v.is("[") && !v.is("self")) {
                add(Kind.DELETE_VALUE, "value of " + head.text(), replace(v, " ".repeat(v.text().length())),
                        s.terminator().line(), s.terminator().column());
            }
        }
        boolean routeLine = head.is("route") || context.contains("announce") && !s.opens();
        int first = 0;
        if (routeLine && words.size() > 2) {
            first = 2;
            Token prefix = words.get(1);
            outOfRange(prefix, "prefix");
            for (int i = 2; i + 1 < words.size(); i++) {
                Token k = words.get(i);
                Token v = words.get(i + 1);
                if (ROUTE_VALUE.contains(k.text()) && !v.is("[") && !v.is("self")) {
                    Token after = i + 2 < words.size() ? words.get(i + 2) : s.terminator();
                    add(Kind.DELETE_VALUE, "value of " + k.text(), replace(v, " ".repeat(v.text().length())),
                            after.line(), after.column());
                }
                if (KEYWORDS.contains(k.text()) && !words.get(i - 1).is("name") && !words.get(i - 1).is("watchdog")) {
                    misspell(k);
                }
            }
        }
        for (int i = Math.max(first, 0); i + 1 < words.size(); i++) {
            Token k = words.get(i);
            Token v = words.get(i + 1);
            if (v.is("[") && i + 2 < words.size()) {
                v = words.get(i + 2);
            }
            outOfRange(k.text(), v);
        }
        if (head.is("neighbor") && s.opens() && words.size() == 2) {
            outOfRange(words.get(1), "address");
        }
    }

    private void outOfRange(String key, Token v) {
        switch (key) {
            case "router-id", "local-address", "next-hop", "originator-id", "peer-address" -> outOfRange(v, "address");
            case "local-as", "peer-as", "as-path" -> number(v, "4294967296");
            case "label" -> number(v, "1048576");
            case "hold-time" -> number(v, "70000");
            case "med", "local-preference" -> number(v, "4294967296");
            case "community" -> {
                if (v.text().matches("\\d+:\\d+")) {
                    bad(v, "65536" + v.text().substring(v.text().indexOf(':')));
                }
            }
            default -> { }
        }
    }

    private void number(Token v, String bad) {
        if (v.text().matches("\\d+")) {
            bad(v, bad);
        }
    }

    private void outOfRange(Token v, String what) {
        String s = v.text();
        if (s.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
            if (what.equals("prefix") && s.contains("/")) {
                bad(v, s.substring(0, s.indexOf('/')) + "/33");
            } else {
                bad(v, "300" + s.substring(s.indexOf('.')));
            }
        } else if (s.contains(":") && s.matches("[0-9a-fA-F:.]+/\\d+") && what.equals("prefix")) {
            bad(v, s.substring(0, s.indexOf('/')) + "/129");
        }
    }

    private void bad(Token v, String replacement) {
        add(Kind.OUT_OF_RANGE, v.text() + " -> " + replacement, replace(v, replacement), v.line(), v.column());
    }
}
