// Parses "api [NAME] { processes [ … ]; processes-match [ … ]; neighbor-changes; receive { … } send { … } }".
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

final class ApiParser {
    /** ExaBGP's words of a receive or send block (configuration/neighbor/api.py). */
    static final Set<String> MESSAGE_WORDS = Set.of("parsed", "packets", "consolidate", "open", "update",
            "keepalive", "notification", "refresh", "operational");

    private ApiParser() {}

    static ApiConfig parse(Path file, Node.Section s, Set<String> knownProcesses) {
        Words head = new Words(file, s.statement(), 1);
        String name = head.hasNext() ? head.next("api name").text() : "";
        head.end();
        List<String> processes = new ArrayList<>();
        List<String> match = new ArrayList<>();
        boolean changes = false;
        Set<String> receive = new LinkedHashSet<>();
        Set<String> send = new LinkedHashSet<>();
        for (Node n : s.children()) {
            String key = n.head().text().toLowerCase(Locale.ROOT);
            if (n instanceof Node.Section sub) {
                new Words(file, sub.statement(), 1).end();
                Set<String> into = switch (key) {
                    case "receive" -> receive;
                    case "send" -> send;
                    default -> throw new ConfigException(file, n.head(), "unknown api section '" + n.head()
                            + "' (expected receive or send)");
                };
                for (Node m : sub.children()) {
                    Words w = new Words(file, m.statement(), 0);
                    Token t = w.next("message type");
                    if (!(m instanceof Node.Setting) || !MESSAGE_WORDS.contains(t.text())) {
                        throw w.error(t, "unknown " + key + " option '" + t + "' (expected one of "
                                + new java.util.TreeSet<>(MESSAGE_WORDS) + ")");
                    }
                    w.end();
                    into.add(t.text());
                }
                continue;
            }
            Words w = new Words(file, n.statement(), 1);
            switch (key) {
                case "processes" -> {
                    for (Token t : w.list("process names")) {
                        if (!knownProcesses.contains(t.text())) {
                            throw w.error(t, "unknown process '" + t + "' (defined: " + knownProcesses + ")");
                        }
                        processes.add(t.text());
                    }
                }
                case "processes-match" -> {
                    for (Token t : w.list("process name patterns")) {
                        try {
                            Pattern.compile(t.text());
                        } catch (PatternSyntaxException e) {
                            throw w.error(t, "invalid regular expression '" + t + "': " + e.getDescription());
                        }
                        match.add(t.text());
                    }
                }
                case "neighbor-changes" -> changes = true;
                default -> throw w.error(n.head(), "unknown api setting '" + n.head() + "' (expected processes, "
                        + "processes-match, neighbor-changes, receive or send)");
            }
            w.end();
        }
        return new ApiConfig(name, processes, match, changes, receive, send);
    }
}
