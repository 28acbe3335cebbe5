// The kinds of value an ExaBGP environment setting holds: how text is read (ExaBGP's parsing.py, made strict) and written back.
package org.bgpekko.config.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

public enum ValueType {
    /** ExaBGP's parsing.boolean; ExaBGP reads any other word as false, bgpekko rejects it. */
    BOOLEAN(Boolean.class, "a boolean: true, yes, on, enable or 1; false, no, off, disable, 0 or nothing") {
        @Override
        Object read(String text) {
            String word = text.toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
            throw invalid();
        }

        @Override
        String write(Object value) {
            return value.toString();
        }
    },
    /** ExaBGP's parsing.integer, limited to 0 or more. */
    INTEGER(Integer.class, "a whole number, 0 or more") {
        @Override
        Object read(String text) {
            return wholeNumber(text, 10, Integer.MAX_VALUE, this);
        }
    },
    /** ExaBGP's parsing.integer for tcp.port. */
    PORT(Integer.class, "a TCP port, 0 to 65535") {
        @Override
        Object read(String text) {
            return wholeNumber(text, 10, 65535, this);
        }
    },
    /** ExaBGP's parsing.real (Python float), limited to finite and 0 or more. */
    REAL(Double.class, "a decimal number, 0 or more, such as 1.0 or 0.5") {
        @Override
        Object read(String text) {
            if (!REAL_TEXT.matcher(text).matches()) {
                throw invalid();
            }
            double value = Double.parseDouble(text.replace("_", ""));
            if (!Double.isFinite(value) || value < 0) {
                throw invalid();
            }
            return value;
        }

        @Override
        String write(Object value) {
            return PythonFloat.repr((Double) value);
        }
    },
    /** ExaBGP's parsing.unquote: any text. */
    STRING(String.class, "any text") {
        @Override
        Object read(String text) {
            return text;
        }

        @Override
        String write(Object value) {
            return "'" + value + "'";
        }
    },
    /** ExaBGP's parsing.user; ExaBGP also checks the user exists when it reads it, bgpekko when it drops privileges. */
    USER(String.class, "a user name") {
        @Override
        Object read(String text) {
            if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                throw invalid();
            }
            return text;
        }

        @Override
        String write(Object value) {
            return "'" + value + "'";
        }
    },
    /** ExaBGP's parsing.ip_list: IP addresses separated by spaces; nothing means none. */
    IP_LIST(List.class, "IPv4 or IPv6 addresses separated by spaces, or nothing for none") {
        @Override
        Object read(String text) {
            List<String> ips = new ArrayList<>();
            for (String word : text.split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!IpLiteral.isValid(word)) {
                    throw new IllegalArgumentException("'" + word + "' is not an IP address; expected " + expected());
                }
                ips.add(word);
            }
            return List.copyOf(ips);
        }

        @Override
        String write(Object value) {
            return "'" + String.join(" ", castList(value)) + "'";
        }
    },
    /** ExaBGP's parsing.umask_read (int(text, 8)) and umask_write ('0o137'). */
    UMASK(Integer.class, "an octal umask, 0 to 0777, such as 0137 or 0o137") {
        @Override
        Object read(String text) {
            String digits = text.startsWith("0o") || text.startsWith("0O") ? text.substring(2) : text;
            return wholeNumber(digits, 8, 0777, this);
        }

        @Override
        String write(Object value) {
            return "'0o" + Integer.toOctalString((Integer) value) + "'";
        }
    },
    /** ExaBGP's parsing.syslog_value: a Python logging level name, any case. */
    LOG_LEVEL(LogLevel.class, "a log level: FATAL, CRITICAL, ERROR, WARNING, INFO, DEBUG or NOTSET") {
        @Override
        Object read(String text) {
            return LogLevel.parse(text).orElseThrow(() -> invalid());
        }
    },
    /** ExaBGP's parsing.api: the helper API encoder. */
    ENCODER(ApiEncoder.class, "an API encoder: text or json") {
        @Override
        Object read(String text) {
            return ApiEncoder.parse(text).orElseThrow(() -> invalid());
        }
    };

    private static final Set<String> TRUE_WORDS = Set.of("1", "yes", "on", "enable", "true");
    private static final Set<String> FALSE_WORDS = Set.of("", "0", "no", "off", "disable", "false");
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9a-fA-F]+(_[0-9a-fA-F]+)*");
    private static final Pattern REAL_TEXT = Pattern.compile(
            "[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");

    private final Class<?> javaType;
    private final String expected;

    ValueType(Class<?> javaType, String expected) {
        this.javaType = javaType;
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages and the documentation. */
    public String expected() {
        return expected;
    }

    /** The error for text that is not a value of this type. */
    IllegalArgumentException invalid() {
        return new IllegalArgumentException("expected " + expected);
    }

    /** The Java type of values: Boolean, Integer, Double, String, List of String, LogLevel or ApiEncoder. */
    public Class<?> javaType() {
        return javaType;
    }

    /** Reads unquoted text; throws IllegalArgumentException saying what was expected. */
    abstract Object read(String text);

    /** The value as `exabgp env` prints it (ExaBGP's 'write' functions). */
    String write(Object value) {
        return value.toString();
    }

    /** ExaBGP's parsing.unquote: strips blanks, then any quotes, around the text. */
    static String unquote(String text) {
        String s = text.strip();
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\'' || s.charAt(start) == '"')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\'' || s.charAt(end - 1) == '"')) {
            end--;
        }
        return s.substring(start, end);
    }

    @SuppressWarnings("unchecked")
    static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static int wholeNumber(String text, int radix, int max, ValueType type) {
        if (!DIGITS.matcher(text).matches()) {
            throw type.invalid();
        }
        try {
            long value = Long.parseLong(text.replace("_", ""), radix);
            if (value < 0 || value > max) {
                throw type.invalid();
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw type.invalid();
        }
    }
}
