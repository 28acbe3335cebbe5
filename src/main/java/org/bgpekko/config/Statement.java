// One statement: the words before a terminator ';' (a setting), '{' (a section opens) or '}' (it closes).
package org.bgpekko.config;

import java.util.List;

public record Statement(List<Token> words, Token terminator) {
    public Statement {
        words = List.copyOf(words);
    }

    public boolean opens() {
        return terminator.is("{");
    }

    public boolean closes() {
        return terminator.is("}");
    }

    /** The first word, or the terminator when there is none. */
    public Token head() {
        return words.isEmpty() ? terminator : words.get(0);
    }
}
