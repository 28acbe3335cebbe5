// Two loopback sessions fed by the same Rib: one peer stops reading; the other keeps its UPDATEs and keepalives.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FrozenPeerTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final int BATCH = 64;
    static final Duration RUN = Duration.ofSeconds(6);

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static NeighborConfig neighbor(int port, long peerAs) {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as " + peerAs
                + "; peer-as " + peerAs + "; hold-time 3; connect " + port + "; family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("frozen.conf"), text).neighbors().get(0);
    }

    /** A Rib that sends each established peer batch after batch, the next as soon as the last is done. */
    static Behavior<Rib.Command> feedingRib(List<Bytes> batch, Map<Long, AtomicLong> sentBatches) {
        return Behaviors.setup(ctx -> {
            Map<PeerId, ActorRef<Peer.Command>> peers = new ConcurrentHashMap<>();
            return Behaviors.receive(Rib.Command.class)
                    .onMessage(Rib.PeerUp.class, up -> {
                        peers.put(up.session().id(), up.peer());
                        up.peer().tell(new Peer.Send(up.session().generation(), batch));
                        sentBatches.get(up.session().localAs()).incrementAndGet();
                        return Behaviors.same();
                    })
                    .onMessage(Rib.SendDone.class, d -> {
                        peers.get(d.id()).tell(new Peer.Send(d.generation(), batch));
                        sentBatches.get(d.id().localAs()).incrementAndGet();
                        return Behaviors.same();
                    })
                    .onMessage(Rib.Received.class, r -> {
                        peers.get(r.id()).tell(new Peer.ReceivedAck(r.generation()));
                        return Behaviors.same();
                    })
                    .onAnyMessage(m -> Behaviors.same())
                    .build();
        });
    }

    @Test
    void aFrozenPeerDelaysNeitherKeepalivesNorUpdatesOfTheOther() throws Exception {
        List<Bytes> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(Bytes.of(LoopbackSessionTest.update(500, i))); // ~2.5 KB each, 160 KB per batch
        }
        Map<Long, AtomicLong> sent = Map.of(65001L, new AtomicLong(), 65002L, new AtomicLong());
        ActorRef<Rib.Command> rib = KIT.spawn(feedingRib(batch, sent));
        TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
        try (TestSide live = new TestSide(0); TestSide frozen = new TestSide(4096)) {
            Peer.Options o = new Peer.Options(1, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
            KIT.spawn(Peer.create(neighbor(live.port(), 65001), o, new TcpTransport(KIT.system()), rib, parent.ref()));
            ActorRef<Peer.Command> frozenPeer = KIT.spawn(Peer.create(neighbor(frozen.port(), 65002), o,
                    new TcpTransport(KIT.system()), rib, parent.ref()));
            live.accept();
            live.handshake();
            frozen.accept();
            frozen.handshake();
            frozen.read(); // its OpenConfirm KEEPALIVE; from now on the frozen side never reads again

            AtomicBoolean running = new AtomicBoolean(true);
            Thread keepalives = new Thread(() -> { // both test sides keep their end of the hold timer
                try {
                    while (running.get()) {
                        live.write(TestSide.KEEPALIVE);
                        frozen.write(TestSide.KEEPALIVE);
                        Thread.sleep(500);
                    }
                } catch (Exception e) {
                    running.set(false);
                }
            });
            keepalives.setDaemon(true);
            keepalives.start();

            List<Long> keepaliveTimes = new ArrayList<>();
            long updates = 0;
            long start = System.nanoTime();
            long deadline = start + RUN.toNanos();
            long frozenSentAtHalf = -1;
            while (System.nanoTime() < deadline) {
                byte[] m = live.read();
                if (m[18] == 4) {
                    keepaliveTimes.add(System.nanoTime());
                } else if (m[18] == 2) {
                    updates++;
                }
                if (frozenSentAtHalf < 0 && System.nanoTime() - start > RUN.toNanos() / 2) {
                    frozenSentAtHalf = sent.get(65002L).get();
                }
            }
            long frozenSentAtEnd = sent.get(65002L).get();

            // the live session: keepalives every second (hold 3), never a gap of 2 s, UPDATEs all along
            long maxGapMs = 0;
            for (int i = 1; i < keepaliveTimes.size(); i++) {
                maxGapMs = Math.max(maxGapMs, (keepaliveTimes.get(i) - keepaliveTimes.get(i - 1)) / 1_000_000);
            }
            System.out.printf("live: %d keepalives, max gap %d ms, %d UPDATEs (%d batches); frozen: %d batches "
                    + "sent (%d at half time)%n", keepaliveTimes.size(), maxGapMs, updates, sent.get(65001L).get(),
                    frozenSentAtEnd, frozenSentAtHalf);
            assertTrue(keepaliveTimes.size() >= RUN.toSeconds() - 2, "keepalives: " + keepaliveTimes.size());
            assertTrue(maxGapMs < 1800, "largest keepalive gap " + maxGapMs + " ms");
            assertTrue(updates > 10L * BATCH, "live UPDATEs: " + updates);
            // the frozen session: its socket is full, so its Peer stopped asking the Rib for more
            assertEquals(frozenSentAtHalf, frozenSentAtEnd, "the frozen peer's output grew in the second half");
            assertTrue(frozenSentAtEnd < sent.get(65001L).get(), "frozen got as many batches as the live peer");

            // and its actor still answers at once
            TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
            long t0 = System.nanoTime();
            frozenPeer.tell(new Peer.Shutdown(stopped.ref()));
            stopped.expectMessageClass(Peer.Stopped.class, Duration.ofSeconds(3));
            System.out.printf("frozen peer stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            running.set(false);
        }
    }
}
