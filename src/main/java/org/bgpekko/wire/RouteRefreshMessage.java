// ROUTE-REFRESH (RFC 2918) with the RFC 7313 subtype: 0 request, 1 BoRR, 2 EoRR.
package org.bgpekko.wire;

public record RouteRefreshMessage(Family family, int subtype) implements BgpMessage {
    public static final int REQUEST = 0;
    public static final int BEGIN = 1;
    public static final int END = 2;

    public RouteRefreshMessage {
        if (subtype < 0 || subtype > 255) {
            throw new IllegalArgumentException("route-refresh subtype out of range: " + subtype);
        }
    }

    @Override
    public int type() {
        return ROUTE_REFRESH;
    }
}
