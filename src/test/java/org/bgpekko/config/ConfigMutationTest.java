// Mutants of ExaBGP's valid configurations (see ConfigMutants for the kinds and their expected positions) are
// each rejected by `bgpekko validate` with well-formed file:line:column lines, the first at the mutation.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgpekko.app.Main;
import org.bgpekko.config.ConfigMutants.Kind;
import org.bgpekko.config.ConfigMutants.Mutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigMutationTest {
    /** Mutants of each kind taken from each file, spread over the file. */
    static final int PER_KIND = 1;

    static List<Mutant> mutants() {
        List<Mutant> out = new ArrayList<>();
        try {
            for (Path conf : ConfigConformanceTest.configs().toList()) {
                String text = Files.readString(conf, StandardCharsets.UTF_8);
                if (ConfigParser.check(conf, text).valid()) {
                    out.addAll(ConfigMutants.of(conf.getFileName().toString(), text, PER_KIND));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void enoughMutantsOfEveryKind() {
        List<Mutant> all = mutants();
        Map<Kind, Integer> count = new EnumMap<>(Kind.class);
        all.forEach(m -> count.merge(m.kind(), 1, Integer::sum));
        assertTrue(all.size() >= 200, "only " + all.size() + " mutants");
        for (Kind k : Kind.values()) {
            assertTrue(count.getOrDefault(k, 0) >= 30, k + ": " + count);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void rejectedAtTheMutation(Mutant m, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(m.source());
        Files.writeString(file, m.text(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new PrintWriter(out), new PrintWriter(err), "validate", file.toString());
        String errors = err.toString();
        assertNotEquals(0, rc, "accepted: " + m);
        assertEquals("", out.toString());
        assertFalse(errors.contains("Exception") || errors.contains("\tat "), "stack trace: " + errors);
        Pattern line = Pattern.compile(Pattern.quote(file.toString()) + ":(\\d+):(\\d+): \\S.*");
        List<String> lines = errors.lines().toList();
        assertFalse(lines.isEmpty(), "no error for " + m);
        for (String l : lines) {
            assertTrue(line.matcher(l).matches(), "not file:line:column: message: " + l);
        }
        Matcher first = line.matcher(lines.get(0));
        assertTrue(first.matches());
        assertEquals(m.line() + ":" + m.column(), first.group(1) + ":" + first.group(2),
                "wrong position for " + m + ": " + errors);
    }
}
