// ORIGIN (type 1, RFC 4271 section 5.1.1): IGP, EGP or INCOMPLETE.
package org.bgpekko.wire.attribute;

public record Origin(int value) implements PathAttribute {
    public static final Origin IGP = new Origin(0);
    public static final Origin EGP = new Origin(1);
    public static final Origin INCOMPLETE = new Origin(2);

    public Origin {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("ORIGIN must be 0..2: " + value);
        }
    }

    public static Origin parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "igp" -> IGP;
            case "egp" -> EGP;
            case "incomplete" -> INCOMPLETE;
            default -> throw new IllegalArgumentException("origin must be igp, egp or incomplete, not '" + name + "'");
        };
    }

    public String name() {
        return switch (value) {
            case 0 -> "igp";
            case 1 -> "egp";
            default -> "incomplete";
        };
    }

    @Override
    public int typeCode() {
        return ORIGIN;
    }
}
