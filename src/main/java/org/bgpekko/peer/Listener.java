// Listener actor: binds exabgp.tcp.bind addresses on the BGP port and hands each accepted socket to its Peer.
package org.bgpekko.peer;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * A neighbour is known by its address and, when configured, our local address on that session (ExaBGP tells
 * neighbours apart the same way): a connection goes to the Peer registered for (remote, local), else to the one
 * registered for (remote, any local address). A Peer is forgotten when it stops (a reload that removed it).
 * Accepting is paced: the next connection is accepted only after the last was handed over. Short of file
 * descriptors the Listener says so once, refuses (closes at once) what it accepted, asks for the next connection
 * only after a wait (1 s, doubling to 4 s), and hands connections over again as soon as descriptors are free:
 * Pekko's own listener never reaches EMFILE (where it would log a stack trace per attempt, in a loop).
 */
public final class Listener {
    private Listener() {}

    /** File descriptors kept free for the sessions already up: below this many, nothing is accepted. */
    static final long FD_RESERVE = 32;
    /** Below Pekko's 5 s subscription timeout, so the one connection accepted ahead is refused, not reset. */
    static final Duration MAX_WAIT = Duration.ofSeconds(4);

    /** Everything the Listener accepts. */
    public interface Command {}

    /**
     * From now on connections from {@code address} to {@code localAddress} (null: to any local address) go to
     * {@code peer}; replaces an earlier registration of the same pair.
     */
    public record Register(IpAddress address, IpAddress localAddress, ActorRef<Peer.Command> peer)
            implements Command {
        public Register(IpAddress address, ActorRef<Peer.Command> peer) {
            this(address, null, peer);
        }
    }

    /** Connections from {@code address} to {@code localAddress} (null: any) are refused again. */
    public record Unregister(IpAddress address, IpAddress localAddress) implements Command {}

    /** Reports the bound port of each address (useful with port 0). */
    public record GetBound(ActorRef<Bound> replyTo) implements Command {}

    /** The addresses actually listened on, host:port. */
    public record Bound(List<String> addresses) {}

    private record Key(IpAddress remote, IpAddress local) {}

    private record Accepted(Tcp.IncomingConnection connection, ActorRef<Object> ackTo) implements Command {}

    private record Started(ActorRef<Object> ackTo) implements Command {}

    private record Ended(String address, Throwable error) implements Command {}

    private record BindResult(String address, Tcp.ServerBinding binding, Throwable error) implements Command {}

    private record Retry(ActorRef<Object> ackTo) implements Command {}

    private static final Object ACK = "ack";

