// Hostile peers on loopback: flapping, never reading, flooding, sending garbage; each outcome asserted and bounded.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HostilePeerTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static NeighborConfig neighbor(int port, int hold) {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65001; hold-time " + hold + "; connect " + port + "; family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("hostile.conf"), text).neighbors().get(0);
    }

    static ActorRef<Peer.Command> peer(TestSide side, int hold, ActorRef<Rib.Command> rib) {
        TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
        return KIT.spawn(Peer.create(neighbor(side.port(), hold), LoopbackSessionTest.options(),
                new TcpTransport(KIT.system()), rib, parent.ref()));
    }

    static void establish(TestSide side, TestProbe<Rib.Command> rib) throws IOException {
        side.accept();
        side.handshake();
        assertArrayEquals(TestSide.KEEPALIVE, side.read());
        rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
    }

    static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Sockets of this machine in CLOSE-WAIT (state 08) whose remote port is {@code port}. */
    static long closeWait(int port) throws IOException {
        String rem = String.format(":%04X ", port);
        long n = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && (f[2] + " ").endsWith(rem) && f[3].equals("08")) {
                    n++;
                }
            }
        }
        return n;
    }

    static Notification notification(byte[] m) {
        return (Notification) MessageCodec.decode(m, SessionOptions.DEFAULT);
    }

    /** Reads messages until a NOTIFICATION (KEEPALIVEs skipped), then expects the end of the stream. */
    static Notification notificationThenClose(TestSide side) throws IOException {
        byte[] m = side.read();
        while (m[18] == 4) {
            m = side.read();
        }
        Notification n = notification(m);
        try {
            side.read();
            throw new AssertionError("the connection stayed open after " + n);
        } catch (EOFException expected) {
            return n;
        }
    }

    @Test
    void aPeerThatFlaps200TimesLeavesNoSocketNoFileAndNoThreadBehind() throws Exception {
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = peer(side, 30, rib.ref());
            for (int warmup = 0; warmup < 5; warmup++) {
                establish(side, rib);
                side.socket.close();
                rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(10));
            }
            Thread.sleep(TcpTransport.LINGER.toMillis() + 500);
            long fds = openFds();
            int threads = threads();
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int round = 0; round < 200; round++) {
                    establish(side, rib);
                    side.socket.close(); // the peer closes first
                    rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(10));
                }
            });
            Thread.sleep(TcpTransport.LINGER.toMillis() + 500);
            assertEquals(0, closeWait(side.port()), "sockets left in CLOSE-WAIT");
            assertTrue(openFds() <= fds + 2, "file descriptors: " + fds + " before, " + openFds() + " after");
            assertTrue(threads() <= threads + 4, "threads: " + threads + " before, " + threads() + " after");
            TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
            peer.tell(new Peer.Shutdown(stopped.ref()));
            stopped.expectMessageClass(Peer.Stopped.class, Duration.ofSeconds(5));
        }
    }

    @Test
    void badHeadersGetTheirNotificationAtOnceNotAfterAHoldTime() throws Exception {
        String marker = "FF".repeat(16);
        List<String> headers = List.of(marker + "1388" + "01", marker + "FFFF" + "02", marker + "0011" + "04",
                marker + "0000" + "02", "00".repeat(16) + "0013" + "04");
        List<List<Integer>> expected = List.of(List.of(1, 2), List.of(1, 2), List.of(1, 2), List.of(1, 2),
                List.of(1, 1));
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = peer(side, 30, rib.ref()); // OpenSent waits 60 s for an OPEN
            for (int i = 0; i < headers.size(); i++) {
                side.accept();
                side.socket.setSoTimeout(3_000); // far below the 60 s OpenSent hold time
                side.read(); // our OPEN
                side.write(Bytes.fromHex(headers.get(i)).toArray());
                Notification n = notificationThenClose(side);
                assertEquals(expected.get(i), List.of(n.code(), n.subcode()), headers.get(i));
                side.socket.close();
            }
            // and in Established: 16 zero bytes as the marker are 1/1, not a hold timer's 4/0
            establish(side, rib);
            side.write(new byte[19]);
            Notification n = notificationThenClose(side);
            assertEquals(List.of(1, 1), List.of(n.code(), n.subcode()));
            rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
            KIT.stop(peer);
        }
    }

    @Test
    void garbageBytesEndTheSessionWithAHeaderErrorAndTheSpeakerReconnects() throws Exception {
        byte[] garbage = new byte[1 << 20];
        new Random(7).nextBytes(garbage);
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = peer(side, 30, rib.ref());
            establish(side, rib);
            Thread writer = new Thread(() -> {
                try {
                    side.write(garbage);
                } catch (IOException e) {
                    // the speaker closed the connection mid-flood
                }
            });
            writer.start();
            Notification n = notificationThenClose(side);
            assertEquals(1, n.code());
            rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
            writer.join(5_000);
            side.socket.close();
            establish(side, rib); // a new session, at once
            KIT.stop(peer);
        }
    }

    /**
     * A Rib whose first turn on received UPDATEs takes {@code firstTurn} (longer than the hold time), then answers at
     * once; it counts what it was handed.
     */
    static Behavior<Rib.Command> slowRib(Duration firstTurn, AtomicLong received, TestProbe<Rib.Command> events) {
        return Behaviors.<Rib.Command>withTimers(timers -> {
            List<ActorRef<Peer.Command>> peer = new ArrayList<>(List.of(KIT.system().ignoreRef()));
            boolean[] first = {true};
            return Behaviors.receive(Rib.Command.class)
                    .onMessage(Rib.PeerUp.class, up -> {
                        peer.set(0, up.peer());
                        events.ref().tell(up);
                        return Behaviors.same();
                    })
                    .onMessage(Rib.Received.class, r -> {
                        received.addAndGet(r.updates().size());
                        Peer.ReceivedAck ack = new Peer.ReceivedAck(r.generation());
                        if (first[0]) {
                            first[0] = false;
                            ActorRef<Peer.Command> to = up(peer);
                            KIT.system().scheduler().scheduleOnce(firstTurn, () -> to.tell(ack),
                                    KIT.system().executionContext());
                            return Behaviors.same();
                        }
                        peer.get(0).tell(ack);
                        return Behaviors.same();
                    })
                    .onMessage(Rib.PeerDown.class, d -> {
                        events.ref().tell(d);
                        return Behaviors.same();
                    })
                    .onMessage(Rib.SendDone.class, d -> Behaviors.same())
                    .build();
        });
    }

    static ActorRef<Peer.Command> up(List<ActorRef<Peer.Command>> peer) {
        return peer.get(0);
    }

    @Test
    void anUpdateFloodWhileTheRibTakesLongerThanTheHoldTimeKeepsTheSessionAndEveryUpdate() throws Exception {
        int count = 100_000;
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            flood.writeBytes(LoopbackSessionTest.update(1, i));
            if (i % 100 == 0) {
                flood.writeBytes(TestSide.KEEPALIVE);
            }
        }
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> events = KIT.createTestProbe();
            AtomicLong received = new AtomicLong();
            ActorRef<Rib.Command> rib = KIT.spawn(slowRib(Duration.ofSeconds(6), received, events));
            ActorRef<Peer.Command> peer = peer(side, 3, rib);
            side.accept();
            side.handshake();
            assertArrayEquals(TestSide.KEEPALIVE, side.read());
            events.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
            Thread writer = new Thread(() -> {
                try {
                    side.write(flood.toByteArray());
                    for (int i = 0; i < 20; i++) { // then only KEEPALIVEs, once a second
                        Thread.sleep(1000);
                        side.write(TestSide.KEEPALIVE);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test ends the session
                }
            });
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.get() < count && System.nanoTime() < deadline) {
                side.socket.setSoTimeout(5_000);
                assertEquals(4, side.read()[18], "only KEEPALIVEs from the speaker, no NOTIFICATION");
            }
            assertEquals(count, received.get(), "every UPDATE reached the Rib");
            events.expectNoMessage(Duration.ofMillis(500)); // no PeerDown: the 6 s Rib turn did not cost the session
            writer.interrupt();
            writer.join(5_000);
            KIT.stop(peer);
        }
    }

    @Test
    void aKeepaliveFloodIsReadAndTheSessionStaysUp() throws Exception {
        byte[] flood = new byte[TestSide.KEEPALIVE.length * 200_000];
        for (int i = 0; i < 200_000; i++) {
            System.arraycopy(TestSide.KEEPALIVE, 0, flood, i * TestSide.KEEPALIVE.length, TestSide.KEEPALIVE.length);
        }
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = peer(side, 3, rib.ref());
            establish(side, rib);
            long start = System.nanoTime();
            side.write(flood);
            side.write(LoopbackSessionTest.update(5, 1)); // after the flood, in order
            Rib.Received r = rib.expectMessageClass(Rib.Received.class, Duration.ofSeconds(30));
            assertEquals(5, r.updates().get(0).nlri().size());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
            for (int i = 0; i < 4; i++) { // still up past the 3 s hold time, on ordinary KEEPALIVEs
                side.write(TestSide.KEEPALIVE);
                rib.expectNoMessage(Duration.ofSeconds(1));
            }
            KIT.stop(peer);
        }
    }

    @Test
    void aPeerThatStopsReadingButSendsKeepalivesStallsOnlyItselfAndIsStoppedInTime() throws Exception {
        List<Bytes> batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batch.add(Bytes.of(LoopbackSessionTest.update(500, i)));
        }
        try (TestSide side = new TestSide(4096)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = peer(side, 3, rib.ref());
            long fds = openFds();
            side.accept();
            side.handshake();
            assertArrayEquals(TestSide.KEEPALIVE, side.read());
            Rib.PeerUp up = rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
            Thread keepalives = new Thread(() -> {
                try {
                    for (int i = 0; i < 16; i++) { // 8 s of KEEPALIVEs, never a read
                        side.write(TestSide.KEEPALIVE);
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the test
                }
            });
            keepalives.start();
            peer.tell(new Peer.Send(up.session().generation(), batch));
            int batches = 0;
            long lastDone = System.nanoTime();
            long end = lastDone + Duration.ofSeconds(7).toNanos();
            while (System.nanoTime() < end) {
                Rib.Command m;
                try {
                    m = rib.receiveMessage(Duration.ofMillis(500));
                } catch (AssertionError timeout) {
                    continue;
                }
                assertTrue(m instanceof Rib.SendDone, "no PeerDown while the peer sends KEEPALIVEs: " + m);
                batches++;
                lastDone = System.nanoTime();
                peer.tell(new Peer.Send(up.session().generation(), batch));
            }
            assertTrue(System.nanoTime() - lastDone > Duration.ofSeconds(2).toNanos(),
                    "the batches stopped: the socket's buffers are full (" + batches + " taken)");
            TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
            long t0 = System.nanoTime();
            peer.tell(new Peer.Shutdown(stopped.ref()));
            stopped.expectMessageClass(Peer.Stopped.class, Duration.ofSeconds(3));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "stopped within STOP_WAIT");
            keepalives.interrupt();
            keepalives.join(5_000);
            side.socket.close();
            Thread.sleep(TcpTransport.LINGER.toMillis() + 500);
            assertTrue(openFds() <= fds + 1, "file descriptors: " + fds + " before, " + openFds() + " after");
        }
    }
}
