// Readers of route attribute values in ExaBGP's syntax: communities, extended and large communities, AS paths,
// aggregator, Prefix-SID (labels and SRv6 services) and generic attributes.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AttributeCodec;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.DecodeContext;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.Srv6Service;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.IpAddress;

final class AttributeParsers {
    private static final long U32 = 0xFFFFFFFFL;

    private AttributeParsers() {}

    static long community(Words w, Token t) {
        String s = t.text().toLowerCase(Locale.ROOT);
        switch (s) {
            case "no-export":
                return Communities.NO_EXPORT;
            case "no-advertise":
                return Communities.NO_ADVERTISE;
            case "no-export-subconfed":
                return Communities.NO_EXPORT_SUBCONFED;
            case "nopeer", "no-peer":
                return Communities.NOPEER;
            case "blackhole":
                return Communities.BLACKHOLE;
            default:
                break;
        }
        String[] p = s.split(":", -1);
        if (p.length == 1) {
            return w.number(t, "community", 0, U32);
        }
        if (p.length != 2) {
            throw w.error(t, "'" + t + "' is not a community (expected ASN:VALUE)");
        }
        return part(w, t, p[0], "community ASN", 0xFFFF) << 16 | part(w, t, p[1], "community value", 0xFFFF);
    }

    static LargeCommunity largeCommunity(Words w, Token t) {
        String[] p = t.text().split(":", -1);
        if (p.length != 3) {
            throw w.error(t, "'" + t + "' is not a large community (expected GLOBAL:LOCAL1:LOCAL2)");
        }
        return new LargeCommunity(part(w, t, p[0], "global administrator", U32),
                part(w, t, p[1], "local data part 1", U32), part(w, t, p[2], "local data part 2", U32));
    }

