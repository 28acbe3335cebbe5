// A cursor over the words of one statement, with typed readers that fail with the word's position.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.nlri.IpAddress;

public final class Words {
    private final Path file;
    private final Statement statement;
    private final List<Token> words;
    private int i;

    public Words(Path file, Statement statement, int start) {
        this.file = file;
        this.statement = statement;
        this.words = statement.words();
        this.i = start;
    }

    public Path file() {
        return file;
    }

    public boolean hasNext() {
        return i < words.size();
    }

    public Token peek() {
        return hasNext() ? words.get(i) : statement.terminator();
    }

    /** The next word; fails, naming what was expected, at the end of the statement. */
    public Token next(String expected) {
        if (!hasNext()) {
            throw error(statement.terminator(), "missing " + expected);
        }
        return words.get(i++);
    }

    public ConfigException error(Token at, String message) {
        return new ConfigException(file, at, message);
    }

    /** Fails if words are left. */
    public void end() {
        if (hasNext()) {
            Token t = peek();
            throw error(t, "unexpected '" + t + "' (expected ';')");
        }
    }

    public long number(String what, long min, long max) {
        Token t = next(what);
        return number(t, what, min, max);
    }

    public long number(Token t, String what, long min, long max) {
        long v;
        try {
            String s = t.text();
            v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(t, "'" + t + "' is not a number (expected " + what + ")");
        }
        if (v < min || v > max) {
            throw error(t, what + " " + v + " out of range (expected " + min + ".." + max + ")");
        }
        return v;
    }

    public IpAddress ip(String what) {
        Token t = next(what);
        return ip(t, what);
    }

    public IpAddress ip(Token t, String what) {
        try {
            return IpAddress.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw error(t, "'" + t + "' is not an IP address (expected " + what + ")");
        }
    }

    /** The next word as an address of {@code family}'s AFI (the NLRI words of MVPN and MUP routes). */
    public IpAddress ip(String what, org.bgpekko.wire.Family family) {
        Token t = next(what);
        IpAddress a = ip(t, what);
        if (a.afi() != family.afi()) {
            throw error(t, what + " " + a + " is not an " + family.afiName() + " address (the route is " + family
                    + ")");
        }
        return a;
    }

    /** True (and consumed) when the next word is {@code word}. */
    public boolean accept(String word) {
        if (hasNext() && peek().is(word)) {
            i++;
            return true;
        }
        return false;
    }

    /** A bracketed list "[ a b c ]" (commas allowed between items) or a single word. */
    public List<Token> list(String what) {
        Token first = next(what);
        if (!first.is("[")) {
            return List.of(first);
        }
        List<Token> items = new ArrayList<>();
        while (true) {
            Token t = next("']' to close the list of " + what);
            if (t.is("]")) {
                return items;
            }
            if (!t.is(",")) {
                items.add(t);
            }
        }
    }

    /** An on/off value: true/false, enable/disable; missing means {@code ifMissing}. */
    public boolean bool(String what, boolean ifMissing) {
        if (!hasNext()) {
            return ifMissing;
        }
        Token t = next(what);
        return switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "enable", "enabled", "yes", "on" -> true;
            case "false", "disable", "disabled", "no", "off" -> false;
            default -> throw error(t, "'" + t + "' is not a boolean (expected true/false or enable/disable for "
                    + what + ")");
        };
    }
}
