// One of arouteserver's named BGP communities: up to three values (standard, extended, large), each with an
// optional peer_as or dyn_val macro in its last part.
package org.bgpekko.config;

import java.util.Locale;

/**
 * @param name arouteserver's name (do_not_announce_to_peer, reject_cause, a custom community's name…)
 * @param std the standard (RFC 1997) value, or null
 * @param ext the extended (RFC 4360, route target or route origin) value, or null
 * @param lrg the large (RFC 8092) value, or null
 */
public record RsCommunity(String name, Value std, Value ext, Value lrg) {
    /** A macro in the last part of a value. */
    public enum Macro { NONE, PEER_AS, DYN_VAL }

    public enum Form { STD, EXT, LRG }

    /**
     * One value. {@code first} and {@code second} are the fixed parts before the last (a standard community has only
     * {@code first}); {@code last} is the last part when {@code macro} is NONE. An extended value is a transitive
     * two-octet-AS specific community (type 0x00: {@code first} in 2 octets, the last part in 4) or, when
     * {@code first} is above 65535, a four-octet-AS specific one (type 0x02: 4 octets, then 2), sub-type 0x02 for
     * {@code rt} and 0x03 for {@code ro}.
     */
    public record Value(Form form, int extSubtype, long first, long second, long last, Macro macro, String text) {
        /** The largest last part the form holds. */
        public long lastMax() {
            return switch (form) {
                case STD -> 0xFFFF;
                case LRG -> 0xFFFFFFFFL;
                case EXT -> first > 0xFFFF ? 0xFFFF : 0xFFFFFFFFL;
            };
        }

        /** The standard community for a last part (32 bits: high 16 the first part). */
        public long std(long lastPart) {
            return first << 16 | lastPart;
        }

        /** The 8 bytes of the extended community for a last part. */
        public long ext(long lastPart) {
            return first > 0xFFFF
                    ? 0x02L << 56 | (long) extSubtype << 48 | first << 16 | lastPart
                    : (long) extSubtype << 48 | first << 32 | lastPart;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public boolean isSet() {
        return std != null || ext != null || lrg != null;
    }

    /**
     * Parses one value as arouteserver writes it ("65501:rs_as", "rt:0:peer_as", "rs_as:0:dyn_val"), {@code rs_as}
     * replaced by the route server's AS; {@code macro} is the macro the community needs in its last part, or NONE
     * when none is allowed.
     */
    static Value parse(Form form, String text, long rsAs, Macro macro) {
        String[] parts = text.split(":", -1);
        int expected = form == Form.STD ? 2 : 3;
        if (parts.length != expected) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what(form) + " (expected " + shape(form) + ")");
        }
        int subtype = 0;
        int from = 0;
        if (form == Form.EXT) {
            String kind = parts[0].strip().toLowerCase(Locale.ROOT);
            subtype = switch (kind) {
                case "rt" -> 0x02;
                case "ro" -> 0x03;
                default -> throw new IllegalArgumentException("'" + text + "' is not an extended community (the first "
                        + "part must be rt or ro)");
            };
            from = 1;
        }
        long[] fixed = new long[2];
        long last = 0;
        Macro found = Macro.NONE;
        for (int i = from; i < parts.length; i++) {
            String p = parts[i].strip();
            boolean isLast = i == parts.length - 1;
            if (p.equals("peer_as") || p.equals("dyn_val")) {
                Macro m = p.equals("peer_as") ? Macro.PEER_AS : Macro.DYN_VAL;
                if (!isLast) {
                    throw new IllegalArgumentException("'" + text + "': the " + p + " macro may only be the last part");
                }
                if (m != macro) {
                    throw new IllegalArgumentException("'" + text + "': the " + p + " macro is not allowed in this "
                            + "community" + (macro == Macro.NONE ? "" : " (it takes " + name(macro) + ")"));
                }
                found = m;
                continue;
            }
            long v;
            if (p.equals("rs_as")) {
                v = rsAs;
            } else {
                try {
                    v = Long.parseLong(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "': '" + p + "' is not a number (expected an "
                            + "unsigned integer, rs_as" + (macro == Macro.NONE ? "" : " or " + name(macro)) + ")");
                }
            }
            long max = form == Form.STD ? 0xFFFF : 0xFFFFFFFFL;
            if (v < 0 || v > max) {
                throw new IllegalArgumentException("'" + text + "': " + p + (p.equals("rs_as") ? " (" + v + ")" : "")
                        + " is out of range 0.." + max + " for a " + what(form));
            }
            if (isLast) {
                last = v;
            } else {
                fixed[i - from] = v;
            }
        }
        if (found != macro) {
            throw new IllegalArgumentException("'" + text + "': this community needs the " + name(macro)
                    + " macro in its last part");
        }
        if (form == Form.STD && fixed[0] == 0xFFFF) {
            throw new IllegalArgumentException("'" + text + "': the range 65535:x is reserved for well-known "
                    + "communities");
        }
        if (form == Form.EXT && fixed[0] > 0xFFFF && (macro == Macro.NONE ? last > 0xFFFF : false)) {
            throw new IllegalArgumentException("'" + text + "': only one of the two numbers of an extended community "
                    + "may be above 65535");
        }
        return new Value(form, subtype, fixed[0], fixed[1], last, found, text);
    }

    private static String name(Macro m) {
        return m == Macro.PEER_AS ? "peer_as" : "dyn_val";
    }

    private static String what(Form form) {
        return switch (form) {
            case STD -> "standard community";
            case EXT -> "extended community";
            case LRG -> "large community";
        };
    }

    private static String shape(Form form) {
        return switch (form) {
            case STD -> "x:y, 16-bit numbers";
            case EXT -> "rt:x:y or ro:x:y";
            case LRG -> "x:y:z, 32-bit numbers";
        };
    }
}
