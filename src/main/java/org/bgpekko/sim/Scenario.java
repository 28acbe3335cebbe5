// A scenario file (conf/sim/*.yml) as records: the route server, the members, helpers, events and assertions.
package org.bgpekko.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.Yaml;
import org.bgpekko.sim.ScenarioException.Where;

/**
 * The file's grammar is docs/simulation.md's. Unknown keys, wrong types and impossible values are refused with the
 * file, line and column of the entry; {@link ScenarioCheck} checks what refers to what (member and helper names).
 */
public record Scenario(Path file, String name, String description, Long seed, String until, String latency,
                       Boolean logUpdates, RouteServer routeServer, List<Member> members, List<Helper> helpers,
                       List<Event> events, List<Assertion> assertions) {
    public Scenario {
        members = members == null ? List.of() : List.copyOf(members);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
        events = events == null ? List.of() : List.copyOf(events);
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
    }

    /** The route server: its configuration inline ({@code config}) or in a file beside the scenario. */
    public record RouteServer(String config, String configFile, String template) {}

    /** One member, or {@code count} of them named {@code name01}, {@code name02}, ... with consecutive ASNs. */
    @JsonDeserialize(using = MemberReader.class)
    public record Member(Where where, MemberFields f) {}

    public record MemberFields(String name, Integer count, Long asn, Integer holdTime, Routes routes) {}

    /**
     * What a member announces: {@code count} IPv4 prefixes over {@code attributeSets} attribute sets, lengths drawn
     * from {@code prefixLengths} (length: weight), AS paths of {@code asPathLength} [min, max] ASNs (its own first),
     * {@code communities} [min, max] standard communities per set.
     */
    public record Routes(Integer count, Map<Integer, Integer> prefixLengths, List<Integer> asPathLength,
                         List<Integer> communities, Integer attributeSets) {}

    /** An in-JVM helper for the configuration's {@code process name}. */
    public record Helper(String name, List<Step> script) {}

    /** Lines the helper writes at {@code at} after its (re)start. */
    public record Step(String at, List<String> lines) {}

    /** Something that happens at a virtual time: exactly one of the action keys is set. */
    @JsonDeserialize(using = EventReader.class)
    public record Event(Where where, EventFields f) {}

    public record EventFields(String at, String down, String drop, String up, String flap, Integer times,
                              String every, String downFor, String stopReading, String resumeReading,
                              String malformed, String kind, String announce, String withdraw, Integer count,
                              String helperRestart, Boolean reload) {}

    /** A check: at a time, or over the whole run. */
    @JsonDeserialize(using = AssertionReader.class)
    public record Assertion(Where where, AssertionFields f) {}

    public record AssertionFields(String at, String member, Integer routes, Integer routesAtLeast,
                                  Boolean noSessionDropped, List<String> except, String convergedBefore,
                                  String quiet) {}

    private static final ObjectMapper YAML = new ObjectMapper(Yaml.factory()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads a scenario file; every error carries the file, line and column. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file, 1, 1, "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static Scenario parse(Path file, String text) {
        Scenario s;
        try {
            s = YAML.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            ConfigException syntax = Yaml.syntaxError(file, e);
            if (syntax != null) {
                throw new ScenarioException(file, syntax.line(), syntax.column(), syntax.getMessage());
            }
            JsonLocation l = e.getLocation();
            if (e.getOriginalMessage().startsWith("Duplicate field '")) { // STRICT_DUPLICATE_DETECTION's words
                String key = e.getOriginalMessage().substring(17, e.getOriginalMessage().indexOf('\'', 17));
                int[] at = keyAt(text, key, l == null ? 1 : l.getLineNr());
                throw new ScenarioException(file, at[0], at[1], "the key '" + key + "' is given twice");
            }
            String msg = e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "")
                    .replaceAll(", not marked as ignorable.*", "");
            int line = l == null ? 1 : l.getLineNr();
            int column = l == null ? 1 : l.getColumnNr();
            if (e instanceof UnrecognizedPropertyException u) { // reported after its value: find the key itself
                int[] at = keyAt(text, u.getPropertyName(), line);
                line = at[0];
                column = at[1];
            }
            throw new ScenarioException(file, line, column, msg);
        }
        if (s == null) {
            throw new ScenarioException(file, 1, 1, "the scenario is empty");
        }
        s = new Scenario(file, s.name, s.description, s.seed, s.until, s.latency, s.logUpdates, s.routeServer,
                s.members, s.helpers, s.events, s.assertions);
        ScenarioCheck.check(s);
        return s;
    }

    /** The line and column of the last {@code key:} at or before {@code line} (else the line itself, column 1). */
    private static int[] keyAt(String text, String key, int line) {
        String[] lines = text.split("\n", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key)
                + "\\s*:");
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            java.util.regex.Matcher m = p.matcher(lines[i]);
            int found = -1;
            while (m.find()) {
                found = m.start() + m.group(1).length();
            }
            if (found >= 0) {
                return new int[] {i + 1, found + 1};
            }
        }
        return new int[] {line, 1};
    }

    private static Where where(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Where(l.getLineNr(), l.getColumnNr());
    }

    static final class MemberReader extends JsonDeserializer<Member> {
        @Override
        public Member deserialize(JsonParser p, DeserializationContext c) throws IOException {
            Where w = where(p);
            return new Member(w, c.readValue(p, MemberFields.class));
        }
    }

    static final class EventReader extends JsonDeserializer<Event> {
        @Override
        public Event deserialize(JsonParser p, DeserializationContext c) throws IOException {
            Where w = where(p);
            return new Event(w, c.readValue(p, EventFields.class));
        }
    }

    static final class AssertionReader extends JsonDeserializer<Assertion> {
        @Override
        public Assertion deserialize(JsonParser p, DeserializationContext c) throws IOException {
            Where w = where(p);
            return new Assertion(w, c.readValue(p, AssertionFields.class));
        }
    }
}
