// The back-off before a failed Peer is replaced.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.bgpekko.peer.PeerId;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
    @Test
    void doublesUpToItsMaximumAndStartsOverAfterAQuietTime() {
        RestartBackoff b = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        PeerId id = new PeerId(IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), 65000, 65001);
        long t = 0;
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            assertEquals(Duration.ofSeconds(seconds), b.failed(id, t));
            t += Duration.ofSeconds(seconds).toNanos();
        }
        t += Duration.ofMinutes(3).toNanos();
        assertEquals(Duration.ofSeconds(1), b.failed(id, t), "a Peer that ran two minutes and more: start over");
        b.forget(id);
        assertEquals(Duration.ofSeconds(1), b.failed(id, t + 1));
    }
}
