// A cursor over the words of one API line, failing with ApiParseException and the word's column.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.config.Statement;
import org.bgpekko.config.Token;

final class Cursor {
    private final List<Token> words;
    private int i;

    Cursor(List<Token> words) {
        this.words = words;
    }

    boolean hasNext() {
        return i < words.size();
    }

    int position() {
        return i;
    }

    /** The text of the next word, or "" at the end. */
    String peekText() {
        return hasNext() ? words.get(i).text() : "";
    }

    boolean peekIs(String word) {
        return hasNext() && words.get(i).is(word);
    }

    /** True when the word {@code ahead} places on is {@code word}. */
    boolean peekIs(int ahead, String word) {
        return i + ahead < words.size() && words.get(i + ahead).is(word);
    }

    /** The first ';', '{' or '}' left, or null. */
    Token blockWord() {
        for (int k = i; k < words.size(); k++) {
            Token t = words.get(k);
            if (t.is(";") || t.is("{") || t.is("}")) {
                return t;
            }
        }
        return null;
    }

    Token next(String expected) throws ApiParseException {
        if (!hasNext()) {
            throw new ApiParseException("missing " + expected + " at the end of the line");
        }
        return words.get(i++);
    }

    boolean accept(String word) {
        if (peekIs(word)) {
            i++;
            return true;
        }
        return false;
    }

    void expect(String word, String form) throws ApiParseException {
        Token t = next("'" + word + "' (expected " + form + ")");
        if (!t.is(word)) {
            throw new ApiParseException("unexpected '" + t.text() + "' at column " + t.column() + " (expected " + form
                    + ")");
        }
    }

    void end() throws ApiParseException {
        if (hasNext()) {
            Token t = words.get(i);
            throw new ApiParseException("unexpected '" + t.text() + "' at column " + t.column()
                    + " (expected the end of the command)");
        }
    }

    ApiParseException error(String what) {
        if (!hasNext()) {
            return new ApiParseException(what + " (at the end of the line)");
        }
        Token t = words.get(i);
        return new ApiParseException("unexpected '" + t.text() + "' at column " + t.column() + ": " + what);
    }

    /** The rest of the line as a configuration statement, for the route parser. */
    Statement rest() {
        int endColumn = words.isEmpty() ? 1 : words.get(words.size() - 1).column()
                + words.get(words.size() - 1).text().length() + 1;
        return new Statement(words.subList(i, words.size()), new Token("end of line", 1, endColumn, false));
    }

    void skipToEnd() {
        i = words.size();
    }
}
