// A real TCP session on loopback: Established, framing of reads cut anywhere, each write one whole message.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LoopbackSessionTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static NeighborConfig neighbor(int port, int hold) {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65001; hold-time " + hold + "; connect " + port + "; family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("loopback.conf"), text).neighbors().get(0);
    }

    static Peer.Options options() {
        return new Peer.Options(1, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
    }

    /** A packed UPDATE of {@code n} /32s, to make messages of varied sizes. */
    static byte[] update(int n, int seed) {
        StringBuilder nlri = new StringBuilder();
        for (int i = 0; i < n; i++) {
            nlri.append(String.format("200A%02X%02X%02X", seed & 0xFF, i >> 8 & 0xFF, i & 0xFF));
        }
        String attrs = "40010100" + "400200" + "4003047F000001" + "40050400000064";
        String body = "0000" + String.format("%04X", attrs.length() / 2) + attrs + nlri;
        int len = 19 + body.length() / 2;
        return Bytes.fromHex("FF".repeat(16) + String.format("%04X", len) + "02" + body).toArray();
    }

    @Test
    void sessionEstablishesAndMessagesArriveWholeBothWays() throws Exception {
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = KIT.spawn(Peer.create(neighbor(side.port(), 30), options(),
                    new TcpTransport(KIT.system()), rib.ref(), parent.ref()));
            side.accept();
            byte[] open = side.handshake();
            assertEquals(OpenBuilder.build(neighbor(side.port(), 30), "bgpekko/test"),
                    MessageCodec.decode(open, SessionOptions.DEFAULT));
            assertArrayEquals(TestSide.KEEPALIVE, side.read()); // OpenConfirm KEEPALIVE
            Rib.PeerUp up = rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(5));
            assertEquals("127.0.0.1", up.session().localAddress().toString());
            assertEquals(List.of(Family.IPV4_UNICAST), up.session().families());

            List<Bytes> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(Bytes.of(update(1 + i * 13 % 500, i)));
            }
            peer.tell(new Peer.Send(up.session().generation(), batch));
            for (Bytes b : batch) {
                assertArrayEquals(b.toArray(), side.read());
            }
            rib.expectMessageClass(Rib.SendDone.class, Duration.ofSeconds(5));

            // inbound: three UPDATEs written one byte at a time must be framed and decoded whole
            byte[] a = update(3, 1);
            byte[] b = update(200, 2);
            byte[] all = new byte[a.length * 2 + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            System.arraycopy(a, 0, all, a.length + b.length, a.length);
            for (byte x : all) {
                side.write(new byte[] {x});
            }
            List<Update> got = new ArrayList<>();
            while (got.size() < 3) {
                Rib.Received r = rib.expectMessageClass(Rib.Received.class, Duration.ofSeconds(5));
                got.addAll(r.updates());
                peer.tell(new Peer.ReceivedAck(r.generation()));
            }
            assertEquals(MessageCodec.decode(b, up.session().options()), got.get(1));
            assertEquals(200, got.get(1).nlri().size());

            TestProbe<Peer.Stopped> stopped = KIT.createTestProbe();
            peer.tell(new Peer.Shutdown(stopped.ref()));
            byte[] last = side.read();
            assertInstanceOf(Notification.class, MessageCodec.decode(last, SessionOptions.DEFAULT));
            stopped.expectMessageClass(Peer.Stopped.class, Duration.ofSeconds(5));
            rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
        }
    }

    /** api-teardown lost its Cease once in 20: the socket was aborted with the NOTIFICATION still queued. */
    @Test
    void theTeardownNotificationArrivesBeforeTheCloseEveryTime() throws Exception {
        try (TestSide side = new TestSide(0)) {
            TestProbe<Rib.Command> rib = KIT.createTestProbe();
            TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
            ActorRef<Peer.Command> peer = KIT.spawn(Peer.create(neighbor(side.port(), 30), options(),
                    new TcpTransport(KIT.system()), rib.ref(), parent.ref()));
            for (int round = 0; round < 20; round++) {
                side.accept();
                side.handshake();
                assertArrayEquals(TestSide.KEEPALIVE, side.read());
                rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(5));
                peer.tell(new Peer.Teardown(4, ""));
                byte[] m = side.read(); // an EOF here (the bug) throws
                assertEquals(BgpMessage.NOTIFICATION, m[18] & 0xFF, "round " + round);
                rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
                side.socket.close();
            }
            KIT.stop(peer);
        }
    }
}
