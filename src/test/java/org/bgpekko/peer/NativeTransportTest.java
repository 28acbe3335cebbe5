// TCP-MD5 (RFC 2385) and GTSM (RFC 5082) on loopback: the kernel drops what the keys and TTLs do not allow.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.config.TcpOptions.Md5Encoding;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each case connects an {@link EpollTransport} (from 127.0.0.2, or ::1) to a {@link Listener} on native sockets (on
 * 127.0.0.1) or to a JDK socket. A dropped SYN or SYN-ACK shows as a connection attempt that times out, never as a
 * refusal: the kernel answers nothing. Loopback does not decrement the TTL, so a packet arrives with the TTL it was
 * sent with.
 */
class NativeTransportTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Open OPEN = new Open(4, 65001, 30, 0x0A000001L, List.of());

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static TcpOptions md5(String password) {
        return new TcpOptions(password, Md5Encoding.TEXT, null, 0, 0);
    }

    static TcpOptions ttl(int outgoing, int incoming) {
        return new TcpOptions(null, Md5Encoding.TEXT, null, outgoing, incoming);
    }

    /** A native Listener on {@code bind} with one neighbour, {@code peer}, registered with {@code tcp}; its port. */
    static int listen(String bind, String peer, TcpOptions tcp, TestProbe<Peer.Command> accepted)
            throws InterruptedException {
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of(bind), 0, Map.of(), true));
        listener.tell(new Listener.Register(IpAddress.parse(peer), null, accepted.ref(), tcp));
        return ListenerTest.port(ListenerTest.bound(listener, 1).get(0));
    }

    /** What an EpollTransport with {@code tcp} gets connecting from {@code from} to {@code to:port}. */
    static Peer.Command connect(TcpOptions tcp, String from, String to, int port) {
        TestProbe<Peer.Command> client = KIT.createTestProbe();
        new EpollTransport(tcp).connect(1, new InetSocketAddress(to, port),
                Optional.of(new InetSocketAddress(from, 0)), CONNECT_TIMEOUT, OPEN, client.ref());
        return client.receiveMessage(CONNECT_TIMEOUT.plusSeconds(5));
    }

    static void assertDropped(Peer.Command outcome) {
        Peer.ConnectFailed failed = assertInstanceOf(Peer.ConnectFailed.class, outcome);
        assertTrue(failed.reason().startsWith("ConnectTimeoutException"), failed.reason());
    }

    @Test
    void matchingMd5KeysConnectAndCarryMessages() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", md5("s3cret"), accepted);
        Peer.Connected connected = assertInstanceOf(Peer.Connected.class,
                connect(md5("s3cret"), "127.0.0.2", "127.0.0.1", port));
        Peer.Incoming incoming = accepted.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5));
        assertEquals("127.0.0.2", incoming.connection().remoteAddress().getAddress().getHostAddress());

        TestProbe<Peer.Command> server = KIT.createTestProbe();
        Connection in = incoming.connection().attach(7, OPEN, server.ref());
        connected.connection().write(ByteString.fromArrayUnsafe(TestSide.KEEPALIVE));
        in.pull();
        Peer.Inbound got = server.expectMessageClass(Peer.Inbound.class, Duration.ofSeconds(5));
        assertEquals(7, got.connId());
        assertInstanceOf(Keepalive.class, got.item().message());
        connected.connection().close();
        in.pull();
        assertEquals("connection closed by the peer",
                server.expectMessageClass(Peer.Closed.class, Duration.ofSeconds(5)).reason());
    }

    @Test
    void aWrongMd5KeyIsDropped() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", md5("s3cret"), accepted);
        assertDropped(connect(md5("S3cret"), "127.0.0.2", "127.0.0.1", port));
        accepted.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aPeerWithoutTheMd5KeyIsDropped() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", md5("s3cret"), accepted);
        try (Socket s = new Socket()) { // the JDK's socket: no way to sign
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            assertThrows(SocketTimeoutException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port),
                    (int) CONNECT_TIMEOUT.toMillis()));
        }
        accepted.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aSignedConnectionToAnAddressWithoutKeyIsDropped() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", ttl(0, 1), accepted); // native listener, no key
        assertDropped(connect(md5("s3cret"), "127.0.0.2", "127.0.0.1", port));
        accepted.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void md5OverIpv6() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("::1", "::1", md5("v6-key"), accepted);
        assertInstanceOf(Peer.Connected.class, connect(md5("v6-key"), "::1", "::1", port));
        accepted.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5));
        assertDropped(connect(md5("v6-kez"), "::1", "::1", port));
    }

    @Test
    void incomingTtlAcceptsTtl255AndDropsLower() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", ttl(255, 255), accepted);
        assertInstanceOf(Peer.Connected.class, connect(ttl(255, 0), "127.0.0.2", "127.0.0.1", port));
        accepted.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5));
        assertDropped(connect(ttl(254, 0), "127.0.0.2", "127.0.0.1", port));
        assertDropped(connect(ttl(1, 0), "127.0.0.2", "127.0.0.1", port));
        assertDropped(connect(TcpOptions.NONE, "127.0.0.2", "127.0.0.1", port)); // the system's default, 64
        accepted.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void incomingTtlOverIpv6() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("::1", "::1", ttl(255, 255), accepted);
        assertInstanceOf(Peer.Connected.class, connect(ttl(255, 255), "::1", "::1", port));
        assertDropped(connect(ttl(200, 0), "::1", "::1", port));
    }

    @Test
    void gtsmOnBothSidesNeedsTheListenersHandshakeAtTtl255() throws Exception {
        // the client drops a SYN-ACK below its incoming-ttl: the listening socket sends with the neighbours' TTL
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", ttl(255, 255), accepted);
        assertInstanceOf(Peer.Connected.class, connect(ttl(255, 255), "127.0.0.2", "127.0.0.1", port));
    }

    @Test
    void incomingTtlOnAnOutgoingConnectionDropsAPeerSendingTtl64() throws Exception {
        try (ServerSocket jdk = new ServerSocket()) { // the JDK's socket: the system's TTL, 64
            jdk.bind(new InetSocketAddress("127.0.0.1", 0));
            assertDropped(connect(ttl(0, 255), "127.0.0.2", "127.0.0.1", jdk.getLocalPort()));
            assertInstanceOf(Peer.Connected.class, connect(ttl(0, 64), "127.0.0.2", "127.0.0.1",
                    jdk.getLocalPort()));
        }
    }

    @Test
    void nothingIsReadUntilThePeerPullsSoTheSenderStalls() throws Exception {
        TestProbe<Peer.Command> accepted = KIT.createTestProbe();
        int port = listen("127.0.0.1", "127.0.0.2", md5("s3cret"), accepted);
        TestProbe<Peer.Command> client = KIT.createTestProbe();
        new EpollTransport(md5("s3cret")).connect(1, new InetSocketAddress("127.0.0.1", port),
                Optional.of(new InetSocketAddress("127.0.0.2", 0)), CONNECT_TIMEOUT, OPEN, client.ref());
        Connection out = client.expectMessageClass(Peer.Connected.class, Duration.ofSeconds(5)).connection();
        TestProbe<Peer.Command> server = KIT.createTestProbe();
        accepted.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5)).connection().attach(2, OPEN,
                server.ref()); // and never pulled
        ByteString chunk = ByteString.fromArrayUnsafe(new byte[64 * 1024]);
        int written = 0;
        while (written < 1000) { // 64 MB: far more than the socket buffers of both sides
            out.write(chunk);
            try {
                assertInstanceOf(Peer.Written.class, client.receiveMessage(Duration.ofSeconds(1)));
                written++;
            } catch (AssertionError stalled) { // no Written within the second: the socket buffers are full
                break;
            }
        }
        assertTrue(written < 1000, "the receiving side read without a pull");
        server.expectNoMessage(Duration.ofMillis(100));
    }
}
