// Listener actor: binds exabgp.tcp.bind addresses on the BGP port and hands each accepted socket to its Peer.
package org.bgpekko.peer;

import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.stream.javadsl.Sink;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * A neighbour is known by its address and, when configured, our local address on that session (ExaBGP tells
 * neighbours apart the same way): a connection goes to the Peer registered for (remote, local), else to the one
 * registered for (remote, any local address). A Peer is forgotten when it stops (a reload that removed it).
 * Accepting is paced: the next connection is accepted only after the last was handed over (or, when the Listener
 * failed on it, after {@link #HAND_OVER_TIMEOUT}: that one is lost, the accepting goes on). Short of file
 * descriptors the Listener says so once, refuses (closes at once) what it accepted, asks for the next connection
 * only after a wait (1 s, doubling to 4 s), and hands connections over again as soon as descriptors are free:
 * Pekko's own listener never reaches EMFILE (where it would log a stack trace per attempt, in a loop).
 * While a registered neighbour has TCP-MD5 or GTSM settings, the addresses are listened on with Netty's epoll
 * sockets instead ({@link NativeListener}), holding the MD5 key of every such neighbour from before they listen; a
 * registration or stop (a reload) that changes the keys binds new sockets on the same ports, one that changes only the
 * TTLs sets them in place; the first such registration on Pekko's sockets rebinds the addresses. A connection for a
 * neighbour with a key is handed over only if its listening socket held that key before it listened; GetBound is
 * answered once no socket is being bound or set.
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
    public record Register(IpAddress address, IpAddress localAddress, ActorRef<Peer.Command> peer, TcpOptions tcp)
            implements Command {
        public Register(IpAddress address, IpAddress localAddress, ActorRef<Peer.Command> peer) {
            this(address, localAddress, peer, TcpOptions.NONE);
        }

        public Register(IpAddress address, ActorRef<Peer.Command> peer) {
            this(address, null, peer);
        }
    }

    /** Connections from {@code address} to {@code localAddress} (null: any) are refused again. */
    public record Unregister(IpAddress address, IpAddress localAddress) implements Command {}

    /**
     * Reports the bound port of each address (useful with port 0), once every socket holds the registered neighbours'
     * settings: a connection that follows is checked against them.
     */
    public record GetBound(ActorRef<Bound> replyTo) implements Command {}

    /** The addresses actually listened on, host:port. */
    public record Bound(List<String> addresses) {}

    private record Key(IpAddress remote, IpAddress local) {}

    /** An accepted connection; {@code next} is answered when the next one may be accepted. */
    private record Accepted(Tcp.IncomingConnection connection, ActorRef<Done> next) implements Command {}

    private record AcceptedNative(NativeListener.Accepted accepted) implements Command {}


    private record NativeBound(String address, Channel server, Throwable error) implements Command {}

    private record Rebind(String address, int port) implements Command {}

    /** The TTLs are set on {@code server} (error null), or could not be (it was closed). */
    private record Applied(String address, Channel server, Throwable error) implements Command {}

    /** What the native server sockets hold for the registered neighbours. */
    private record Registration(ActorRef<Peer.Command> peer, TcpOptions tcp) {}

    private record Ended(String address, Throwable error) implements Command {}

    private record BindResult(String address, Tcp.ServerBinding binding, Throwable error) implements Command {}

    private record Retry(Runnable askNext) implements Command {}

    /**
     * How long the accepting stream waits for the Listener to take a connection: longer than its longest pacing
     * wait; past it (the Listener failed on that connection and resumed), that connection is lost and the next is
     * accepted, so a failure never stops the accepting.
     */
    static final Duration HAND_OVER_TIMEOUT = MAX_WAIT.plusSeconds(2);

    /**
     * Listens on every address of {@code bind} (exabgp.tcp.bind; empty: do not listen at all) on {@code port}.
     */
    public static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers) {
        return create(bind, port, peers, false);
    }

    /**
     * As above; with {@code nativeSockets} the addresses are listened on with epoll sockets from the start (some
     * neighbour of the configuration has TCP-MD5 or GTSM settings), else Pekko's until one registers.
     */
    public static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers,
                                           boolean nativeSockets) {
        return create(bind, port, peers, Listener::freeFileDescriptors, nativeSockets);
    }

    /** As above; {@code freeFds} tells how many more files the process may open. */
    static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers,
                                    LongSupplier freeFds) {
        return create(bind, port, peers, freeFds, false);
    }

    private static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers,
                                            LongSupplier freeFds, boolean nativeSockets) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            State s = new State(ctx, timers, freeFds, bind, port);
            s.nativeMode = nativeSockets;
            peers.forEach((address, peer) -> s.register(new Key(address, null), new Registration(peer,
                    TcpOptions.NONE)));
            for (String address : bind) {
                if (nativeSockets) {
                    s.bindNative(address, port);
                } else {
                    s.bindPekko(address);
                }
            }
            return Behaviors.receive(Command.class)
                    .onMessage(Register.class, r -> {
                        s.register(new Key(r.address(), r.localAddress()), new Registration(r.peer(), r.tcp()));
                        return Behaviors.same();
                    })
                    .onMessage(Unregister.class, u -> {
                        s.byKey.remove(new Key(u.address(), u.localAddress()));
                        s.syncNative();
                        return Behaviors.same();
                    })
                    .onMessage(GetBound.class, g -> {
                        s.waiting.add(g.replyTo());
                        s.answerWaiting();
                        return Behaviors.same();
                    })
                    .onMessage(BindResult.class, r -> s.onBind(r))
                    .onMessage(NativeBound.class, r -> s.onNativeBound(r))
                    .onMessage(Rebind.class, r -> {
                        s.bindNative(r.address(), r.port());
                        return Behaviors.same();
                    })
                    .onMessage(Applied.class, a -> s.onApplied(a))
                    .onMessage(Accepted.class, a -> {
                        Tcp.IncomingConnection c = a.connection();
                        s.onAccepted(TcpTransport.incoming(c, ctx.getSystem()), c.remoteAddress(), c.localAddress(),
                                null);
                        return s.next(() -> a.next().tell(Done.getInstance()));
                    })
                    .onMessage(AcceptedNative.class, a -> {
                        Channel ch = a.accepted().channel();
                        s.onAccepted(EpollTransport.incoming(ch), (InetSocketAddress) ch.remoteAddress(),
                                (InetSocketAddress) ch.localAddress(), ch);
                        return s.next(a.accepted().next());
                    })
                    .onMessage(Retry.class, r -> s.next(r.askNext()))
                    .onMessage(Ended.class, e -> {
                        if (e.error() != null) {
                            ctx.getLog().error("listening on {} ended: {}", e.address(), e.error().toString());
                        }
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, t -> {
                        s.byKey.values().removeIf(r -> r.peer().equals(t.getRef()));
                        s.syncNative();
                        return Behaviors.same();
                    })
                    .onSignal(PostStop.class, stop -> {
                        s.servers.values().forEach(Channel::close);
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
        final List<String> bind;
        final int port;
        final Map<Key, Registration> byKey = new HashMap<>();
        final Map<String, String> bound = new HashMap<>();
        /** Pekko's bindings by address (to unbind when switching to native sockets). */
        final Map<String, Tcp.ServerBinding> bindings = new HashMap<>();
        /** The native server sockets by address. */
        final Map<String, Channel> servers = new HashMap<>();
        /** Addresses whose native socket is being bound (first, again, or instead of Pekko's): not reported bound. */
        final Set<String> rebinding = new HashSet<>();
        /** TTL settings sent to server sockets and not yet confirmed. */
        int pendingApplies;
        /** GetBound asked while a socket was being replaced or set up: answered once none is. */
        final List<ActorRef<Bound>> waiting = new ArrayList<>();
        boolean nativeMode;
        /** Zero while descriptors are to spare, else the wait before the next connection is asked for. */
        Duration wait = Duration.ZERO;
        long refused;

        State(ActorContext<Command> ctx, TimerScheduler<Command> timers, LongSupplier freeFds, List<String> bind,
              int port) {
            this.ctx = ctx;
            this.timers = timers;
            this.freeFds = freeFds;
            this.bind = bind;
            this.port = port;
        }

        void register(Key key, Registration r) {
            byKey.put(key, r);
            ctx.watch(r.peer());
            if (r.tcp().needsNativeSocket() && !nativeMode) {
                switchToNative();
            }
            syncNative();
        }

        void bindPekko(String address) {
            Tcp.get(ctx.getSystem()).bind(address, port, 100, List.of(TcpSO.tcpNoDelay(true)), false,
                            Optional.<Duration>empty())
                    .mapMaterializedValue(cs -> {
                        cs.whenComplete((b, e) -> ctx.getSelf().tell(new BindResult(address, b, e)));
                        return cs;
                    })
                    .mapAsync(1, c -> AskPattern.<Command, Done>ask(ctx.getSelf(), next -> new Accepted(c, next),
                            HAND_OVER_TIMEOUT, ctx.getSystem().scheduler())
                            .exceptionally(e -> Done.getInstance()))
                    .withAttributes(Attributes.inputBuffer(1, 1))
                    .to(Sink.<Done>ignore().mapMaterializedValue(done -> {
                        done.whenComplete((d, e) -> ctx.getSelf().tell(new Ended(address, e)));
                        return done;
                    }))
                    .run(ctx.getSystem());
        }

        /** Binds a native socket holding the registered neighbours' keys and TTLs from before it listens. */
        void bindNative(String address, int port) {
            ActorRef<Command> self = ctx.getSelf();
            NativeSettings now = nativeSettings();
            rebinding.add(address);
            NativeListener.bind(address, port, now.keys(), now.minTtl(), now.ttl(),
                    a -> self.tell(new AcceptedNative(a)),
                    (server, error) -> self.tell(new NativeBound(address, server, error)));
        }

        /**
         * The MD5 keys changed: the server socket of {@code address} is closed (the kernel resets the handshakes in
         * its queue, which may have been completed unsigned) and a new one is bound on the same port with the new
         * keys, so no listening socket ever gets a key after it listened. Connections are refused in between.
         */
        private void rebind(String address, Channel server) {
            servers.remove(address);
            bound.remove(address);
            rebinding.add(address);
            int p = ((InetSocketAddress) server.localAddress()).getPort();
            ctx.getLog().info("the MD5 keys of the neighbors changed: listening on {} again with a new socket",
                    address);
            ActorRef<Command> self = ctx.getSelf();
            server.close().addListener(f -> self.tell(new Rebind(address, p)));
        }

        /** Answers the GetBound asked while a socket was being replaced or set up, once none is. */
        void answerWaiting() {
            if (rebinding.isEmpty() && pendingApplies == 0) {
                Bound b = new Bound(List.copyOf(bound.values()));
                waiting.forEach(w -> w.tell(b));
                waiting.clear();
            }
        }

        /**
         * A neighbour needs TCP-MD5 or GTSM and the addresses are Pekko's sockets: each is unbound and bound again as
         * a native socket (connections are refused in between, for a few milliseconds).
         */
        private void switchToNative() {
            nativeMode = true;
            ctx.getLog().info("a neighbor has TCP-MD5 or GTSM settings: listening again with native sockets");
            ActorRef<Command> self = ctx.getSelf();
            for (Map.Entry<String, Tcp.ServerBinding> e : bindings.entrySet()) {
                bound.remove(e.getKey());
                rebinding.add(e.getKey());
                e.getValue().unbind().whenComplete((done, error) -> self.tell(new Rebind(e.getKey(), port)));
            }
            bindings.clear();
        }

        /**
         * The registered neighbours' settings onto every native server socket: new MD5 keys by binding a new socket
         * ({@link #rebind}), the TTLs in place.
         */
        void syncNative() {
            if (servers.isEmpty()) {
                return; // a bind under way is checked when it completes
            }
            NativeSettings now = nativeSettings();
            for (Map.Entry<String, Channel> e : List.copyOf(servers.entrySet())) {
                if (NativeListener.sameKeys(e.getValue().attr(NativeListener.KEYS).get(), now.keys())) {
                    applyTtls(e.getKey(), e.getValue(), now);
                } else {
                    rebind(e.getKey(), e.getValue());
                }
            }
        }

        private void applyTtls(String address, Channel server, NativeSettings now) {
            ActorRef<Command> self = ctx.getSelf();
            pendingApplies++;
            NativeListener.applyTtls(server, now.minTtl(), now.ttl(),
                    e -> self.tell(new Applied(address, server, e)));
        }

        /** The MD5 keys and TTLs of the registered neighbours, as the server sockets hold them. */
        NativeSettings nativeSettings() {
            Map<IpAddress, TcpOptions> byPeer = new HashMap<>();
            byKey.forEach((k, r) -> byPeer.put(k.remote(), NativeSettings.merge(byPeer.get(k.remote()), r.tcp(),
                    () -> ctx.getLog().warn("neighbors of {} have different MD5 passwords: the kernel keeps one key "
                            + "per peer address on a listening socket", k.remote()))));
            return NativeSettings.of(byPeer, byKey.values().stream().map(Registration::tcp).toList());
        }

        Behavior<Command> onApplied(Applied a) {
            pendingApplies--;
            if (a.error() != null) {
                ctx.getLog().error("listening on {} ended: {}", a.address(), a.error().toString());
                if (servers.remove(a.address(), a.server())) {
                    bound.remove(a.address());
                }
            }
            answerWaiting();
            return Behaviors.same();
        }

        /**
         * Asks for the next connection: at once while file descriptors are to spare; short of them, only after a
         * wait (1 s, doubling to {@link #MAX_WAIT}), so a client that connects in a loop costs one accept per wait.
         */
        Behavior<Command> next(Runnable askNext) {
            if (short_()) {
                timers.startSingleTimer(new Retry(askNext), wait);
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            } else {
                askNext.run();
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
                if (nativeMode) {
                    bindNative(r.address(), port);
                }
            } else if (nativeMode) { // the switch came while this bind was under way
                rebinding.add(r.address());
                r.binding().unbind().whenComplete((done, error) ->
                        ctx.getSelf().tell(new Rebind(r.address(), port)));
            } else {
                bindings.put(r.address(), r.binding());
                var a = r.binding().localAddress();
                bound.put(r.address(), a.getAddress().getHostAddress() + ":" + a.getPort());
                ctx.getLog().info("listening on {}", bound.get(r.address()));
            }
            return Behaviors.same();
        }

        Behavior<Command> onNativeBound(NativeBound r) {
            if (r.error() != null) {
                ctx.getLog().error("could not listen on {}: {}", r.address(), r.error().getMessage());
                rebinding.remove(r.address());
                answerWaiting();
                return Behaviors.same();
            }
            NativeSettings now = nativeSettings();
            if (!NativeListener.sameKeys(r.server().attr(NativeListener.KEYS).get(), now.keys())) {
                rebind(r.address(), r.server()); // a registration changed the keys while it was bound
                return Behaviors.same();
            }
            servers.put(r.address(), r.server());
            rebinding.remove(r.address());
            var a = (InetSocketAddress) r.server().localAddress();
            bound.put(r.address(), a.getAddress().getHostAddress() + ":" + a.getPort());
            ctx.getLog().info("listening on {} (native socket: TCP-MD5, GTSM)", bound.get(r.address()));
            applyTtls(r.address(), r.server(), now); // they may have changed while it was bound, as the keys
            r.server().read(); // the first accept; each next one after the last was handed over
            return Behaviors.same();
        }

        /**
         * Hands an accepted connection to its Peer; a native one first gets its neighbour's socket settings
         * ({@link NativeSockets#setAccepted}).
         */
        void onAccepted(Transport.Incoming incoming, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                        Channel nativeChannel) {
            IpAddress remote = IpAddress.of(remoteAddress.getAddress());
            Registration r = byKey.get(new Key(remote, IpAddress.of(localAddress.getAddress())));
            if (r == null) {
                r = byKey.get(new Key(remote, null));
            }
            if (short_()) {
                incoming.reject(); // its descriptor back at once, rather than a session that cannot open files
                return;
            }
            if (r != null && !authenticated(r.tcp(), remoteAddress, nativeChannel)) {
                incoming.reject();
                return;
            }
            if (r != null) {
                if (nativeChannel != null) {
                    try {
                        NativeSockets.setAccepted(nativeChannel, r.tcp());
                    } catch (RuntimeException e) {
                        ctx.getLog().error("refusing a connection from {}: its socket settings could not be applied: {}",
                                remoteAddress, e.toString());
                        incoming.reject();
                        return;
                    }
                }
                r.peer().tell(new Peer.Incoming(incoming));
                return;
            }
            if (refused++ % 1000 == 0) { // a flood of strangers is not a flood of log lines
                ctx.getLog().info("refusing a connection from {} to {}: no neighbor with these addresses "
                        + "({} refused so far)", remoteAddress, localAddress, refused);
            }
            incoming.reject();
        }

        private boolean authenticated(TcpOptions tcp, InetSocketAddress remoteAddress, Channel nativeChannel) {
            String why = NativeSettings.refusal(tcp, remoteAddress, nativeChannel);
            if (why != null) {
                ctx.getLog().warn("refusing a connection from {}: {}", remoteAddress, why);
            }
            return why == null;
        }
    }
}
