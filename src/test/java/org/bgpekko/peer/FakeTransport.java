// An in-memory Transport for FSM tests: connection attempts and written messages are queues the test reads.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;

final class FakeTransport implements Transport {
    record Attempt(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local,
                   ActorRef<Peer.Command> peer, AtomicBoolean aborted) {
        FakeConnection succeed() {
            FakeConnection c = new FakeConnection(connId, peer, true);
            peer.tell(new Peer.Connected(connId, c));
            return c;
        }

        void fail() {
            peer.tell(new Peer.ConnectFailed(connId, "refused"));
        }
    }

    final BlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();

    @Override
    public Runnable connect(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local,
                            Duration timeout, Open localOpen, ActorRef<Peer.Command> peer) {
        Attempt a = new Attempt(connId, remote, local, peer, new AtomicBoolean());
        attempts.add(a);
        return () -> a.aborted().set(true);
    }

    Attempt nextAttempt() throws InterruptedException {
        Attempt a = attempts.poll(3, TimeUnit.SECONDS);
        assertNotNull(a, "no connection attempt");
        return a;
    }

    Attempt noAttempt(long millis) throws InterruptedException {
        return attempts.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** An incoming connection, as the Listener would hand it over. */
    static final class FakeIncoming implements Transport.Incoming {
        final BlockingQueue<FakeConnection> attached = new LinkedBlockingQueue<>();
        final AtomicBoolean rejected = new AtomicBoolean();

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public Connection attach(long connId, Open localOpen, ActorRef<Peer.Command> peer) {
            FakeConnection c = new FakeConnection(connId, peer, false);
            attached.add(c);
            return c;
        }

        @Override
        public void reject() {
            rejected.set(true);
        }

        FakeConnection connection() throws InterruptedException {
            FakeConnection c = attached.poll(3, TimeUnit.SECONDS);
            assertNotNull(c, "incoming connection not attached");
            return c;
        }
    }

    /** One in-memory connection: writes are recorded (and acknowledged unless frozen). */
    static final class FakeConnection implements Connection {
        final long id;
        final ActorRef<Peer.Command> peer;
        final BlockingQueue<byte[]> written = new LinkedBlockingQueue<>();
        final AtomicInteger pulls = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean frozen;
        /** When set, our close completes only on {@link #closeCompletes()} (a socket still flushing). */
        volatile boolean slowClose;
        private final boolean outgoing;

        FakeConnection(long id, ActorRef<Peer.Command> peer, boolean outgoing) {
            this.id = id;
            this.peer = peer;
            this.outgoing = outgoing;
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", outgoing ? 40001 : 179);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.2", outgoing ? 179 : 40000);
        }

        @Override
        public void write(ByteString message) {
            written.add(message.toArray());
            if (!frozen) {
                peer.tell(new Peer.Written(id));
            }
        }

        @Override
        public void pull() {
            pulls.incrementAndGet();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && !slowClose) {
                peer.tell(new Peer.Closed(id, "closed by us"));
            }
        }

        void closeCompletes() {
            peer.tell(new Peer.Closed(id, "closed by us"));
        }

        /** The peer's side sends a message. */
        void receive(BgpMessage m) {
            peer.tell(new Peer.Inbound(id, new InboundDecoder.Item(m, null)));
        }

        void receiveUndecodable(NotificationException e) {
            peer.tell(new Peer.Inbound(id, new InboundDecoder.Item(null, e)));
        }

        void peerCloses() {
            if (closed.compareAndSet(false, true)) {
                peer.tell(new Peer.Closed(id, "closed by the peer"));
            }
        }

        byte[] nextBytes() throws InterruptedException {
            byte[] b = written.poll(3, TimeUnit.SECONDS);
            assertNotNull(b, "nothing written");
            return b;
        }

        BgpMessage next() throws InterruptedException {
            return MessageCodec.decode(nextBytes(), SessionOptions.DEFAULT);
        }

        byte[] nothingWritten(long millis) throws InterruptedException {
            return written.poll(millis, TimeUnit.MILLISECONDS);
        }
    }
}
