// Route refresh capability (code 2, RFC 2918): no value.
package org.bgpekko.wire.capability;

public record RouteRefresh() implements Capability {
    @Override
    public int code() {
        return ROUTE_REFRESH;
    }
}
