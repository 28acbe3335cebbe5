// How long a neighbour whose Peer failed waits before a new Peer starts: doubling, and starting over after a quiet time.
package org.bgpekko.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.bgpekko.peer.PeerId;

/** First {@code first}, doubling up to {@code max}; a failure more than four times {@code max} after the last starts over. */
final class RestartBackoff {
    private final Duration first;
    private final Duration max;
    private final Map<PeerId, Integer> failures = new HashMap<>();
    private final Map<PeerId, Long> last = new HashMap<>();

    RestartBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** A Peer of {@code id} failed at {@code nanos}: how long until the next one starts. */
    Duration failed(PeerId id, long nanos) {
        Long previous = last.put(id, nanos);
        if (previous != null && nanos - previous > max.multipliedBy(4).toNanos()) {
            failures.remove(id); // the previous Peer ran long enough
        }
        int n = failures.merge(id, 1, Integer::sum);
        Duration wait = first.multipliedBy(1L << Math.min(n - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The neighbour is gone. */
    void forget(PeerId id) {
        failures.remove(id);
        last.remove(id);
    }
}
