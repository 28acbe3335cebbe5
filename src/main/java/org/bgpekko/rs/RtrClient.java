// RTR client actor: owns the TCP session to an RPKI cache (RFC 8210, falling back to RFC 6810) and hands the VRPs on.
package org.bgpekko.rs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.util.ByteString;
import org.bgpekko.rtr.RtrCodec;
import org.bgpekko.rtr.RtrPdu;
import org.bgpekko.rtr.RtrSession;
import org.bgpekko.wire.Bytes;

/**
 * One connection at a time to one cache. The protocol is {@link RtrSession}'s; this actor adds the socket and the
 * clock: the refresh timer (Serial Query), reconnection with backoff (from {@code Settings.firstRetry}, doubling up to
 * the cache's retry interval), and the expire timer (RFC 8210 section 6: data not refreshed within the expire interval
 * is withdrawn). Inbound bytes arrive one chunk at a time, the next only after this actor took the last (backpressure);
 * outbound PDUs go through a queue of {@link #OUTBOUND_QUEUE}: a full queue ends the connection. A PDU larger than
 * {@link RtrCodec#MAX_PDU} ends it with Corrupt Data. A cache that owes a response (to a Reset or Serial Query) and
 * sends nothing for {@code Settings.responseTimeout} is given up on: the connection ends and the client reconnects
 * (the data held stays until it expires).
 *
 * <p>Failure: supervised with restart; a restarted client starts a new session, and its first End of Data replaces
 * the receiver's whole set ({@link RtrSession.Delivery#replace}).
 */
public final class RtrClient {
    /** Queries and Error Reports waiting to be written. */
    static final int OUTBOUND_QUEUE = 8;

    private RtrClient() {}

