// The NLRI words of an MVPN route (ExaBGP's mcast-vpn): "source-ad source IP group IP rd RD",
// "shared-join rp IP group IP rd RD source-as N", "source-join source IP group IP rd RD source-as N".
package org.bgpekko.config;

import java.util.Locale;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;

final class MvpnWords implements RouteParser.NlriWords {
    private final Family family;
    private final Token typeAt;
    private final int routeType;
    private IpAddress source;
    private IpAddress group;
    private long sourceAs = -1;

    /** Reads the route type word that starts an MVPN route. */
    MvpnWords(Family family, Words w) {
        this.family = family;
        this.typeAt = w.next("MVPN route type (source-ad, shared-join or source-join)");
        this.routeType = switch (typeAt.text().toLowerCase(Locale.ROOT)) {
            case "source-ad" -> MvpnRoute.SOURCE_AD;
            case "shared-join" -> MvpnRoute.SHARED_JOIN;
            case "source-join" -> MvpnRoute.SOURCE_JOIN;
            default -> throw w.error(typeAt, "unknown MVPN route type '" + typeAt
                    + "' (expected source-ad, shared-join or source-join)");
        };
    }

    Token at() {
        return typeAt;
    }

    @Override
    public boolean read(Token key, Words w) {
        String k = key.text().toLowerCase(Locale.ROOT);
        boolean rp = routeType == MvpnRoute.SHARED_JOIN;
        if (k.equals(rp ? "rp" : "source")) {
            source = w.ip(rp ? "RP address" : "source address", family);
        } else if (k.equals("group")) {
            group = w.ip("group address", family);
        } else if (k.equals("source-as") && routeType != MvpnRoute.SOURCE_AD) {
            sourceAs = w.number("source-as", 0, 0xFFFFFFFFL);
        } else {
            return false;
        }
        return true;
    }

    @Override
    public Nlri build(Words w, Token at, RouteDistinguisher rd) {
        boolean rp = routeType == MvpnRoute.SHARED_JOIN;
        String missing = source == null ? (rp ? "rp" : "source") : group == null ? "group" : rd == null ? "rd"
                : sourceAs < 0 && routeType != MvpnRoute.SOURCE_AD ? "source-as" : null;
        if (missing != null) {
            throw w.error(typeAt, "MVPN " + typeAt + " route has no " + missing);
        }
        return routeType == MvpnRoute.SOURCE_AD ? MvpnRoute.sourceAd(family, rd, source, group)
                : MvpnRoute.cMulticast(family, routeType, rd, sourceAs, source, group);
    }
}