    static ExtendedCommunity extendedCommunity(Words w, Token t) {
        String s = t.text().toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            if (s.length() != 18) {
                throw w.error(t, "'" + t + "' is not an 8-byte extended community (expected 0x and 16 hex digits)");
            }
            try {
                return new ExtendedCommunity(Long.parseUnsignedLong(s.substring(2), 16));
            } catch (NumberFormatException e) {
                throw w.error(t, "'" + t + "' is not hexadecimal");
            }
        }
        String[] p = s.split(":", -1);
        if (p.length == 2) { // bare ASN:IP or ASN:N is a route target
            return routeTargetOrOrigin(w, t, ExtendedCommunity.SUB_ROUTE_TARGET, p[0], p[1], false);
        }
        String kind = p[0];
        if (p.length == 3) {
            switch (kind) {
                case "target", "origin" -> {
                    int sub = kind.equals("target") ? ExtendedCommunity.SUB_ROUTE_TARGET : ExtendedCommunity.SUB_ROUTE_ORIGIN;
                    return routeTargetOrOrigin(w, t, sub, p[1], p[2], false);
                }
                case "target4", "origin4" -> {
                    int sub = kind.equals("target4") ? ExtendedCommunity.SUB_ROUTE_TARGET : ExtendedCommunity.SUB_ROUTE_ORIGIN;
                    return routeTargetOrOrigin(w, t, sub, p[1], p[2], true);
                }
                case "redirect" -> {
                    return ExtendedCommunity.twoOctetAs(0x80, 0x08, part(w, t, p[1], "AS", 0xFFFF),
                            part(w, t, p[2], "value", U32));
                }
                case "mup" -> {
                    return ExtendedCommunity.twoOctetAs(0x0C, 0x00, part(w, t, p[1], "segment id", 0xFFFF),
                            part(w, t, p[2], "segment id", U32));
                }
                default -> { }
            }
        }
        if (p.length == 5 && kind.equals("l2info")) {
            long v = 0x800AL << 48 | part(w, t, p[1], "encapsulation", 0xFF) << 40 | part(w, t, p[2], "control flags", 0xFF) << 32
                    | part(w, t, p[3], "MTU", 0xFFFF) << 16 | part(w, t, p[4], "reserved", 0xFFFF);
            return new ExtendedCommunity(v);
        }
        throw w.error(t, "'" + t + "' is not an extended community (expected target:, origin:, target4:, origin4:, "
                + "redirect:, l2info:, mup: or 0x followed by 16 hex digits)");
    }

    /** Route target or origin: ASN:N (2-byte AS, else 4-byte AS form), IP:N, or ASN:IP. */
    private static ExtendedCommunity routeTargetOrOrigin(Words w, Token t, int sub, String admin, String value,
                                                         boolean fourOctet) {
        if (admin.contains(".")) {
            long ip = ipv4(w, t, admin);
            return ExtendedCommunity.ipv4(0x01, sub, ip, (int) part(w, t, value, "value", 0xFFFF));
        }
        if (admin.endsWith("l")) { // ExaBGP's "120000L": the 4-byte AS form
            admin = admin.substring(0, admin.length() - 1);
            fourOctet = true;
        }
        long as = part(w, t, admin, "AS", U32);
        if (value.contains(".")) {
            return ExtendedCommunity.twoOctetAs(0x00, sub, checkAs2(w, t, as), ipv4(w, t, value));
        }
        if (fourOctet || as > 0xFFFF) {
            // ExaBGP sends the 4-byte AS form with type 0x01 (conformance data, conf-extended-attributes)
            return ExtendedCommunity.fourOctetAs(0x01, sub, as, (int) part(w, t, value, "value", 0xFFFF));
        }
        return ExtendedCommunity.twoOctetAs(0x00, sub, as, part(w, t, value, "value", U32));
    }

    private static long checkAs2(Words w, Token t, long as) {
        if (as > 0xFFFF) {
            throw w.error(t, "AS " + as + " does not fit the 2-byte AS form needed with an IP value");
        }
        return as;
    }

    private static long ipv4(Words w, Token t, String s) {
        try {
            IpAddress a = IpAddress.parse(s);
            if (a.isIpv4()) {
                return a.lo();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw w.error(t, "'" + s + "' in '" + t + "' is not an IPv4 address");
    }

    static long part(Words w, Token t, String s, String what, long max) {
        try {
            long v = Long.parseLong(s);
            if (v >= 0 && v <= max) {
                return v;
            }
            throw w.error(t, what + " " + v + " out of range in '" + t + "' (expected 0.." + max + ")");
        } catch (NumberFormatException e) {
            throw w.error(t, "'" + s + "' in '" + t + "' is not a number (expected " + what + ")");
        }
    }

    /** as-path [ 1 2 ( 3 4 ) 5 ] : numbers form AS_SEQUENCE segments, parentheses an AS_SET. */
    static AsPath asPath(Words w) {
        List<Token> items = w.list("AS path");
        List<AsPathSegment> segments = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        List<Long> set = null;
        for (Token t : items) {
            if (t.is("(")) {
                flush(segments, run, AsPathSegment.AS_SEQUENCE);
                set = new ArrayList<>();
            } else if (t.is(")")) {
                if (set == null) {
                    throw w.error(t, "')' without '(' in AS path");
                }
                flush(segments, set, AsPathSegment.AS_SET);
                set = null;
            } else {
                long as = w.number(t, "AS number", 0, U32);
                (set != null ? set : run).add(as);
            }
        }
        flush(segments, run, AsPathSegment.AS_SEQUENCE);
        return new AsPath(segments);
    }

    private static void flush(List<AsPathSegment> segments, List<Long> asns, int type) {
        for (int i = 0; i < asns.size(); i += 255) {
            segments.add(new AsPathSegment(type, asns.subList(i, Math.min(asns.size(), i + 255))));
        }
        asns.clear();
    }

    /** aggregator ( AS:IP ) or aggregator AS:IP. */
    static Aggregator aggregator(Words w) {
        boolean paren = w.accept("(");
        Token t = w.next("aggregator AS:IP");
        String[] p = t.text().split(":", -1);
        if (p.length != 2) {
            throw w.error(t, "'" + t + "' is not an aggregator (expected AS:IP)");
        }
        Aggregator a = new Aggregator(part(w, t, p[0], "AS", U32), ipv4(w, t, p[1]));
        if (paren && !w.accept(")")) {
            throw w.error(w.peek(), "missing ')' after the aggregator");
        }
        return a;
    }

    /** bgp-prefix-sid [ INDEX ] or [ INDEX, [ ( BASE,RANGE ), … ] ]. */
    static PrefixSid prefixSid(Words w) {
        Token open = w.next("'[' and the label index");
        if (!open.is("[")) {
            throw w.error(open, "expected '[' after bgp-prefix-sid");
        }
        long index = w.number("label index", 0, U32);
        List<PrefixSid.Tlv> tlvs = new ArrayList<>();
        WireWriter li = new WireWriter(7);
        li.put8(0).put16(0).put32(index);
        tlvs.add(new PrefixSid.Tlv(PrefixSid.LABEL_INDEX, li.toBytes(0, li.position())));
        if (w.accept(",")) {
            WireWriter srgb = new WireWriter(32);
            srgb.put16(0);
            if (!w.accept("[")) {
                throw w.error(w.peek(), "expected '[' before the SRGB ranges");
            }
            while (!w.accept("]")) {
                if (w.accept(",")) {
                    continue;
                }
                if (!w.accept("(")) {
                    throw w.error(w.peek(), "expected '( BASE,RANGE )'");
                }
                long base = w.number("SRGB base", 0, 0xFFFFFF);
                if (!w.accept(",")) {
                    throw w.error(w.peek(), "expected ',' between SRGB base and range");
                }
                long range = w.number("SRGB range", 0, 0xFFFFFF);
                if (!w.accept(")")) {
                    throw w.error(w.peek(), "expected ')' after the SRGB range");
                }
                srgb.put24((int) base).put24((int) range);
            }
            tlvs.add(new PrefixSid.Tlv(PrefixSid.ORIGINATOR_SRGB, srgb.toBytes(0, srgb.position())));
        }
        if (!w.accept("]")) {
            throw w.error(w.peek(), "expected ']' to close bgp-prefix-sid");
        }
        return new PrefixSid(tlvs);
    }

    /**
     * bgp-prefix-sid-srv6 ( l3-service|l2-service SID [BEHAVIOR [ [ LBL, LNL, FL, AL, TL, TO ] ] ] ): one SRv6
     * service TLV (RFC 9252); the behaviour defaults to 0xFFFF, as ExaBGP's does.
     */
    static PrefixSid prefixSidSrv6(Words w) {
        if (!w.accept("(")) {
            throw w.error(w.peek(), "expected '(' after bgp-prefix-sid-srv6");
        }
        Token service = w.next("l3-service or l2-service");
        int type = switch (service.text().toLowerCase(Locale.ROOT)) {
            case "l3-service" -> PrefixSid.SRV6_L3_SERVICE;
            case "l2-service" -> PrefixSid.SRV6_L2_SERVICE;
            default -> throw w.error(service, "unknown SRv6 service '" + service
                    + "' (expected l3-service or l2-service)");
        };
        Token sidAt = w.next("SRv6 SID (an IPv6 address)");
        IpAddress sid = w.ip(sidAt, "SRv6 SID (an IPv6 address)");
        if (sid.isIpv4()) {
            throw w.error(sidAt, "SRv6 SID " + sid + " must be an IPv6 address");
        }
        int behavior = 0xFFFF;
        Srv6Service.SidStructure structure = null;
        if (!w.accept(")")) {
            behavior = (int) w.number("endpoint behavior", 0, 0xFFFF);
            if (w.accept("[")) {
                int[] v = new int[6];
                for (int i = 0; i < 6; i++) {
                    if (i > 0 && !w.accept(",")) {
                        throw w.error(w.peek(), "expected ',' between the six SID structure lengths");
                    }
                    v[i] = (int) w.number("SID structure length", 0, 255);
                }
                if (!w.accept("]")) {
                    throw w.error(w.peek(), "expected ']' after the six SID structure lengths");
                }
                structure = new Srv6Service.SidStructure(v[0], v[1], v[2], v[3], v[4], v[5]);
            }
            if (!w.accept(")")) {
                throw w.error(w.peek(), "expected ')' to close bgp-prefix-sid-srv6");
            }
        }
        return new PrefixSid(List.of(Srv6Service.tlv(type, sid, behavior, structure)));
    }

    /** attribute [ CODE FLAGS 0xVALUE ]: a known code becomes the real attribute, others stay generic. */
    static PathAttribute generic(Words w) {
        Token open = w.next("'[ CODE FLAGS VALUE ]'");
        if (!open.is("[")) {
            throw w.error(open, "expected '[' after attribute");
        }
        Token codeToken = w.peek();
        int code = (int) w.number("attribute code", 0, 255);
        if (code == PathAttribute.MP_REACH_NLRI) {
            // issue 11: it used to be accepted and then dropped when the route was sent
            throw w.error(codeToken, "attribute 14 (MP_REACH_NLRI) cannot be given raw: routes of other families "
                    + "are announced with their own prefix and next-hop");
        }
        if (code == PathAttribute.MP_UNREACH_NLRI) {
            throw w.error(codeToken, "attribute 15 (MP_UNREACH_NLRI) cannot be given raw: routes of other families "
                    + "are withdrawn with their own prefix");
        }
        int flags = (int) w.number("attribute flags", 0, 255);
        Token v = w.next("attribute value (0x…)");
        Bytes value;
        try {
            value = v.text().equalsIgnoreCase("0x") ? Bytes.EMPTY : Bytes.of(Hex.decode(v.text()));
        } catch (IllegalArgumentException e) {
            throw w.error(v, "'" + v + "' is not a hexadecimal value (" + e.getMessage() + ")");
        }
        if (!w.accept("]")) {
            throw w.error(w.peek(), "expected ']' to close attribute");
        }
        AttributeCodec codec = AttributeCodecs.get(code);
        if (codec == null) {
            return new UnknownAttribute(flags, code, value);
        }
        DecodeContext ctx = new DecodeContext(SessionOptions.DEFAULT);
        ctx.enter(codec);
        byte[] raw = value.toArray();
        PathAttribute a = codec.decode(raw, 0, raw.length, ctx);
        if (a == null) {
            throw w.error(v, "invalid value for attribute " + code + ": " + ctx.errors().get(0).reason());
        }
        return a;
    }
}