    /**
     * Listens on every address of {@code bind} (exabgp.tcp.bind; empty: do not listen at all) on {@code port}.
     */
    public static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers) {
        return create(bind, port, peers, Listener::freeFileDescriptors);
    }

    /** As above; {@code freeFds} tells how many more files the process may open. */
    static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers,
                                    LongSupplier freeFds) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            State s = new State(ctx, timers, freeFds);
            peers.forEach((address, peer) -> s.register(new Key(address, null), peer));
            for (String address : bind) {
                Tcp.get(ctx.getSystem()).bind(address, port, 100, List.of(TcpSO.tcpNoDelay(true)), false,
                        Optional.<Duration>empty())
                        .mapMaterializedValue(cs -> {
                            cs.whenComplete((b, e) -> ctx.getSelf().tell(new BindResult(address, b, e)));
                            return cs;
                        })
                        .to(ActorSink.<Tcp.IncomingConnection, Command, Object>actorRefWithBackpressure(ctx.getSelf(),
                                (ackTo, c) -> new Accepted(c, ackTo), Started::new, ACK,
                                new Ended(address, null), e -> new Ended(address, e))
                                .withAttributes(Attributes.inputBuffer(1, 1)))
                        .run(ctx.getSystem());
            }
            return Behaviors.receive(Command.class)
                    .onMessage(Register.class, r -> {
                        s.register(new Key(r.address(), r.localAddress()), r.peer());
                        return Behaviors.same();
                    })
                    .onMessage(Unregister.class, u -> {
                        s.byKey.remove(new Key(u.address(), u.localAddress()));
                        return Behaviors.same();
                    })
                    .onMessage(GetBound.class, g -> {
                        g.replyTo().tell(new Bound(List.copyOf(s.bound.values())));
                        return Behaviors.same();
                    })
                    .onMessage(BindResult.class, r -> s.onBind(r))
                    .onMessage(Started.class, st -> s.next(st.ackTo()))
                    .onMessage(Accepted.class, a -> {
                        s.onAccepted(a.connection());
                        return s.next(a.ackTo());
                    })
                    .onMessage(Retry.class, r -> s.next(r.ackTo()))
                    .onMessage(Ended.class, e -> {
                        if (e.error() != null) {
                            ctx.getLog().error("listening on {} ended: {}", e.address(), e.error().toString());
                        }
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, t -> {
                        s.byKey.values().removeIf(p -> p.equals(t.getRef()));
                        return Behaviors.same();
                    })
                    .build();
        }));
    }

    /** The process's free file descriptors (Long.MAX_VALUE where the JVM cannot tell). */
    static long freeFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return u.getMaxFileDescriptorCount() - u.getOpenFileDescriptorCount();
        }
        return Long.MAX_VALUE;
    }

    /** The Listener's state (actor-confined). */
    private static final class State {
        final ActorContext<Command> ctx;
        final TimerScheduler<Command> timers;
        final LongSupplier freeFds;
        final Map<Key, ActorRef<Peer.Command>> byKey = new HashMap<>();
        final Map<String, String> bound = new HashMap<>();
        /** Zero while descriptors are to spare, else the wait before the next connection is asked for. */
        Duration wait = Duration.ZERO;
        long refused;

        State(ActorContext<Command> ctx, TimerScheduler<Command> timers, LongSupplier freeFds) {
            this.ctx = ctx;
            this.timers = timers;
            this.freeFds = freeFds;
        }

        void register(Key key, ActorRef<Peer.Command> peer) {
            byKey.put(key, peer);
            ctx.watch(peer);
        }

        /**
         * Asks for the next connection: at once while file descriptors are to spare; short of them, only after a
         * wait (1 s, doubling to {@link #MAX_WAIT}), so a client that connects in a loop costs one accept per wait.
         */
        Behavior<Command> next(ActorRef<Object> ackTo) {
            if (short_()) {
                timers.startSingleTimer(new Retry(ackTo), wait);
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            } else {
                ackTo.tell(ACK);
            }
            return Behaviors.same();
        }

        /** Whether file descriptors are short now; says so once when a shortage starts and once when it ends. */
        private boolean short_() {
            long free = freeFds.getAsLong();
            if (free >= FD_RESERVE) {
                if (!wait.isZero()) {
                    ctx.getLog().info("accepting connections again ({} file descriptors free)", free);
                    wait = Duration.ZERO;
                }
                return false;
            }
            if (wait.isZero()) {
                ctx.getLog().warn("refusing connections: only {} file descriptors free (keeping {} for the sessions "
                        + "up); accepting again when there are", free, FD_RESERVE);
                wait = Duration.ofSeconds(1);
            }
            return true;
        }

        Behavior<Command> onBind(BindResult r) {
            if (r.error() != null) {
                ctx.getLog().error("could not listen on {}: {}", r.address(), r.error().getMessage());
            } else {
                var a = r.binding().localAddress();
                bound.put(r.address(), a.getAddress().getHostAddress() + ":" + a.getPort());
                ctx.getLog().info("listening on {}", bound.get(r.address()));
            }
            return Behaviors.same();
        }

        void onAccepted(Tcp.IncomingConnection c) {
            IpAddress remote = IpAddress.of(c.remoteAddress().getAddress());
            ActorRef<Peer.Command> peer = byKey.get(new Key(remote, local(c.localAddress())));
            if (peer == null) {
                peer = byKey.get(new Key(remote, null));
            }
            Transport.Incoming incoming = TcpTransport.incoming(c, ctx.getSystem());
            if (short_()) {
                incoming.reject(); // its descriptor back at once, rather than a session that cannot open files
                return;
            }
            if (peer != null) {
                peer.tell(new Peer.Incoming(incoming));
                return;
            }
            if (refused++ % 1000 == 0) { // a flood of strangers is not a flood of log lines
                ctx.getLog().info("refusing a connection from {} to {}: no neighbor with these addresses "
                        + "({} refused so far)", c.remoteAddress(), c.localAddress(), refused);
            }
            incoming.reject();
        }

        private static IpAddress local(InetSocketAddress a) {
            return IpAddress.of(a.getAddress());
        }
    }
}
