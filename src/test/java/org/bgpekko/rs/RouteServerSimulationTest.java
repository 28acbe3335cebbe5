// The route server's RFC 7947 behaviour, checked on a simulated exchange: no path hiding, and what member failures do.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bgpekko.sim.SimMember;
import org.bgpekko.sim.Simulation;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.PathAttributes;
import org.junit.jupiter.api.Test;

class RouteServerSimulationTest {
    private static final String P = "203.0.113.0/24";

    private static Simulation exchange() {
        return Simulation.builder().member("a", 64501).member("b", 64502).member("c", 64503).start();
    }

    /** The first AS of the AS_PATH a member holds for {@code prefix}: whose path it got. */
    private static long firstAs(SimMember m, String prefix) {
        PathAttributes a = m.route(prefix);
        assertNotNull(a, m.name() + " holds no route for " + prefix);
        AsPath path = a.list().stream().filter(AsPath.class::isInstance).map(AsPath.class::cast).findFirst()
                .orElseThrow();
        return path.segments().get(0).asns().get(0);
    }

    /**
     * RFC 7947 section 2.3.2.1: a's path is the best (shorter AS_PATH), so a route server with one Loc-RIB would
     * give a nothing (its own best is not sent back to it) and hide b's path from it. Each client gets the best of
     * the others' paths: a gets b's.
     */
    @Test
    void noPathHiding() {
        try (Simulation sim = exchange()) {
            SimMember a = sim.member("a");
            SimMember b = sim.member("b");
            SimMember c = sim.member("c");
            a.announce(P, Simulation.path(a));
            b.announce(P, Simulation.path(b, 64999, 64998));
            sim.advance(Duration.ofSeconds(5));
            assertEquals(64502, firstAs(a, P), "a gets b's path, not nothing");
            assertEquals(64501, firstAs(b, P), "b gets a's, the best");
            assertEquals(64501, firstAs(c, P), "c gets a's, the best");

            a.withdraw(P);
            sim.advance(Duration.ofSeconds(1));
            assertEquals(64502, firstAs(c, P), "c falls back to b's");
            assertEquals(64502, firstAs(a, P));
            assertNull(b.route(P), "b has no other path than its own");
        }
    }

    /** A member whose link breaks: its routes leave the others at once, the next best takes over, and come back. */
    @Test
    void memberDownWithdrawsItsRoutesAndTheNextBestTakesOver() {
        try (Simulation sim = exchange()) {
            SimMember a = sim.member("a");
            SimMember b = sim.member("b");
            SimMember c = sim.member("c");
            a.announce(P, Simulation.path(a));
            a.announce("198.51.100.0/24", Simulation.path(a));
            b.announce(P, Simulation.path(b, 64999));
            sim.advance(Duration.ofSeconds(5));
            assertEquals(2, c.routeCount());
            assertEquals(64501, firstAs(c, P));

            a.down(false);
            sim.advance(Duration.ofMillis(100));
            assertEquals(1, c.routeCount(), "a's own prefix is withdrawn");
            assertEquals(64502, firstAs(c, P), "b's path replaces a's");
            assertEquals(0, c.sessionsDropped(), "the others' sessions stay");

            a.up();
            sim.advance(Duration.ofSeconds(30)); // the server's next connection attempt, within its back-off
            assertTrue(a.established());
            assertEquals(2, c.routeCount());
            assertEquals(64501, firstAs(c, P));
        }
    }

    /**
     * A member that goes silent with its TCP connection up: nothing changes until the server's hold timer (90 s)
     * expires, then its routes are withdrawn. Virtual time makes the 90 seconds exact and instant.
     */
    @Test
    void silentMemberIsDroppedWhenTheHoldTimerExpires() {
        try (Simulation sim = exchange()) {
            SimMember a = sim.member("a");
            SimMember c = sim.member("c");
            a.announce(P, Simulation.path(a));
            sim.advance(Duration.ofSeconds(5));
            a.silent();
            sim.advance(Duration.ofSeconds(84)); // 89 s: a last spoke at 5 s (its OPEN's hold time is 90 s)
            assertNotNull(c.route(P), "within the hold time the route stays");
            sim.advance(Duration.ofSeconds(2));
            assertNull(c.route(P), "after the hold time it is gone");
            sim.advance(Duration.ofSeconds(5)); // the server closes after its linger; a, not dead, is back
            assertEquals(1, a.sessionsDropped(), "the server ended a's session");
            assertEquals(2, a.sessionsUp());
            assertNotNull(c.route(P));
        }
    }

    /** A broken header ends that member's session (NOTIFICATION 1/1), and only its. */
    @Test
    void malformedHeaderEndsOnlyThatSession() {
        try (Simulation sim = exchange()) {
            SimMember a = sim.member("a");
            SimMember b = sim.member("b");
            SimMember c = sim.member("c");
            a.announce(P, Simulation.path(a));
            b.announce("198.51.100.0/24", Simulation.path(b));
            sim.advance(Duration.ofSeconds(5));
            a.sendMalformed("marker");
            sim.advance(Duration.ofMillis(3)); // 1 ms to the server, its NOTIFICATION and c's withdrawal 1 ms back
            assertEquals(1, a.notificationsReceived());
            assertFalse(a.established());
            assertNull(c.route(P));
            assertNotNull(c.route("198.51.100.0/24"));
            sim.advance(Duration.ofSeconds(5)); // the server reconnects at once
            assertEquals(2, a.sessionsUp());
            assertNotNull(c.route(P));
            assertEquals(List.of(0L, 0L), List.of(b.sessionsDropped(), c.sessionsDropped()));
        }
    }

    /** An UPDATE with a bad ORIGIN is treat-as-withdraw (RFC 7606): its prefix is not relayed, the session stays. */
    @Test
    void badOriginIsTreatAsWithdraw() {
        try (Simulation sim = exchange()) {
            SimMember a = sim.member("a");
            SimMember c = sim.member("c");
            a.announce(P, Simulation.path(a));
            sim.advance(Duration.ofSeconds(5));
            a.sendMalformed("origin");
            sim.advance(Duration.ofSeconds(1));
            assertTrue(a.established());
            assertNull(c.route("198.18.0.0/24"));
            assertNotNull(c.route(P));
        }
    }
}
