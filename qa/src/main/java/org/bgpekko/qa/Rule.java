// One expectation or action line of a .msg file: its group key, sequence number, kind and content.
package org.bgpekko.qa;

import java.util.Locale;

/**
 * A rule {@code PREFIX:KIND:CONTENT}. For {@link Kind#RAW} the content is upper-case hex without colons;
 * for {@link Kind#NOTIFICATION} it is the text to send (spaces and case kept); for {@link Kind#SIGNAL} the
 * signal name in upper case.
 */
public record Rule(String key, int sequence, Kind kind, String content) {

    public enum Kind { RAW, NOTIFICATION, SIGNAL }

    private static final String MARKER = "F".repeat(32);

    /** Parses one non-comment, non-option line (already trimmed). */
    public static Rule parse(String line) {
        String l = line.contains("notification:") ? line : line.replace(" ", "").toLowerCase(Locale.ROOT);
        String[] parts = l.split(":", 3);
        if (parts.length < 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("invalid rule: " + line);
        }
        String prefix = parts[0];
        String key;
        int sequence;
        try {
            if (Character.isLetter(prefix.charAt(0))) {
                key = prefix.substring(0, 1);
                sequence = Integer.parseInt(prefix.substring(1));
            } else {
                key = "A";
                sequence = Integer.parseInt(prefix);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid rule prefix '" + prefix + "': " + line, e);
        }
        String kindWord = parts[1].toLowerCase(Locale.ROOT);
        return switch (kindWord) {
            case "raw" -> {
                String hex = parts[2].replace(":", "").toUpperCase(Locale.ROOT);
                if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new IllegalArgumentException("invalid hex in rule: " + line);
                }
                yield new Rule(key, sequence, Kind.RAW, hex);
            }
            // the text after the last colon, as ExaBGP's peer takes it
            case "notification" -> new Rule(key, sequence, Kind.NOTIFICATION,
                    parts[2].substring(parts[2].lastIndexOf(':') + 1));
            case "signal" -> new Rule(key, sequence, Kind.SIGNAL,
                    parts[2].substring(parts[2].lastIndexOf(':') + 1).toUpperCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("unknown rule kind '" + parts[1] + "': " + line);
        };
    }

    public boolean isAction() {
        return kind != Kind.RAW;
    }

    /** Whether a received message (full hex, upper case, marker included) satisfies this raw rule. */
    public boolean matches(String receivedHex) {
        if (kind != Kind.RAW) {
            return false;
        }
        if (content.startsWith(MARKER)) {
            return content.equals(receivedHex);
        }
        return receivedHex.length() >= 32 && content.equals(receivedHex.substring(32));
    }

    /** Human-readable form, the hex split as marker:length:type:body. */
    public String describe() {
        String label = key + sequence;
        if (kind != Kind.RAW) {
            return label + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + content;
        }
        return label + ":raw:" + Hex.split(content);
    }
}
