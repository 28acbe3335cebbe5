// The text ExaBGP gives an extended community ("target:65000:1", "rate-limit:1000", ...); "" when unknown.
package org.bgpekko.api.json;

import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;

public final class ExtendedCommunityText {
    private ExtendedCommunityText() {}

    public static String of(ExtendedCommunity c) {
        long v = c.value();
        int type = c.type() & ~0x40; // the transitive bit does not change the meaning
        int sub = c.subtype();
        long as2 = (v >>> 32) & 0xFFFF;
        long n32 = v & 0xFFFFFFFFL;
        long mid32 = (v >>> 16) & 0xFFFFFFFFL;
        long n16 = v & 0xFFFF;
        String kind = switch (sub) {
            case ExtendedCommunity.SUB_ROUTE_TARGET -> "target";
            case ExtendedCommunity.SUB_ROUTE_ORIGIN -> "origin";
            case 0x13 -> "rtrecord";
            default -> null;
        };
        if (kind != null && type <= 0x02) {
            if (type == 0x00) {
                return kind + ":" + as2 + ":" + (sub == ExtendedCommunity.SUB_ROUTE_ORIGIN ? Wire.ipv4(n32) : n32);
            }
            return kind + ":" + (type == 0x01 ? Wire.ipv4(mid32) : Long.toString(mid32)) + ":" + n16;
        }
        return switch (type << 8 | sub) {
            case 0x8006 -> "rate-limit:" + (long) Float.intBitsToFloat((int) n32);
            case 0x8007 -> "action " + String.join("-", flags(v & 0x02, "sample"), flags(v & 0x01, "terminal"))
                    .replaceAll("^-|-$", "");
            case 0x8008 -> "redirect:" + as2 + ":" + n32;
            case 0x8208 -> "redirect:" + mid32 + ":" + n16; // RFC 7674, 4-octet AS
            case 0x8009 -> "mark " + (v & 0xFF);
            case 0x800A -> "l2info:" + ((v >>> 48) & 0xFF) + ":" + ((v >>> 40) & 0xFF) + ":" + ((v >>> 16) & 0xFFFF)
                    + ":" + (v & 0xFFFF);
            case 0x0800 -> (v & 1) != 0 ? "copy-to-nexthop" : "redirect-to-nexthop";
            case 0x010C -> (v & 1) != 0 ? "copy-to-nexthop-ietf " + Wire.ipv4(mid32) + " (with copy)"
                    : "redirect-to-nexthop-ietf " + Wire.ipv4(mid32);
            case 0x0702 -> "interface-set:" + direction((int) (v >>> 14) & 0x3) + ":" + mid32 + ":" + (v & 0x1FFF);
            case 0x0600 -> "mac-mobility:" + n32 + (((v >>> 40) & 0xFF) == 1 ? ":sticky" : "");
            case 0x0C00 -> "mup:" + as2 + ":" + n32;
            default -> "";
        };
    }

    private static String flags(long bit, String name) {
        return bit != 0 ? name : "";
    }

    private static String direction(int d) {
        return switch (d) {
            case 1 -> "input";
            case 2 -> "output";
            case 3 -> "input-output";
            default -> Integer.toString(d);
        };
    }

    /** The text of an IPv6 address specific extended community (RFC 5701). */
    public static String of(Ipv6ExtendedCommunity c) {
        int key = (c.type() & ~0x40) << 8 | c.subtype();
        if (key == 0x000C) {
            return (c.local() & 1) != 0 ? "copy-to-nexthop-ietf " + c.address() + " (with copy)"
                    : "redirect-to-nexthop-ietf " + c.address();
        }
        if (key == 0x800B) {
            return "redirect " + c.address() + ":" + c.local();
        }
        return String.format("0x%02X%02X%s%04X", c.type(), c.subtype(), c.address().toBytes().hex(), c.local());
    }
}
