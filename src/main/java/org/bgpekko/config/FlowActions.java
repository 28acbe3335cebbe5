// The "then" and "scope" words of a flow route, as ExaBGP reads them: traffic actions as extended communities
// (RFC 8955 section 7), redirect next hops, communities, and interface-set (draft-ietf-idr-flowspec-interfaceset).
package org.bgpekko.config;

import java.util.Locale;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunity;
import org.bgpekko.wire.nlri.IpAddress;

final class FlowActions {
    /** ExaBGP's ceiling for rate-limit (bytes per second); it lowers larger values to it, bgpekko refuses them. */
    static final long MAX_RATE = 1_000_000_000_000L;

    private FlowActions() {}

    /** Traffic-rate (0x8006) with AS 0, as ExaBGP (after Juniper and Arbor) sends it; discard is rate 0. */
    static ExtendedCommunity trafficRate(long bytesPerSecond) {
        return new ExtendedCommunity(0x8006L << 48 | (Float.floatToIntBits((float) bytesPerSecond) & 0xFFFFFFFFL));
    }

    static ExtendedCommunity rateLimit(Words w) {
        Token t = w.next("rate in bytes per second");
        long rate = w.number(t, "rate-limit", 0, Long.MAX_VALUE);
        if (rate > MAX_RATE) {
            throw w.error(t, "rate-limit " + rate + " is above " + MAX_RATE + " (ExaBGP would send " + MAX_RATE
                    + " instead; write that)");
        }
        return trafficRate(rate);
    }

    /** Redirect to next hop (draft-simpson-idr-flowspec-redirect, 0x0800), with the copy bit for "copy". */
    static ExtendedCommunity nextHopSimpson(boolean copy) {
        return new ExtendedCommunity(0x0800L << 48 | (copy ? 1 : 0));
    }

    /** What "redirect X" means: a next hop (IPv4 or IPv6) with 0x0800, or a route target AS:N. */
    record Redirect(IpAddress nextHop, ExtendedCommunity community) {}

    /**
     * ExaBGP's bracketed forms ({@code [IPv6]}, {@code [IPv6]:N}) never reach its redirect parser, whose tokenizer
     * splits the brackets off; they are not read here either.
     */
    static Redirect redirect(Words w) {
        Token t = w.next("redirect target (AS:N or an IP)");
        String s = t.text();
        int colons = (int) s.chars().filter(c -> c == ':').count();
        if (colons != 1) {
            return new Redirect(w.ip(t, "redirect target (AS:N or an IP)"), nextHopSimpson(false));
        }
        String[] p = s.split(":", 2);
        if (p[0].contains(".")) {
            throw w.error(t, "redirect IP:N is not supported, as in ExaBGP (expected AS:N, or an IP to redirect to "
                    + "as next hop)");
        }
        long as = AttributeParsers.part(w, t, p[0], "redirect AS", 0xFFFFFFFFL);
        if (as > 0xFFFF) {
            // RFC 7674 4-octet-AS redirect (0x8208): a 16-bit local administrator
            long n = AttributeParsers.part(w, t, p[1], "redirect value (16 bits with a 4-byte AS)", 0xFFFF);
            return new Redirect(null, ExtendedCommunity.fourOctetAs(0x82, 0x08, as, (int) n));
        }
        long n = AttributeParsers.part(w, t, p[1], "redirect value", 0xFFFFFFFFL);
        return new Redirect(null, ExtendedCommunity.twoOctetAs(0x80, 0x08, as, n));
    }

    /** Redirect to an IP next hop (draft-ietf-idr-flowspec-redirect-ip): 0x010C, or 0x000C in attribute 25. */
    static Object redirectIetf(Words w) {
        IpAddress ip = w.ip("redirect-to-nexthop-ietf address");
        if (ip.isIpv4()) {
            return ExtendedCommunity.ipv4(0x01, 0x0C, ip.lo(), 0);
        }
        return new Ipv6ExtendedCommunity(0x00, 0x0C, ip, 0);
    }

    /** Traffic-marking (0x8009): a DSCP 0..63 in the last byte. */
    static ExtendedCommunity mark(Words w) {
        Token t = w.next("DSCP value");
        if (!t.text().matches("[0-9]+")) {
            throw w.error(t, "'" + t + "' is not a DSCP value (expected 0..63)");
        }
        return new ExtendedCommunity(0x8009L << 48 | w.number(t, "DSCP", 0, 63));
    }

    /** Traffic-action (0x8007): sample (0x02) and terminal (0x01) bits; ExaBGP looks for the words inside. */
    static ExtendedCommunity action(Words w) {
        Token t = w.next("sample, terminal or sample-terminal");
        String s = t.text().toLowerCase(Locale.ROOT);
        boolean sample = s.contains("sample");
        boolean terminal = s.contains("terminal");
        if (!sample && !terminal) {
            throw w.error(t, "'" + t + "' is not a flow action (expected sample, terminal or sample-terminal)");
        }
        return new ExtendedCommunity(0x8007L << 48 | (sample ? 2 : 0) | (terminal ? 1 : 0));
    }

    /** "transitive|non-transitive:input|output|input-output:AS:GROUP" (types 0x07 / 0x47, sub-type 0x02). */
    static ExtendedCommunity interfaceSet(Words w, Token t) {
        String[] p = t.text().split(":", -1);
        if (p.length != 4) {
            throw w.error(t, "'" + t + "' is not an interface-set (expected transitive|non-transitive:"
                    + "input|output|input-output:AS:GROUP)");
        }
        int type = switch (p[0]) {
            case "transitive" -> 0x07;
            case "non-transitive" -> 0x47;
            default -> throw w.error(t, "'" + p[0] + "' in '" + t + "' is not transitive or non-transitive");
        };
        int direction = switch (p[1]) {
            case "input" -> 1;
            case "output" -> 2;
            case "input-output" -> 3;
            default -> throw w.error(t, "'" + p[1] + "' in '" + t + "' is not input, output or input-output");
        };
        if (p[2].contains(".")) {
            throw w.error(t, "the AS of '" + t + "' must be a 32-bit number");
        }
        long as = AttributeParsers.part(w, t, p[2], "interface-set AS", 0xFFFFFFFFL);
        long group = AttributeParsers.part(w, t, p[3], "interface-set group id (14 bits)", 0x3FFF);
        return new ExtendedCommunity((long) type << 56 | 0x02L << 48 | as << 16 | (long) direction << 14 | group);
    }
}
