// A BGP message (RFC 4271 section 4): the five types bgpekko speaks.
package org.bgpekko.wire;

public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefreshMessage {
    int HEADER_LENGTH = 19;
    int MARKER_LENGTH = 16;

    int OPEN = 1;
    int UPDATE = 2;
    int NOTIFICATION = 3;
    int KEEPALIVE = 4;
    int ROUTE_REFRESH = 5;

    int type();

    static String typeName(int type) {
        return switch (type) {
            case OPEN -> "open";
            case UPDATE -> "update";
            case NOTIFICATION -> "notification";
            case KEEPALIVE -> "keepalive";
            case ROUTE_REFRESH -> "refresh";
            default -> "unknown (" + type + ")";
        };
    }
}
