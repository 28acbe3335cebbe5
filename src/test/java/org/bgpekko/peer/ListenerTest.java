// The Listener hands an accepted socket to the passive Peer of that address, and refuses unknown addresses.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ListenerTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void incomingConnectionReachesItsPassivePeer() throws Exception {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65001; hold-time 30; passive true; family { ipv4 unicast; } }";
        NeighborConfig n = ConfigParser.parse(Path.of("listen.conf"), text).neighbors().get(0);
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
        Peer.Options o = new Peer.Options(179, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
        ActorRef<Peer.Command> peer = KIT.spawn(Peer.create(n, o, new TcpTransport(KIT.system()), rib.ref(),
                parent.ref()));
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0,
                Map.of(n.peerAddress(), peer)));
        TestProbe<Listener.Bound> bound = KIT.createTestProbe();
        String address = null;
        for (int i = 0; i < 50 && address == null; i++) {
            listener.tell(new Listener.GetBound(bound.ref()));
            List<String> a = bound.receiveMessage(Duration.ofSeconds(30)).addresses();
            address = a.isEmpty() ? null : a.get(0);
            if (address == null) {
                Thread.sleep(50);
            }
        }
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[19];
            in.readFully(header);
            assertEquals(1, header[18]); // the passive peer sends its OPEN on the accepted connection
            byte[] open = new byte[(header[16] & 0xFF) << 8 | header[17] & 0xFF];
            System.arraycopy(header, 0, open, 0, 19);
            in.readFully(open, 19, open.length - 19);
            open[27]++;
            s.getOutputStream().write(open);
            s.getOutputStream().write(TestSide.KEEPALIVE);
            rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(5));
        }
        rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
        listener.tell(new Listener.Unregister(IpAddress.of(InetAddress.getLoopbackAddress()), null));
    }

    static NeighborConfig passive(String local) {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0." + local.substring(local.lastIndexOf('.') + 1)
                + "; local-address " + local + "; local-as 65001; "
                + "peer-as 65001; hold-time 30; passive true; family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("listen.conf"), text).neighbors().get(0);
    }

    static ActorRef<Peer.Command> spawnPeer(NeighborConfig n, TestProbe<Rib.Command> rib) {
        Peer.Options o = new Peer.Options(179, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
        return KIT.spawn(Peer.create(n, o, new TcpTransport(KIT.system()), rib.ref(),
                KIT.<Peer.Stopped>createTestProbe().ref()));
    }

    static List<String> bound(ActorRef<Listener.Command> listener, int count) throws InterruptedException {
        TestProbe<Listener.Bound> bound = KIT.createTestProbe();
        for (int i = 0; i < 100; i++) {
            listener.tell(new Listener.GetBound(bound.ref()));
            List<String> a = bound.receiveMessage(Duration.ofSeconds(30)).addresses();
            if (a.size() == count) {
                return a;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not bound");
    }

    static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    /** Connects from 127.0.0.1 to {@code host:port}; the first message's type, or -1 (closed), -2 (reset). */
    static int firstMessageType(String host, int port, int timeoutMillis) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            s.connect(new java.net.InetSocketAddress(host, port));
            s.setSoTimeout(timeoutMillis);
            byte[] header = new byte[19];
            try {
                new DataInputStream(s.getInputStream()).readFully(header);
            } catch (java.io.EOFException e) {
                return -1;
            } catch (java.net.SocketException e) { // reset: refused too
                return -2;
            }
            return header[18];
        }
    }

    /** Issue 10 item 9: ExaBGP tells neighbours apart by peer and local address; so does the Listener. */
    @Test
    void theSamePeerAddressOnTwoLocalAddressesReachesTwoPeers() throws Exception {
        TestProbe<Rib.Command> ribA = KIT.createTestProbe();
        TestProbe<Rib.Command> ribB = KIT.createTestProbe();
        NeighborConfig a = passive("127.0.0.1");
        NeighborConfig b = passive("127.0.0.2");
        ActorRef<Peer.Command> peerA = spawnPeer(a, ribA);
        ActorRef<Peer.Command> peerB = spawnPeer(b, ribB);
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1", "127.0.0.2"), 0,
                Map.of()));
        listener.tell(new Listener.Register(b.peerAddress(), b.localAddress(), peerB));
        listener.tell(new Listener.Register(a.peerAddress(), a.localAddress(), peerA));
        for (String hostPort : bound(listener, 2)) {
            String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            try (Socket s = new Socket()) { // the OPEN comes from the Peer of that local address (its router id)
                s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
                s.connect(new java.net.InetSocketAddress(host, port(hostPort)));
                s.setSoTimeout(5000);
                byte[] open = new byte[29];
                new DataInputStream(s.getInputStream()).readFully(open);
                assertEquals(1, open[18]);
                assertEquals(host.substring(host.lastIndexOf('.') + 1), String.valueOf(open[27]), hostPort);
            }
        }
        KIT.stop(peerA);
        KIT.stop(peerB);
        KIT.stop(listener);
    }

    /** Issue 10 item 9: a Peer that stopped (a reload removed its neighbour) is forgotten: refused at once. */
    @Test
    void aStoppedPeerIsUnregistered() throws Exception {
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        NeighborConfig n = passive("127.0.0.1");
        ActorRef<Peer.Command> peer = spawnPeer(n, rib);
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0,
                Map.of(n.peerAddress(), peer)));
        int port = port(bound(listener, 1).get(0));
        assertEquals(1, firstMessageType("127.0.0.1", port, 5000));
        TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
        peer.tell(new Peer.Shutdown(stopped.ref()));
        stopped.expectMessageClass(Peer.Stopped.class);
        Thread.sleep(200);
        long t0 = System.nanoTime();
        assertEquals(-1, firstMessageType("127.0.0.1", port, 4000));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "refused at once");
        KIT.stop(listener);
    }

    /** Issue 10 item 3: short of file descriptors the Listener refuses, paced, with one warning; then accepts again. */
    @Test
    void shortOfFileDescriptorsTheListenerWaitsAndLogsOnce() throws Exception {
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        NeighborConfig n = passive("127.0.0.1");
        ActorRef<Peer.Command> peer = spawnPeer(n, rib);
        AtomicLong free = new AtomicLong(1000);
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0,
                Map.of(n.peerAddress(), peer), free::get));
        int port = port(bound(listener, 1).get(0));
        assertEquals(1, firstMessageType("127.0.0.1", port, 5000));
        free.set(3);
        LoggingTestKit.warn("refusing connections").withOccurrences(1).expect(KIT.system(), () -> {
            try {
                // the connection already asked for is accepted, then refused at once; so is the next, after a wait
                assertTrue(firstMessageType("127.0.0.1", port, 5000) < 0, "refused");
                long t0 = System.nanoTime();
                assertTrue(firstMessageType("127.0.0.1", port, 8000) < 0, "refused");
                assertTrue(System.nanoTime() - t0 > Duration.ofMillis(500).toNanos(), "paced while short");
                free.set(1000);
                assertEquals(1, firstMessageType("127.0.0.1", port, 10_000), "accepted again");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        KIT.stop(peer);
        KIT.stop(listener);
    }
}
