// ExaBGP's reconnect delay: 0 s after a session that was up or a teardown, then 1, 2, 3, 4, 5, 7, 9 ... up to 60 s.
package org.bgpekko.peer;

import java.time.Duration;

final class Backoff {
    static final int MAX_SECONDS = 60;
    private int next;

    /** The wait before the next connection attempt; each call lengthens the one after. */
    Duration next() {
        int now = next;
        next = Math.min((int) (1 + next * 1.2), MAX_SECONDS);
        return Duration.ofSeconds(now);
    }

    /** After an established session, a teardown or an accepted connection: reconnect at once. */
    void reset() {
        next = 0;
    }
}
