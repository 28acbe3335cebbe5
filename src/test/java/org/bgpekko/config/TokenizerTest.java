// Tokenizer positions (line and column from 1, a tab is one column), quotes, comments, continuations and its
// errors.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static final Path F = Path.of("t.conf");

    private static List<Statement> tok(String text) {
        return Tokenizer.tokenize(F, text);
    }

    private static String pos(Token t) {
        return t.text() + "@" + t.line() + ":" + t.column();
    }

    @Test
    void positionsCountFromOneAndATabIsOneColumn() {
        List<Statement> s = tok("neighbor 10.0.0.1 {\n\thold-time  180;\n}\n");
        assertEquals(3, s.size());
        assertEquals("neighbor@1:1", pos(s.get(0).words().get(0)));
        assertEquals("10.0.0.1@1:10", pos(s.get(0).words().get(1)));
        assertEquals("{@1:19", pos(s.get(0).terminator()));
        assertEquals("hold-time@2:2", pos(s.get(1).words().get(0)));
        assertEquals("180@2:13", pos(s.get(1).words().get(1)));
        assertEquals(";@2:16", pos(s.get(1).terminator()));
        assertEquals("}@3:1", pos(s.get(2).terminator()));
    }

    @Test
    void crlfLineEndsAreOneLineEnd() {
        List<Statement> s = tok("a 1;\r\nb 2;\r\n");
        assertEquals("b@2:1", pos(s.get(1).words().get(0)));
        assertEquals("2", s.get(1).words().get(1).text());
    }

    @Test
    void bracketsAndCommasAreWordsOfTheirOwn() {
        List<Statement> s = tok("community [1:1,2:2];");
        assertEquals(List.of("community", "[", "1:1", ",", "2:2", "]"),
                s.get(0).words().stream().map(Token::text).toList());
        assertEquals("[@1:11", pos(s.get(0).words().get(1)));
        assertEquals(",@1:15", pos(s.get(0).words().get(3)));
    }

    @Test
    void quotesKeepSpacesAndSyntaxAndUnescape() {
        Statement s = tok("description \"a b; {c}\" 'it''s' \"x\\\"y\\n\";").get(0);
        Token q = s.words().get(1);
        assertEquals("a b; {c}", q.text());
        assertTrue(q.quoted());
        assertEquals(13, q.column(), "a quoted word starts at its opening quote");
        assertEquals("it", s.words().get(2).text());
        assertEquals("s", s.words().get(3).text());
        assertEquals("x\"y\n", s.words().get(4).text());
        Token brace = new Token("{", 1, 1, true);
        assertTrue(!brace.is("{"), "a quoted brace is text, not syntax");
    }

    @Test
    void commentsRunToTheEndOfTheLineButNotInsideQuotes() {
        List<Statement> s = tok("# a comment ; {\nrun \"a#b\"; # trailing }\n");
        assertEquals(1, s.size());
        assertEquals("a#b", s.get(0).words().get(1).text());
    }

    @Test
    void backslashContinuesAStatementAndKeepsRealPositions() {
        Statement s = tok("route 10.0.0.0/24 \\\n   next-hop 1.2.3.4 \\\n\tmed 5;\n").get(0);
        assertEquals(List.of("route", "10.0.0.0/24", "next-hop", "1.2.3.4", "med", "5"),
                s.words().stream().map(Token::text).toList());
        assertEquals("next-hop@2:4", pos(s.words().get(2)));
        assertEquals("med@3:2", pos(s.words().get(4)));
        assertEquals(";@3:7", pos(s.terminator()));
    }

    @Test
    void severalStatementsOnOneLine() {
        List<Statement> s = tok("static { route 1.0.0.0/8 next-hop 1.1.1.1; }");
        assertEquals(3, s.size());
        assertTrue(s.get(0).opens());
        assertEquals("}@1:44", pos(s.get(2).terminator()));
    }

    @Test
    void unterminatedQuoteIsReportedAtTheOpeningQuote() {
        ConfigException e = assertThrows(ConfigException.class, () -> tok("a 1;\ndescription \"no end;\n"));
        assertEquals("t.conf:2:13: unterminated string (expected a closing \")", e.describe());
    }

    @Test
    void statementWithoutTerminatorIsReportedWhereTheTerminatorIsMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> tok("\thold-time 180\n}"));
        assertEquals("t.conf:1:15: statement 'hold-time 180' is not terminated (expected ';', '{' or '}' on the "
                + "same line)", e.describe());
    }
}
