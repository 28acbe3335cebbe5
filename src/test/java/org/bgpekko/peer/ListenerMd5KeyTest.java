// A neighbour given an MD5 key on a listening Listener (a reload): no unsigned connection gets through meanwhile.
package org.bgpekko.peer;

import static org.bgpekko.peer.NativeTransportTest.KIT;
import static org.bgpekko.peer.NativeTransportTest.md5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * Each case holds every native event loop on a latch while it registers a key, so the Listener's work on its sockets
 * waits as it might under load, while the kernel goes on answering handshakes on loopback.
 */
class ListenerMd5KeyTest {

    /** Holds every event loop of the native sockets until {@link #close}. */
    static final class HeldEventLoops implements AutoCloseable {
        final CountDownLatch release = new CountDownLatch(1);

        HeldEventLoops() throws InterruptedException {
            List<EventExecutor> loops = new java.util.ArrayList<>();
            NativeSockets.group().forEach(loops::add);
            CountDownLatch held = new CountDownLatch(loops.size());
            for (EventExecutor loop : loops) {
                loop.execute(() -> {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(held.await(10, TimeUnit.SECONDS), "the event loops were not held");
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    static ActorRef<Listener.Command> listener(TestProbe<Peer.Command> peer) {
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0, Map.of(), true));
        listener.tell(new Listener.Register(IpAddress.parse("127.0.0.2"), null, peer.ref(), TcpOptions.NONE));
        return listener;
    }

    /** A JDK socket (it cannot sign) from 127.0.0.2 to 127.0.0.1:port; connected. */
    static Socket unsigned(int port, Duration timeout) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress("127.0.0.2", 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        return s;
    }

    @Test
    void aSocketBoundWithAKeyDropsUnsignedHandshakesFromItsFirstMoment() throws Exception {
        CompletableFuture<Throwable> unsignedConnect = new CompletableFuture<>();
        NativeListener.bind("127.0.0.1", 0, Map.of(InetAddress.getByName("127.0.0.2"), "s3cret".getBytes()), 0, 0,
                accepted -> accepted.channel().close(), (server, error) -> {
                    // the earliest moment the Listener can know: on the event loop, as the bind completes
                    try (Socket s = unsigned(((InetSocketAddress) server.localAddress()).getPort(),
                            Duration.ofSeconds(2))) {
                        unsignedConnect.complete(null);
                    } catch (Throwable t) {
                        unsignedConnect.complete(t);
                    } finally {
                        server.close();
                    }
                });
        assertInstanceOf(SocketTimeoutException.class, unsignedConnect.get(10, TimeUnit.SECONDS),
                "an unsigned handshake was completed");
    }

    @Test
    void boundIsAnsweredOnlyOnceANewKeyIsOnTheListeningSocket() throws Exception {
        TestProbe<Peer.Command> peer = KIT.createTestProbe();
        ActorRef<Listener.Command> listener = listener(peer);
        int port = ListenerTest.port(ListenerTest.bound(listener, 1).get(0));
        TestProbe<Listener.Bound> bound = KIT.createTestProbe();
        try (HeldEventLoops held = new HeldEventLoops()) {
            listener.tell(new Listener.Register(IpAddress.parse("127.0.0.2"), null, peer.ref(), md5("s3cret")));
            listener.tell(new Listener.GetBound(bound.ref()));
            // the key is not on the socket yet: "bound" now would invite the unsigned connection below
            bound.expectNoMessage(Duration.ofMillis(500));
        }
        assertEquals(List.of("127.0.0.1:" + port), bound.receiveMessage(Duration.ofSeconds(10)).addresses());
        assertThrows(SocketTimeoutException.class, () -> unsigned(port, Duration.ofSeconds(2)).close());
        assertInstanceOf(Peer.Connected.class, NativeTransportTest.connect(md5("s3cret"), "127.0.0.2", "127.0.0.1",
                port));
        peer.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5));
    }

    @Test
    void aHandshakeCompletedBeforeTheKeyIsNeverHandedOver() throws Exception {
        TestProbe<Peer.Command> peer = KIT.createTestProbe();
        ActorRef<Listener.Command> listener = listener(peer);
        int port = ListenerTest.port(ListenerTest.bound(listener, 1).get(0));
        Socket early;
        try (HeldEventLoops held = new HeldEventLoops()) {
            early = unsigned(port, Duration.ofSeconds(2)); // the kernel completes it: no key yet; nobody accepts
            listener.tell(new Listener.Register(IpAddress.parse("127.0.0.2"), null, peer.ref(), md5("s3cret")));
            Thread.sleep(200); // the registration reaches the Listener while its sockets wait
        }
        try (early) {
            peer.expectNoMessage(Duration.ofSeconds(1)); // never a session: its handshake was never signed
            early.setSoTimeout(5000);
            try {
                assertEquals(-1, early.getInputStream().read(), "the unsigned connection was not closed");
            } catch (java.net.SocketException reset) {
                // reset: closed too
            }
        }
        int again = ListenerTest.port(ListenerTest.bound(listener, 1).get(0));
        assertEquals(port, again, "the new socket is on the same port");
        assertInstanceOf(Peer.Connected.class, NativeTransportTest.connect(md5("s3cret"), "127.0.0.2", "127.0.0.1",
                port));
        peer.expectMessageClass(Peer.Incoming.class, Duration.ofSeconds(5));
    }
}
