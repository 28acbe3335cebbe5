// A route distinguisher (RFC 4364 section 4.2): types 0 (2-byte AS), 1 (IPv4) and 2 (4-byte AS).
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;

/** @param value the 8 wire bytes as one big-endian long */
public record RouteDistinguisher(long value) {

    public int type() {
        return (int) (value >>> 48) & 0xFFFF;
    }

    public static RouteDistinguisher read(byte[] b, int off) {
        return new RouteDistinguisher(Wire.u64(b, off));
    }

    public void write(WireWriter out) {
        out.put64(value);
    }

    /** Parses "65000:1" (type 0, or type 2 when the AS is over 65535) or "1.2.3.4:1" (type 1). */
    public static RouteDistinguisher parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("route distinguisher must be ADMIN:NUMBER, got '" + text + "'");
        }
        String admin = text.substring(0, colon);
        long number = parseUnsigned(text.substring(colon + 1), text);
        if (admin.indexOf('.') >= 0) {
            long ip = IpAddress.parse(admin).lo();
            require(number <= 0xFFFF, text, "number must fit 16 bits with an IPv4 administrator");
            return new RouteDistinguisher(1L << 48 | ip << 16 | number);
        }
        long as = parseUnsigned(admin, text);
        if (as <= 0xFFFF) {
            require(number <= 0xFFFFFFFFL, text, "number must fit 32 bits with a 2-byte AS");
            return new RouteDistinguisher(as << 32 | number);
        }
        require(as <= 0xFFFFFFFFL, text, "AS number out of range");
        require(number <= 0xFFFF, text, "number must fit 16 bits with a 4-byte AS");
        return new RouteDistinguisher(2L << 48 | as << 16 | number);
    }

    private static long parseUnsigned(String s, String text) {
        try {
            long v = Long.parseLong(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("invalid number '" + s + "' in route distinguisher '" + text + "'");
    }

    private static void require(boolean ok, String text, String why) {
        if (!ok) {
            throw new IllegalArgumentException("route distinguisher '" + text + "': " + why);
        }
    }

    /** ExaBGP's text: "AS:N", "IP:N", or raw hex for unknown types. */
    @Override
    public String toString() {
        return switch (type()) {
            case 0 -> ((value >>> 32) & 0xFFFF) + ":" + (value & 0xFFFFFFFFL);
            case 1 -> Wire.ipv4((value >>> 16) & 0xFFFFFFFFL) + ":" + (value & 0xFFFF);
            case 2 -> ((value >>> 16) & 0xFFFFFFFFL) + ":" + (value & 0xFFFF);
            default -> String.format("%016x", value);
        };
    }
}
