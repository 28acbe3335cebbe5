// Enhanced route refresh capability (code 70, RFC 7313): no value.
package org.bgpekko.wire.capability;

public record EnhancedRouteRefresh() implements Capability {
    @Override
    public int code() {
        return ENHANCED_ROUTE_REFRESH;
    }
}
