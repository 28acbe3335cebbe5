// Any one-word edit of a valid configuration either still parses or fails with positioned errors inside the
// file: never an exception other than the parser's own, never a position outside the text.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigRobustnessTest {
    /** What a word is replaced with: nothing, syntax, and values out of every range. */
    private static final String[] REPLACEMENTS = {"", "[", "]", "{", "}", ";", "(", ")", ",", "0x", "-1",
        "99999999999999999999", "4294967296", "\"", "self", "auto", "0.0.0.0/0", "::/0", "x", "1:2:3:4", "/"};

    static Stream<Path> configs() throws IOException {
        return ConfigConformanceTest.configs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyOneWordEditFailsCleanly(Path conf) throws IOException {
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        if (!ConfigParser.check(conf, text).valid()) {
            return; // needs a family not supported yet: ConfigConformanceTest checks its message
        }
        String[] lines = text.split("\n", -1);
        int[] lineStart = new int[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            lineStart[i + 1] = lineStart[i] + lines[i].length() + 1;
        }
        List<Token> tokens = new ArrayList<>();
        for (Statement s : Tokenizer.tokenize(conf, text)) {
            tokens.addAll(s.words());
            tokens.add(s.terminator());
        }
        int edits = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.quoted()) {
                continue;
            }
            int off = lineStart[t.line() - 1] + t.column() - 1;
            for (int k = 0; k < 3; k++) { // three replacements per word, rotating through the list
                String r = REPLACEMENTS[(i * 3 + k) % REPLACEMENTS.length];
                String mutated = text.substring(0, off) + r + text.substring(off + t.text().length());
                int maxLine = mutated.split("\n", -1).length;
                ConfigParser.Result res;
                try {
                    res = ConfigParser.check(conf, mutated);
                } catch (RuntimeException e) {
                    throw new AssertionError("'" + t + "' at " + t.line() + ":" + t.column() + " -> '" + r + "'", e);
                }
                for (ConfigException e : res.errors()) {
                    assertTrue(e.line() >= 1 && e.line() <= maxLine && e.column() >= 1
                            && !e.getMessage().isBlank(), e.describe());
                }
                edits++;
            }
        }
        assertTrue(edits > 0);
    }
}
