// The NLRI words of a MUP route (ExaBGP's mup): "mup-isd PREFIX rd RD", "mup-dsd IP rd RD",
// "mup-t1st PREFIX rd RD teid N qfi N endpoint IP [source IP]", "mup-t2st IP rd RD teid N/BITS".
package org.bgpekko.config;

import java.util.Locale;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.mup.MupRoute;

final class MupWords implements RouteParser.NlriWords {
    private final Family family;
    private final Token typeAt;
    private final int routeType;
    private IpPrefix prefix;
    private IpAddress address;
    private long teid = -1;
    private int teidBits = -1;
    private int qfi = -1;
    private IpAddress endpoint;
    private IpAddress source;

    /** Reads the route type word and the prefix or address that follows it. */
    MupWords(Family family, Words w) {
        this.family = family;
        this.typeAt = w.next("MUP route type (mup-isd, mup-dsd, mup-t1st or mup-t2st)");
        this.routeType = switch (typeAt.text().toLowerCase(Locale.ROOT)) {
            case "mup-isd" -> MupRoute.ISD;
            case "mup-dsd" -> MupRoute.DSD;
            case "mup-t1st" -> MupRoute.T1ST;
            case "mup-t2st" -> MupRoute.T2ST;
            default -> throw w.error(typeAt, "unknown MUP route type '" + typeAt
                    + "' (expected mup-isd, mup-dsd, mup-t1st or mup-t2st)");
        };
        if (routeType == MupRoute.ISD || routeType == MupRoute.T1ST) {
            Token t = w.next("prefix");
            try {
                prefix = IpPrefix.parse(t.text());
            } catch (IllegalArgumentException e) {
                throw w.error(t, "'" + t + "' is not a prefix (" + e.getMessage() + ")");
            }
            if (prefix.afi() != family.afi()) {
                throw w.error(t, "prefix " + prefix + " is not an " + family.afiName() + " prefix");
            }
        } else {
            address = w.ip(routeType == MupRoute.DSD ? "address" : "endpoint address", family);
        }
    }

    Token at() {
        return typeAt;
    }

    @Override
    public boolean read(Token key, Words w) {
        String k = key.text().toLowerCase(Locale.ROOT);
        switch (routeType) {
            case MupRoute.T1ST -> {
                switch (k) {
                    case "teid" -> teid = w.number("TEID", 0, 0xFFFFFFFFL);
                    case "qfi" -> qfi = (int) w.number("QFI", 0, 255);
                    case "endpoint" -> endpoint = w.ip("endpoint address", family);
                    case "source" -> source = w.ip("source address", family);
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            case MupRoute.T2ST -> {
                if (!k.equals("teid")) {
                    return false;
                }
                Token t = w.next("TEID/BITS");
                String[] p = t.text().split("/", -1);
                if (p.length != 2) {
                    throw w.error(t, "'" + t + "' is not a TEID (expected TEID/BITS, BITS 0.." + MupRoute.MAX_TEID_BITS
                            + ")");
                }
                teidBits = (int) AttributeParsers.part(w, t, p[1], "TEID length", MupRoute.MAX_TEID_BITS);
                teid = AttributeParsers.part(w, t, p[0], "TEID", 0xFFFFFFFFL);
                if (teid >>> teidBits != 0) {
                    throw w.error(t, "TEID " + teid + " does not fit " + teidBits + " bits");
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public Nlri build(Words w, Token at, RouteDistinguisher rd) {
        String missing = rd == null ? "rd" : null;
        if (routeType == MupRoute.T1ST) {
            missing = missing != null ? missing : teid < 0 ? "teid" : qfi < 0 ? "qfi" : endpoint == null ? "endpoint"
                    : null;
        } else if (routeType == MupRoute.T2ST && missing == null && teid < 0) {
            missing = "teid";
        }
        if (missing != null) {
            throw w.error(typeAt, "MUP " + typeAt + " route has no " + missing);
        }
        return switch (routeType) {
            case MupRoute.ISD -> MupRoute.isd(family, rd, prefix);
            case MupRoute.DSD -> MupRoute.dsd(family, rd, address);
            case MupRoute.T1ST -> MupRoute.t1st(family, rd, prefix, teid, qfi, endpoint, source);
            default -> MupRoute.t2st(family, rd, address, teid, teidBits);
        };
    }

    /** As ExaBGP: an IPv4 next hop of an IPv6 MUP route is sent as ::ffff:a.b.c.d. */
    @Override
    public IpAddress nextHop(IpAddress given) {
        if (family.afi() == Family.AFI_IPV6 && given.isIpv4() && given.lo() != 0) {
            return new IpAddress(Family.AFI_IPV6, 0, 0xFFFF00000000L | given.lo());
        }
        return given;
    }
}
