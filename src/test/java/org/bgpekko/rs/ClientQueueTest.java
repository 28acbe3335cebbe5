// A client's queue of prefixes to look at again: one bit per prefix, swept round and round (issue 12, memory).
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientQueueTest {
    @Test
    void aPrefixIsQueuedOnceAndTheSweepGoesOnWhereItStopped() {
        Client c = new Client(0);
        assertTrue(c.queue(5));
        assertTrue(c.queue(3));
        assertFalse(c.queue(5), "queued already");
        assertTrue(c.queue(9));
        assertEquals(3, c.queuedCount());
        assertEquals(3, c.poll());
        assertTrue(c.queue(1)); // behind the sweep: its turn comes after 5 and 9
        assertTrue(c.queue(3));
        assertEquals(5, c.poll());
        assertEquals(9, c.poll());
        assertEquals(1, c.poll());
        assertEquals(3, c.poll());
        assertFalse(c.hasQueued());
    }

    @Test
    void aPrefixQueuedAgainAndAgainDoesNotKeepTheOthersWaiting() {
        Client c = new Client(0);
        for (int p = 0; p < 1000; p++) {
            c.queue(p);
        }
        int seen = 0;
        while (c.hasQueued()) {
            int p = c.poll();
            if (p != 0) {
                seen++;
            }
            if (seen < 999) {
                c.queue(0); // prefix 0 changes after every write
            }
        }
        assertEquals(999, seen, "every other prefix was written while prefix 0 kept changing");
    }
}
