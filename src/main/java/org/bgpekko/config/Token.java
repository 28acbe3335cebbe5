// One word of a configuration file with its 1-based line and column.
package org.bgpekko.config;

/** @param quoted true when the word was written between quotes (so "{" is text, not syntax) */
public record Token(String text, int line, int column, boolean quoted) {

    public boolean is(String s) {
        return !quoted && text.equals(s);
    }

    @Override
    public String toString() {
        return quoted ? "\"" + text + "\"" : text;
    }
}
