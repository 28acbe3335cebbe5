// Pekko Streams Tcp transport: socket bytes -> length-field framing -> decoding -> the Peer, with backpressure.
package org.bgpekko.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.CompletionStrategy;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.StreamDetachedException;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.Open;

public final class TcpTransport implements Transport {
    /** How long a closed connection may take to flush before it is aborted (a peer that does not read). */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final ActorSystem<?> system;

    public TcpTransport(ActorSystem<?> system) {
        this.system = system;
    }

    @Override
    public Runnable connect(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
                        Open localOpen, ActorRef<Peer.Command> peer) {
        Flow<ByteString, ByteString, CompletionStage<Tcp.OutgoingConnection>> tcp = Tcp.get(system)
                .outgoingConnection(remote, local, List.of(TcpSO.tcpNoDelay(true)), false, Optional.of(timeout),
                        Optional.empty());
        Holder holder = new Holder(connId, peer);
        Pair<CompletionStage<Tcp.OutgoingConnection>, Pair<ActorRef<ByteString>, UniqueKillSwitch>> mat =
                tcp.joinMat(bgpSide(holder, localOpen), Keep.both()).run(system);
        mat.first().whenComplete((oc, error) -> {
            if (error != null) {
                peer.tell(new Peer.ConnectFailed(connId, String.valueOf(error.getMessage())));
            } else {
                peer.tell(new Peer.Connected(connId, holder.connection(mat.second(), oc.localAddress(),
                        oc.remoteAddress())));
            }
        });
        UniqueKillSwitch kill = mat.second().second();
        return () -> kill.abort(new IOException("connection attempt abandoned"));
    }

    /** An accepted socket, handed to a Peer by the Listener. */
    static Transport.Incoming incoming(Tcp.IncomingConnection c, ActorSystem<?> system) {
        return new Transport.Incoming() {
            @Override
            public InetSocketAddress remoteAddress() {
                return c.remoteAddress();
            }

            @Override
            public Connection attach(long connId, Open localOpen, ActorRef<Peer.Command> peer) {
                Holder holder = new Holder(connId, peer);
                Pair<ActorRef<ByteString>, UniqueKillSwitch> mat = c.handleWith(bgpSide(holder, localOpen), system);
                return holder.connection(mat, c.localAddress(), c.remoteAddress());
            }

            @Override
            public void reject() {
                c.handleWith(Flow.fromSinkAndSource(Sink.cancelled(), Source.empty()), system);
            }
        };
    }

    /** The sentinel that completes the outbound source (after what was written). */
    private static final ByteString CLOSE = ByteString.fromArray(new byte[] {0});

    /**
     * The BGP side of a socket: inbound bytes are framed and decoded by {@link InboundDecoder} (each header checked
     * as soon as it is in) and delivered one at a time, only when the Peer pulled: nothing reaches the Peer before
     * it owns the connection. Outbound is one ByteString per message.
     */
    private static Flow<ByteString, ByteString, Pair<ActorRef<ByteString>, UniqueKillSwitch>> bgpSide(
            Holder holder, Open localOpen) {
        InboundDecoder decoder = new InboundDecoder(localOpen);
        long connId = holder.connId;
        Sink<ByteString, ?> in = Flow.of(ByteString.class)
                .mapConcat(decoder::feed)
                .to(ActorSink.<InboundDecoder.Item, Peer.Command, Object>actorRefWithBackpressure(holder.peer,
                        (ackTo, item) -> new Peer.Inbound(connId, item),
                        ackTo -> {
                            holder.ready(ackTo); // the first message waits for the Peer's first pull
                            return new Peer.Written(-1);
                        },
                        Holder.ACK, new Peer.Closed(connId, "connection closed by the peer"),
                        error -> new Peer.Closed(connId, describe(error))));
        Source<ByteString, Pair<ActorRef<ByteString>, UniqueKillSwitch>> out = ActorSource
                .<ByteString, Peer.Command>actorRefWithBackpressure(holder.peer, new Peer.Written(connId),
                        m -> m == CLOSE ? Optional.of(CompletionStrategy.draining()) : Optional.empty(),
                        m -> Optional.empty())
                .viaMat(KillSwitches.single(), Keep.both());
        // not coupled: when our side completes (CLOSE), the TCP stage flushes the last writes (a NOTIFICATION) and
        // closes; coupling would cancel the reading side at once and abort the socket with the write still pending
        return Flow.fromSinkAndSourceMat(in, out, Keep.right());
    }

    private static String describe(Throwable error) {
        if (error instanceof StreamDetachedException) {
            return "connection closed";
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /** What the stream callbacks and the connection handle share. */
    private static final class Holder {
        static final Object ACK = "ack";
        final long connId;
        final ActorRef<Peer.Command> peer;
        private ActorRef<Object> ackTo;
        private boolean pulled;

        Holder(long connId, ActorRef<Peer.Command> peer) {
            this.connId = connId;
            this.peer = peer;
        }

        /** The sink stage started (stream thread); a pull that came first is passed on now. */
        synchronized void ready(ActorRef<Object> ackTo) {
            this.ackTo = ackTo;
            if (pulled) {
                pulled = false;
                ackTo.tell(ACK);
            }
        }

        /** The Peer wants the next message (actor thread). */
        synchronized void pull() {
            if (ackTo != null) {
                ackTo.tell(ACK);
            } else {
                pulled = true;
            }
        }

        Connection connection(Pair<ActorRef<ByteString>, UniqueKillSwitch> mat, InetSocketAddress localAddress,
                              InetSocketAddress remoteAddress) {
            ActorRef<ByteString> writes = mat.first();
            UniqueKillSwitch kill = mat.second();
            return new Connection() {
                @Override
                public InetSocketAddress localAddress() {
                    return localAddress;
                }

                @Override
                public InetSocketAddress remoteAddress() {
                    return remoteAddress;
                }

                @Override
                public void write(ByteString message) {
                    writes.tell(message);
                }

                @Override
                public void pull() {
                    Holder.this.pull();
                }

                @Override
                public void close() {
                    writes.tell(CLOSE);
                    lingerThenAbort(kill);
                }
            };
        }

        private void lingerThenAbort(UniqueKillSwitch kill) {
            CompletableFuture.delayedExecutor(LINGER.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> kill.abort(new IOException("closed: the peer did not read")));
        }
    }
}
