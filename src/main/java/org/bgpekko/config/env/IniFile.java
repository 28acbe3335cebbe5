// ExaBGP's environment file as Python's configparser reads it: [sections], `key = value` or `key: value`, # and ; comments,
// indented continuation lines, a [DEFAULT] section, %(name)s interpolation; option names lower-cased, section names not.
package org.bgpekko.config.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * @param name     the file name used in error messages
 * @param sections the sections in file order, [DEFAULT] excluded
 * @param defaults the options of [DEFAULT], which every present section inherits
 */
public record IniFile(String name, Map<String, Section> sections, Map<String, Entry> defaults) {
    public static final String DEFAULT_SECTION = "DEFAULT";
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    /** One section: its header line and options (lower-cased names) in file order. */
    public record Section(String name, int line, Map<String, Entry> options) {}

    /** One option: its value (continuation lines joined by newlines) and the line of its name. */
    public record Entry(String option, String rawValue, int line) {}

    public IniFile {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    /** Reads and parses a file; an unreadable file is an error naming it. */
    public static IniFile read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new EnvironmentException(Source.file(path.toString()), "cannot read the environment file: " + e);
        }
    }

    /** Parses the text of a file named {@code name}. */
    public static IniFile parse(String name, String text) {
        return new Parser(name).parse(text);
    }

    /** The option in a present section, or inherited from [DEFAULT]; empty when the section is absent. */
    public Optional<Entry> find(String section, String option) {
        Section s = sections.get(section);
        if (s == null) {
            return Optional.empty();
        }
        Entry e = s.options().get(option);
        return Optional.ofNullable(e != null ? e : defaults.get(option));
    }

    /** The value of an entry of a section after configparser's %-interpolation. */
    public String value(String section, Entry entry) {
        StringBuilder out = new StringBuilder();
        interpolate(section, entry, entry.rawValue(), out, 1);
        return out.toString();
    }

    private void interpolate(String section, Entry origin, String rest, StringBuilder out, int depth) {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw error(origin, "interpolation of '" + origin.option() + "' is nested too deeply");
        }
        int i = 0;
        while (i < rest.length()) {
            int p = rest.indexOf('%', i);
            if (p < 0) {
                out.append(rest, i, rest.length());
                return;
            }
            out.append(rest, i, p);
            char next = p + 1 < rest.length() ? rest.charAt(p + 1) : 0;
            if (next == '%') {
                out.append('%');
                i = p + 2;
            } else if (next == '(') {
                int close = rest.indexOf(")s", p + 2);
                if (close <= p + 2 || rest.substring(p + 2, close).contains(")")) {
                    throw error(origin, "bad interpolation reference " + rest.substring(p)
                            + " (write %% for a literal %)");
                }
                String var = rest.substring(p + 2, close).toLowerCase(Locale.ROOT);
                Entry ref = find(section, var).orElseThrow(
                        () -> error(origin, "interpolation refers to '" + var + "', which is not set in [" + section + "]"));
                interpolate(section, origin, ref.rawValue(), out, depth + 1);
                i = close + 2;
            } else {
                throw error(origin, "'%' must be followed by '%' or '(' in " + rest.substring(p)
                        + " (write %% for a literal %)");
            }
        }
    }

    private EnvironmentException error(Entry entry, String message) {
        return new EnvironmentException(Source.file(name, entry.line()), message);
    }

    /** configparser's RawConfigParser._read, strict, with its default delimiters and comment prefixes. */
    private static final class Parser {
        private final String name;
        private final Map<String, Section> sections = new LinkedHashMap<>();
        private final Map<String, Entry> defaults = new LinkedHashMap<>();
        private final Map<String, List<String>> pending = new LinkedHashMap<>();
        private Map<String, Entry> current;
        private String currentName;
        private String option;
        private int indent;

        Parser(String name) {
            this.name = name;
        }

        IniFile parse(String text) {
            String[] lines = text.split("\r\n|\n|\r", -1);
            for (int n = 1; n <= lines.length; n++) {
                line(lines[n - 1], n);
            }
            flush();
            return new IniFile(name, sections, defaults);
        }

        private void line(String line, int n) {
            String stripped = line.strip();
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            String value = comment ? "" : stripped;
            if (value.isEmpty()) {
                if (!comment && option != null) {
                    pending.get(option).add("");
                }
                return;
            }
            int level = line.length() - line.stripLeading().length();
            if (current != null && option != null && level > indent) {
                pending.get(option).add(value);
                return;
            }
            indent = level;
            int close = value.lastIndexOf(']');
            if (value.startsWith("[") && close > 1) {
                header(value.substring(1, close), n);
            } else if (current == null) {
                throw new EnvironmentException(Source.file(name, n),
                        "expected a section header such as [exabgp.tcp] before '" + value + "'");
            } else {
                option(value, n);
            }
        }

        private void header(String section, int n) {
            flush();
            option = null;
            currentName = section;
            if (section.equals(DEFAULT_SECTION)) {
                current = defaults;
                return;
            }
            if (sections.containsKey(section)) {
                throw new EnvironmentException(Source.file(name, n), "section [" + section + "] already appears at line "
                        + sections.get(section).line());
            }
            current = new LinkedHashMap<>();
            sections.put(section, new Section(section, n, current));
        }

        private void option(String value, int n) {
            int eq = value.indexOf('=');
            int colon = value.indexOf(':');
            int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            String key = at < 0 ? "" : value.substring(0, at).strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new EnvironmentException(Source.file(name, n), "expected 'name = value', got '" + value + "'");
            }
            flush();
            if (current.containsKey(key) || pending.containsKey(key)) {
                throw new EnvironmentException(Source.file(name, n), "option '" + key + "' already set in ["
                        + currentName + "] at line " + current.get(key).line());
            }
            List<String> parts = new ArrayList<>();
            parts.add(value.substring(at + 1).strip());
            pending.put(key, parts);
            current.put(key, new Entry(key, "", n));
            option = key;
        }

        /** Joins the lines of the option being read, as configparser does once the file is read. */
        private void flush() {
            for (Map.Entry<String, List<String>> p : pending.entrySet()) {
                Entry e = current.get(p.getKey());
                current.put(p.getKey(), new Entry(e.option(), String.join("\n", p.getValue()).stripTrailing(), e.line()));
            }
            pending.clear();
        }
    }
}
