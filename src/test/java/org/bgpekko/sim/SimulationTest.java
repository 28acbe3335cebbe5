// The simulation runs the real route server against simulated members, repeatably.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationTest {
    @Test
    void routesOfOneMemberReachTheOthers() {
        try (Simulation sim = Simulation.builder().member("a", 64501).member("b", 64502).member("c", 64503)
                .start()) {
            SimMember a = sim.member("a");
            a.announce("203.0.113.0/24", Simulation.path(a, 64999));
            sim.advance(Duration.ofSeconds(5));
            assertTrue(a.established(), "a is up");
            assertEquals(0, a.routeCount(), "a does not get its own route back");
            assertNotNull(sim.member("b").route("203.0.113.0/24"));
            assertNotNull(sim.member("c").route("203.0.113.0/24"));
            assertEquals(0, sim.foreignPosts());
        }
    }

    /** Passive server neighbours: the members connect (an incoming connection handed to the Peer, as the Listener does). */
    @Test
    void membersConnectToPassiveNeighbours() {
        String conf = Simulation.DEFAULT_TEMPLATE.replace("route-server-client true;",
                "route-server-client true; passive true;");
        try (Simulation sim = Simulation.builder().config(java.nio.file.Path.of("passive.conf"), conf)
                .member("a", 64501).member("b", 64502).start()) {
            SimMember a = sim.member("a");
            a.announce("203.0.113.0/24", Simulation.path(a));
            sim.advance(Duration.ofSeconds(2));
            assertTrue(a.established());
            assertNotNull(sim.member("b").route("203.0.113.0/24"));
            a.down(true);
            sim.advance(Duration.ofSeconds(1));
            assertEquals(0, sim.member("b").routeCount());
            a.up();
            sim.advance(Duration.ofSeconds(2));
            assertEquals(2, a.sessionsUp(), "a connected again");
            assertNotNull(sim.member("b").route("203.0.113.0/24"));
        }
    }

    /**
     * A member that stops reading leaves the server's one write in flight unread and unacknowledged: the server's
     * next UPDATEs wait in its Peer; read again, it gets them all, in order, and the session never dropped.
     */
    @Test
    void aMemberThatStopsReadingHoldsTheServersWritesUntilItReadsAgain() {
        try (Simulation sim = Simulation.builder().member("a", 64501).member("b", 64502).start()) {
            SimMember a = sim.member("a");
            SimMember b = sim.member("b");
            sim.advance(Duration.ofSeconds(5));
            assertTrue(b.established());
            long before = b.updates();
            b.stopReading();
            for (int i = 0; i < 5; i++) { // five UPDATEs (one attribute set each), each its own write
                a.announce("203.0.113." + i * 8 + "/29", Simulation.path(a, 65000 + i));
                sim.advance(Duration.ofSeconds(1));
            }
            assertEquals(0, b.routeCount(), "nothing read while it does not read");
            assertEquals(before, b.updates());
            sim.advance(Duration.ofMinutes(2)); // its KEEPALIVEs still go: the server's hold timer is fed
            b.resumeReading();
            sim.advance(Duration.ofSeconds(1));
            assertEquals(5, b.routeCount(), "the write held, then the rest");
            assertEquals(0, b.sessionsDropped());
            assertEquals(1, b.sessionsUp());
            a.withdraw("203.0.113.0/29");
            sim.advance(Duration.ofSeconds(1));
            assertEquals(4, b.routeCount(), "the session goes on");
        }
    }

    /**
     * The server's send hold timer (RFC 9687) runs on virtual time: a member that stops reading keeps its session
     * (its KEEPALIVEs still go) until 8 minutes after the last write it took (just after it came up), then loses it.
     */
    @Test
    void aMemberThatNeverReadsAgainLosesItsSessionToTheSendHoldTimer() {
        try (Simulation sim = Simulation.builder().member("a", 64501).member("b", 64502).start()) {
            SimMember b = sim.member("b");
            sim.advance(Duration.ofSeconds(5));
            assertTrue(b.established());
            b.stopReading();
            sim.advance(Duration.ofSeconds(465)); // 470 s
            assertTrue(b.established(), "before the send hold time");
            assertEquals(0, b.sessionsDropped());
            sim.advance(Duration.ofSeconds(20)); // 490 s: 480 s after its last write taken, the close lingers 2 s
            assertEquals(1, b.sessionsDropped(), "the server's send hold timer ended it");
            assertTrue(sim.member("a").established(), "the other member's session goes on");
        }
    }

    @Test
    void sameSeedSameLog() {
        String one = run(1);
        String two = run(1);
        assertEquals(one, two);
    }

    private static String run(long seed) {
        StringWriter w = new StringWriter();
        try (Simulation sim = Simulation.builder().seed(seed).events(w).member("a", 64501).member("b", 64502)
                .start()) {
            SimMember a = sim.member("a");
            a.announce("203.0.113.0/24", Simulation.path(a));
            sim.advance(Duration.ofSeconds(10));
            a.down(true);
            sim.advance(Duration.ofSeconds(10));
            a.up();
            sim.advance(Duration.ofSeconds(30));
        }
        return w.toString();
    }
}
