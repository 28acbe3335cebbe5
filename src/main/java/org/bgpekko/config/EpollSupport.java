// Whether this platform can apply TCP-MD5 and GTSM: they need Netty's native epoll transport (Linux x86_64).
package org.bgpekko.config;

import io.netty.channel.epoll.Epoll;

final class EpollSupport {
    private EpollSupport() {}

    /** Null when the native transport is there, else why not (for the refusal of the settings needing it). */
    static String unavailable() {
        try {
            if (Epoll.isAvailable()) {
                return null;
            }
            Throwable cause = Epoll.unavailabilityCause();
            return cause == null ? "unknown reason" : cause.getMessage();
        } catch (LinkageError e) {
            return e.toString();
        }
    }
}