    /**
     * @param firstRetry the wait before the first reconnection after a failure (then doubled up to the retry interval)
     * @param connectTimeout how long a TCP connection attempt may take
     * @param responseTimeout how long the cache may stay silent while it owes the answer to a query
     */
    public record Settings(InetSocketAddress cache, Duration firstRetry, Duration connectTimeout,
                           Duration responseTimeout) {
        public static Settings of(InetSocketAddress cache) {
            return new Settings(cache, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60));
        }
    }

    public interface Command {}

    /** Close the connection and stop. */
    public record Stop() implements Command {}

    private record Connected(long gen, BoundedSourceQueue<ByteString> out, UniqueKillSwitch kill) implements Command {}

    private record ConnectFailed(long gen, String reason) implements Command {}

    private record StreamReady(long gen, ActorRef<Object> ackTo) implements Command {}

    private record Inbound(long gen, ActorRef<Object> ackTo, ByteString bytes) implements Command {}

    private record Closed(long gen, String reason) implements Command {}

    private record Reconnect() implements Command {}

    private record Refresh() implements Command {}

    private record Expire() implements Command {}

    private record ResponseTimeout(long gen) implements Command {}

    private record Abort(UniqueKillSwitch kill) implements Command {}

    private static final Object ACK = "ack";

    public static Behavior<Command> create(Settings settings, ActorRef<RtrSession.Delivery> target) {
        return Behaviors.<Command>supervise(Behaviors.setup(ctx -> Behaviors.withTimers(
                        timers -> new ClientBehavior(ctx, timers, settings, target))))
                .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2));
    }

    private static final class ClientBehavior extends AbstractBehavior<Command> {
        private final TimerScheduler<Command> timers;
        private final Settings settings;
        private final ActorRef<RtrSession.Delivery> target;
        private final RtrSession session = new RtrSession();
        /** The connection generation: messages of an older one are ignored. */
        private long gen;
        private BoundedSourceQueue<ByteString> out;
        private UniqueKillSwitch kill;
        private byte[] buffer = new byte[4096];
        private int buffered;
        private Duration backoff;

        ClientBehavior(ActorContext<Command> ctx, TimerScheduler<Command> timers, Settings settings,
                       ActorRef<RtrSession.Delivery> target) {
            super(ctx);
            this.timers = timers;
            this.settings = settings;
            this.target = target;
            this.backoff = settings.firstRetry();
            timers.startSingleTimer("expire", new Expire(), Duration.ofSeconds(session.expireSeconds()));
            connect();
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Connected.class, this::onConnected)
                    .onMessage(ConnectFailed.class, this::onConnectFailed)
                    .onMessage(StreamReady.class, this::onStreamReady)
                    .onMessage(Inbound.class, this::onInbound)
                    .onMessage(Closed.class, this::onClosed)
                    .onMessage(Reconnect.class, m -> {
                        connect();
                        return this;
                    })
                    .onMessage(Refresh.class, this::onRefresh)
                    .onMessage(Expire.class, this::onExpire)
                    .onMessage(ResponseTimeout.class, this::onResponseTimeout)
                    .onMessage(Abort.class, m -> {
                        m.kill().abort(new IOException("closed"));
                        return this;
                    })
                    .onMessage(Stop.class, m -> {
                        disconnect();
                        return Behaviors.stopped();
                    })
                    .build();
        }

        private void connect() {
            long g = ++gen;
            ActorRef<Command> self = getContext().getSelf();
            var tcp = Tcp.get(getContext().getSystem()).outgoingConnection(settings.cache(), Optional.empty(),
                    List.of(), false, Optional.of(settings.connectTimeout()), Optional.empty());
            var sink = ActorSink.<ByteString, Command, Object>actorRefWithBackpressure(self,
                    (ackTo, bytes) -> new Inbound(g, ackTo, bytes), ackTo -> new StreamReady(g, ackTo), ACK,
                    new Closed(g, "connection closed by the cache"), e -> new Closed(g, String.valueOf(e.getMessage())));
            Pair<Pair<BoundedSourceQueue<ByteString>, UniqueKillSwitch>, CompletionStage<Tcp.OutgoingConnection>> mat =
                    Source.<ByteString>queue(OUTBOUND_QUEUE).viaMat(KillSwitches.single(), Keep.both())
                            .viaMat(tcp, Keep.both()).to(sink).run(getContext().getSystem());
            BoundedSourceQueue<ByteString> queue = mat.first().first();
            UniqueKillSwitch ks = mat.first().second();
            mat.second().whenComplete((c, error) -> self.tell(error != null
                    ? new ConnectFailed(g, String.valueOf(error.getMessage())) : new Connected(g, queue, ks)));
        }

        private Behavior<Command> onConnected(Connected m) {
            if (m.gen() != gen) {
                m.kill().abort(new IOException("stale connection"));
                return this;
            }
            out = m.out();
            kill = m.kill();
            buffered = 0;
            getContext().getLog().info("RTR: connected to {} (protocol version {})", settings.cache(),
                    session.version());
            write(session.connected());
            watchResponse(true);
            return this;
        }

        private Behavior<Command> onConnectFailed(ConnectFailed m) {
            if (m.gen() == gen) {
                getContext().getLog().warn("RTR: cannot connect to {}: {}", settings.cache(), m.reason());
                gen++; // the stream's own end of this attempt (Closed) is stale now
                retryLater();
            }
            return this;
        }

        private Behavior<Command> onStreamReady(StreamReady m) {
            if (m.gen() == gen) {
                m.ackTo().tell(ACK);
            }
            return this;
        }

        private Behavior<Command> onInbound(Inbound m) {
            if (m.gen() != gen || out == null) {
                return this;
            }
            ByteString bytes = m.bytes();
            if (buffered + bytes.size() > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffered + bytes.size(), buffer.length * 2));
            }
            bytes.copyToArray(buffer, buffered, bytes.size());
            buffered += bytes.size();
            int off = 0;
            while (out != null) {
                RtrCodec.Decoded d = RtrCodec.decode(buffer, off, buffered);
                if (d instanceof RtrCodec.NeedMore) {
                    break;
                }
                if (d instanceof RtrCodec.Malformed bad) {
                    act(session.malformed(bad));
                    break;
                }
                RtrCodec.Pdu p = (RtrCodec.Pdu) d;
                Bytes raw = Bytes.of(buffer, off, p.length());
                off += p.length();
                act(session.received(p.version(), p.pdu(), raw));
            }
            if (out != null) {
                System.arraycopy(buffer, off, buffer, 0, buffered - off);
                buffered -= off;
                if (buffer.length > 2 * RtrCodec.MAX_PDU && buffered < 4096) {
                    buffer = java.util.Arrays.copyOf(buffer, 4096); // a large burst is over: shrink
                }
                watchResponse(true);
                m.ackTo().tell(ACK);
            }
            return this;
        }

        /**
         * Arms the response timer while the cache owes an answer ({@code progress}: bytes came, so the wait starts
         * again), and cancels it when nothing is owed.
         */
        private void watchResponse(boolean progress) {
            if (out == null || !session.responseOwed()) {
                timers.cancel("response");
            } else if (progress || !timers.isTimerActive("response")) {
                timers.startSingleTimer("response", new ResponseTimeout(gen), settings.responseTimeout());
            }
        }

        private Behavior<Command> onResponseTimeout(ResponseTimeout m) {
            if (m.gen() == gen && out != null && session.responseOwed()) {
                getContext().getLog().warn("RTR: {} sent nothing for {} s while it owed a response: reconnecting",
                        settings.cache(), settings.responseTimeout().toSeconds());
                disconnect();
                retryLater();
            }
            return this;
        }

        private void act(RtrSession.Outcome o) {
            for (RtrPdu pdu : o.send()) {
                write(pdu);
            }
            if (o.delivery() != null) {
                RtrSession.Delivery d = o.delivery();
                getContext().getLog().info("RTR: End of Data from {}: {} VRPs ({} announced, {} withdrawn)",
                        settings.cache(), session.size(), d.announced().size(), d.withdrawn().size());
                target.tell(d);
                backoff = settings.firstRetry();
                timers.startSingleTimer("expire", new Expire(), Duration.ofSeconds(session.expireSeconds()));
            }
            if (o.refresh() >= 0) {
                timers.startSingleTimer("refresh", new Refresh(), Duration.ofSeconds(o.refresh()));
            }
            if (o.close() != null) {
                getContext().getLog().warn("RTR: session with {} ends: {}", settings.cache(), o.close());
                disconnect();
                if (o.reconnectNow()) {
                    connect();
                } else {
                    retryLater();
                }
            }
        }

        private void write(RtrPdu pdu) {
            if (out == null) {
                return;
            }
            QueueOfferResult r = out.offer(ByteString.fromArrayUnsafe(RtrCodec.encode(session.version(), pdu)));
            if (r != QueueOfferResult.enqueued()) {
                getContext().getLog().warn("RTR: outbound queue to {} full or closed: reconnecting", settings.cache());
                disconnect();
                retryLater();
            }
        }

        private Behavior<Command> onClosed(Closed m) {
            if (m.gen() != gen) {
                return this;
            }
            if (out != null) {
                getContext().getLog().warn("RTR: connection to {} lost: {}", settings.cache(), m.reason());
                disconnect();
            } else { // ended before its Connected arrived: that (or ConnectFailed) is stale now
                getContext().getLog().warn("RTR: connection to {} ended before it was up: {}", settings.cache(),
                        m.reason());
                gen++;
            }
            retryLater();
            return this;
        }

        private Behavior<Command> onRefresh(Refresh m) {
            RtrPdu q = session.refresh();
            if (q != null && out != null) {
                write(q);
                watchResponse(false);
            }
            return this;
        }

        private Behavior<Command> onExpire(Expire m) {
            RtrSession.Delivery d = session.expire();
            getContext().getLog().warn("RTR: the data from {} expired ({} s without an End of Data): {} VRPs withdrawn",
                    settings.cache(), session.expireSeconds(), d == null ? 0 : d.withdrawn().size());
            if (d != null) {
                target.tell(d);
            }
            return this;
        }

        /** Ends the connection: what was queued is written, then the socket closes (aborted 2 s later at most). */
        private void disconnect() {
            gen++;
            buffered = 0;
            timers.cancel("refresh");
            timers.cancel("response");
            if (out != null) {
                out.complete();
                timers.startSingleTimer(kill, new Abort(kill), Duration.ofSeconds(2));
            }
            out = null;
            kill = null;
        }

        private void retryLater() {
            timers.startSingleTimer("reconnect", new Reconnect(), backoff);
            long max = Math.max(settings.firstRetry().toSeconds(), session.retry());
            backoff = Duration.ofMillis(Math.min(backoff.toMillis() * 2, max * 1000));
        }
    }
}
