// An encoding case: NAME.ci (configuration file names) and NAME.msg (options, ordered groups of rules).
package org.bgpekko.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * @param name    the case name (file name without extension)
 * @param dir     the folder holding NAME.ci and NAME.msg
 * @param configs the configuration file names of the first line of NAME.ci
 * @param options the option: lines
 * @param groups  the groups, ordered by key then numeric sequence
 */
public record CaseFile(String name, Path dir, List<String> configs, PeerOptions options, List<Group> groups) {

    public CaseFile {
        configs = List.copyOf(configs);
        groups = List.copyOf(groups);
    }

    /** Reads NAME.ci and NAME.msg from a folder. */
    public static CaseFile load(Path dir, String name) {
        try {
            List<String> ci = Files.readAllLines(dir.resolve(name + ".ci"), StandardCharsets.UTF_8);
            if (ci.isEmpty() || ci.get(0).isBlank()) {
                throw new IllegalArgumentException(name + ".ci names no configuration file");
            }
            List<String> configs = List.of(ci.get(0).strip().split("\\s+"));
            List<String> msg = Files.readAllLines(dir.resolve(name + ".msg"), StandardCharsets.UTF_8);
            Parsed parsed = parseMsg(msg);
            return new CaseFile(name, dir, configs, parsed.options, parsed.groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options and ordered groups of the lines of a .msg file. */
    public record Parsed(PeerOptions options, List<Group> groups) {}

    public static Parsed parseMsg(List<String> lines) {
        PeerOptions options = PeerOptions.NONE;
        // key -> sequence -> rules in file order
        Map<String, Map<Integer, List<Rule>>> byKey = new TreeMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.contains("#")) {
                continue;
            }
            if (line.startsWith("option:")) {
                options = options.with(line);
                continue;
            }
            Rule rule = Rule.parse(line);
            byKey.computeIfAbsent(rule.key(), k -> new TreeMap<>())
                    .computeIfAbsent(rule.sequence(), s -> new ArrayList<>())
                    .add(rule);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, seqs) -> seqs.forEach((seq, rules) -> groups.add(new Group(key, seq, rules))));
        return new Parsed(options, groups);
    }

    /** All expected raw messages, in group order. */
    public int rawCount() {
        return (int) groups.stream().flatMap(g -> g.rules().stream()).filter(r -> !r.isAction()).count();
    }

    /** Lists the cases (NAME.ci with a NAME.msg beside it) of a folder, sorted by name. */
    public static List<String> namesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".ci"))
                    .map(f -> f.substring(0, f.length() - 3))
                    .filter(n -> Files.isRegularFile(dir.resolve(n + ".msg")))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes cases by name, refusing two cases with the same name. */
    static Map<String, CaseFile> index(List<CaseFile> cases) {
        Map<String, CaseFile> out = new LinkedHashMap<>();
        for (CaseFile c : cases) {
            if (out.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("two cases are named " + c.name());
            }
        }
        return out;
    }
}
