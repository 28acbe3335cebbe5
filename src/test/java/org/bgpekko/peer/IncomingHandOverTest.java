// Issue 16: a peer that writes its OPEN the moment TCP connects must reach Established every time, under load.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class IncomingHandOverTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final int CONNECTIONS = 300;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static NeighborConfig passive(String peer) {
        String text = "neighbor " + peer + " { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65001; hold-time 30; passive true; family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("handover.conf"), text).neighbors().get(0);
    }

    /** The peer's OPEN: ours with the router id plus one (iBGP, same capabilities). */
    static byte[] theirOpen(NeighborConfig n) {
        byte[] open = MessageCodec.encode(OpenBuilder.build(n, "bgpekko/test"), SessionOptions.DEFAULT);
        open[27]++;
        return open;
    }

    static byte[] read(DataInputStream in) throws IOException {
        byte[] header = new byte[19];
        in.readFully(header);
        byte[] m = new byte[(header[16] & 0xFF) << 8 | header[17] & 0xFF];
        System.arraycopy(header, 0, m, 0, 19);
        in.readFully(m, 19, m.length - 19);
        return m;
    }

    static int port(ActorRef<Listener.Command> listener) throws InterruptedException {
        TestProbe<Listener.Bound> bound = KIT.createTestProbe();
        for (int i = 0; i < 100; i++) {
            listener.tell(new Listener.GetBound(bound.ref()));
            List<String> a = bound.receiveMessage(Duration.ofSeconds(30)).addresses();
            if (!a.isEmpty()) {
                return Integer.parseInt(a.get(0).substring(a.get(0).lastIndexOf(':') + 1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("listener not bound");
    }

    @Test
    void everyPeerThatWritesItsOpenAtOnceReachesEstablished() throws Exception {
        NeighborConfig client = passive("127.0.0.1");
        NeighborConfig busy = passive("127.0.0.2");
        Peer.Options o = new Peer.Options(179, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
        TcpTransport transport = new TcpTransport(KIT.system());
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        TestProbe<Rib.Command> busyRib = KIT.createTestProbe();
        TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
        ActorRef<Peer.Command> peer = KIT.spawn(Peer.create(client, o, transport, rib.ref(), parent.ref()));
        ActorRef<Peer.Command> busyPeer = KIT.spawn(Peer.create(busy, o, transport, busyRib.ref(), parent.ref()));
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0,
                Map.of(client.peerAddress(), peer, busy.peerAddress(), busyPeer)));
        int port = port(listener);

        // the busy session: established from 127.0.0.2, then fed a large table for as long as the test runs
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong busyBytes = new AtomicLong();
        Socket busySocket = new Socket();
        busySocket.bind(new InetSocketAddress("127.0.0.2", 0));
        busySocket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        busySocket.setSoTimeout(20_000);
        DataInputStream busyIn = new DataInputStream(busySocket.getInputStream());
        busySocket.getOutputStream().write(concat(theirOpen(busy), TestSide.KEEPALIVE));
        Rib.PeerUp busyUp = busyRib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
        Thread reader = new Thread(() -> {
            try {
                byte[] buf = new byte[65536];
                int n;
                while ((n = busyIn.read(buf)) > 0) {
                    busyBytes.addAndGet(n);
                }
            } catch (IOException e) {
                // the socket closes at the end
            }
        });
        reader.start();
        List<Bytes> table = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            table.add(Bytes.of(LoopbackSessionTest.update(200, i)));
        }
        Thread feeder = new Thread(() -> {
            while (!done.get()) {
                busyPeer.tell(new Peer.Send(busyUp.session().generation(), table));
                busyRib.expectMessageClass(Rib.SendDone.class, Duration.ofSeconds(20));
            }
        });
        feeder.start();

        byte[] open = theirOpen(client);
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                assertTrue(System.nanoTime() < deadline, "too slow: " + i + " connections in 150 s");
                boolean together = i % 2 == 1; // OPEN alone, or OPEN and KEEPALIVE in one write
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    OutputStream out = s.getOutputStream();
                    out.write(together ? concat(open, TestSide.KEEPALIVE) : open);
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    assertEquals(1, read(in)[18], "connection " + i + ": our OPEN");
                    if (!together) {
                        out.write(TestSide.KEEPALIVE);
                    }
                    byte[] next = read(in);
                    assertEquals(4, next[18], "connection " + i + ": a KEEPALIVE, not " + Bytes.of(next));
                    rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
                }
                rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(10));
            }
        } finally {
            done.set(true);
            feeder.join(30_000);
            busySocket.close();
            reader.join(10_000);
        }
        assertTrue(busyBytes.get() > 1_000_000, "the busy session was busy: " + busyBytes.get() + " bytes");
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
