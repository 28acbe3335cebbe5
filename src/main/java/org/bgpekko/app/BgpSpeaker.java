// Guardian of one configuration: starts the Rib, the helpers and one Peer per neighbour; reloads; supervises; stops.
package org.bgpekko.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.rib.Rib;

/**
 * What a failure of each part does (docs/reliability.md, "Rib and supervision"):
 * <ul>
 *   <li>a Peer: the session resets (its connection closes with the actor) and a new Peer for the same neighbour
 *       starts after a back-off of 1 s doubling to 30 s; the Rib forgets the session ({@link Rib.PeerReset}) and
 *       sends the next one its whole Adj-RIB-Out;</li>
 *   <li>the Rib, the ApiGateway, or the guardian's own handling of a message: a clean shutdown, Cease to every
 *       peer, helpers stopped, exit code {@link #EXIT_FAILURE}: the Rib's tables and the helpers' state cannot be
 *       rebuilt, and a process that lives on without them would answer nothing (a zombie).</li>
 * </ul>
 */
public final class BgpSpeaker {
    private BgpSpeaker() {}

    /** How long peers get to send their Cease before the speaker stops anyway. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    /** The exit code when the speaker stops because a part of it failed (sysexits' EX_SOFTWARE). */
    public static final int EXIT_FAILURE = 70;

    /** The exit code when helpers fail for good (dying in a loop, or ending with api.terminate): ExaBGP's. */
    public static final int EXIT_HELPERS_FAILED = 1;

    static final Duration RESTART_FIRST = Duration.ofSeconds(1);
    static final Duration RESTART_MAX = Duration.ofSeconds(30);

    /** Starts a Peer for a neighbour; the real one connects over TCP, tests pass their own. */
    public interface PeerFactory {
        Behavior<Peer.Command> create(NeighborConfig neighbor, ActorRef<Rib.Command> rib,
                                      ActorRef<Peer.Stopped> parent, ActorRef<ApiGateway.Command> events);
    }

    /** How the guardian builds its parts: as they are, or (tests) with a fault injected into one. */
    public interface Parts {
        Parts REAL = new Parts() {};

        default Behavior<Rib.Command> rib(Behavior<Rib.Command> rib) {
            return rib;
        }

        default Behavior<ApiGateway.Command> gateway(Behavior<ApiGateway.Command> gateway) {
            return gateway;
        }

        /** How helpers start: programs with pipes, or (the simulation) in-JVM helpers. */
        default org.bgpekko.api.HelperLauncher helpers() {
            return org.bgpekko.api.HelperLauncher.PROCESSES;
        }

        default PeerFactory peers(PeerFactory peers) {
            return peers;
        }

        default Behavior<org.bgpekko.peer.Listener.Command> listener(
                Behavior<org.bgpekko.peer.Listener.Command> listener) {
            return listener;
        }
    }

    /** Everything the guardian accepts. */
    public interface Command {}

    /** Re-read the configuration (SIGUSR1, SIGHUP) and apply the difference. */
    public record Reload() implements Command {}

    /** Cease to every established peer, then stop (SIGTERM, SIGINT) with this exit code. */
    public record Shutdown(int exitCode) implements Command {
        public Shutdown() {
            this(0);
        }
    }

    /** Told to the parent just before the guardian stops: the exit code the process should end with. */
    public record Finished(int exitCode) implements Command {}

    /** Something failed for good (helpers dying in a loop): shut down as {@link Shutdown}, with exit code 1. */
    public record Failed(String reason) implements Command {}

    private record PeerStopped(Peer.Stopped stopped) implements Command {}

    private record GraceOver() implements Command {}

    private record GatewayStopped() implements Command {}

    private record RestartPeer(PeerId id) implements Command {}

    /**
     * @param reload reads the configuration to switch to on {@link Reload} (the next file with rotation on)
     * @param parent gets {@link Finished} (null: nobody)
     */
    public static Behavior<Command> create(Configuration initial, Callable<Configuration> reload,
                                           PeerFactory peers, Settings.Api api, Parts parts, ActorRef<Command> parent) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Running(ctx, timers, initial, reload, parts.peers(peers), api, parts, parent)));
    }

    public static Behavior<Command> create(Configuration initial, Callable<Configuration> reload,
                                           PeerFactory peers, Settings.Api api) {
        return create(initial, reload, peers, api, Parts.REAL, null);
    }

    private static final class Running extends AbstractBehavior<Command> {
        private final TimerScheduler<Command> timers;
        private final Callable<Configuration> reload;
        private final PeerFactory factory;
        private final ActorRef<Command> parent;
        private final ActorRef<Rib.Command> rib;
        private final ActorRef<Peer.Stopped> stoppedAdapter;
        private final Map<PeerId, NeighborConfig> configs = new LinkedHashMap<>();
        private final Map<PeerId, ActorRef<Peer.Command>> peers = new HashMap<>();
        private final Map<ActorRef<Peer.Command>, PeerId> peerIds = new HashMap<>();
        /** Peers being replaced by a reload: the new one starts when the old one has stopped. */
        private final Map<PeerId, NeighborConfig> restarting = new HashMap<>();
        private final Set<PeerId> draining = new HashSet<>();
        private final RestartBackoff backoff = new RestartBackoff(RESTART_FIRST, RESTART_MAX);
        private final ActorRef<ApiGateway.Command> gateway;
        private boolean gatewayStopped;
        private boolean shuttingDown;
        private int exitCode;
        private long spawned;

        Running(ActorContext<Command> ctx, TimerScheduler<Command> timers, Configuration initial,
                Callable<Configuration> reload, PeerFactory factory, Settings.Api api, Parts parts,
                ActorRef<Command> parent) {
            super(ctx);
            this.timers = timers;
            this.reload = reload;
            this.factory = factory;
            this.parent = parent;
            this.rib = ctx.spawn(parts.rib(Rib.create()), "rib");
            ctx.watch(rib);
            this.stoppedAdapter = ctx.messageAdapter(Peer.Stopped.class, PeerStopped::new);
            ActorRef<Command> self = ctx.getSelf();
            // helpers start before any session exists
            this.gateway = ctx.spawn(parts.gateway(ApiGateway.create(initial.processes(), initial.neighbors(),
                    configDir(initial), api, rib, new ApiGateway.SpeakerControl() {
                        @Override
                        public void shutdown() {
                            self.tell(new Shutdown());
                        }

                        @Override
                        public void reload() {
                            self.tell(new Reload());
                        }

                        @Override
                        public void fail(String reason) {
                            self.tell(new Failed(reason));
                        }
                    }, parts.helpers())), "api", MailboxSelector.fromConfig(ApiGateway.MAILBOX));
            ctx.watch(gateway);
            initial.neighbors().forEach(this::start);
            ctx.getLog().info("{}: {} neighbour(s) started", initial.file(), initial.neighbors().size());
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Reload.class, m -> guarded(m, x -> onReload()))
                    .onMessage(Shutdown.class, m -> guarded(m, x -> onShutdown(x.exitCode())))
                    .onMessage(Failed.class, m -> guarded(m, x -> {
                        getContext().getLog().error("stopping with exit code {}: {}", EXIT_HELPERS_FAILED, x.reason());
                        return onShutdown(EXIT_HELPERS_FAILED);
                    }))
                    .onMessage(PeerStopped.class, m -> guarded(m, this::onPeerStopped))
                    .onMessage(RestartPeer.class, m -> guarded(m, this::onRestartPeer))
                    .onMessage(GraceOver.class, m -> stop())
                    .onMessage(GatewayStopped.class, m -> {
                        gatewayStopped = true;
                        return finished();
                    })
                    .onSignal(ChildFailed.class, f -> guarded(f, this::onChildFailed))
                    .onSignal(Terminated.class, t -> guarded(t, this::onTerminated))
                    .build();
        }

        /** The guardian's own failure: not a silent death, a clean shutdown with a non-zero exit code. */
        private <T> Behavior<Command> guarded(T m, Function<T, Behavior<Command>> handler) {
            try {
                return handler.apply(m);
            } catch (RuntimeException e) {
                getContext().getLog().error("the speaker failed handling {}: stopping", m, e);
                return onShutdown(EXIT_FAILURE);
            }
        }

        private Behavior<Command> onChildFailed(ChildFailed f) {
            ActorRef<Void> child = f.getRef();
            PeerId id = peerIds.get(child.<Peer.Command>unsafeUpcast());
            if (id != null) {
                return onPeerFailed(id, child.unsafeUpcast(), f.getCause());
            }
            String part = child.equals(rib) ? "the Rib" : child.equals(gateway) ? "the helper gateway" : "" + child;
            getContext().getLog().error("{} failed: stopping the speaker", part, f.getCause());
            if (child.equals(gateway)) {
                gatewayStopped = true; // its helpers were stopped with it
            }
            return onShutdown(EXIT_FAILURE);
        }

        private Behavior<Command> onTerminated(Terminated t) {
            ActorRef<Void> child = t.getRef();
            if (child.equals(rib) && !shuttingDown) {
                getContext().getLog().error("the Rib stopped: stopping the speaker");
                return onShutdown(EXIT_FAILURE);
            }
            if (child.equals(gateway)) {
                gatewayStopped = true;
                return finished();
            }
            peerIds.remove(child.<Peer.Command>unsafeUpcast());
            return this;
        }

        /** A Peer failed: its session is over; a new Peer for the neighbour starts after a back-off. */
        private Behavior<Command> onPeerFailed(PeerId id, ActorRef<Peer.Command> ref, Throwable cause) {
            peerIds.remove(ref);
            peers.remove(id);
            rib.tell(new Rib.PeerReset(id));
            if (shuttingDown || draining.contains(id) || !configs.containsKey(id)) {
                getContext().getLog().warn("{}: its Peer failed while stopping: {}", id, String.valueOf(cause));
                return afterPeerGone(id);
            }
            Duration wait = backoff.failed(id, System.nanoTime());
            getContext().getLog().error("{}: its Peer failed; the session restarts in {} s", id, wait.toSeconds(),
                    cause);
            timers.startSingleTimer(new RestartPeer(id), wait);
            return this;
        }

        private Behavior<Command> onRestartPeer(RestartPeer m) {
            NeighborConfig n = configs.get(m.id());
            if (n != null && !shuttingDown && !peers.containsKey(m.id())) {
                spawn(n);
            }
            return this;
        }

        private static Path configDir(Configuration c) {
            Path parent = c.file().toAbsolutePath().getParent();
            return parent != null ? parent : Path.of(".");
        }

        /** Stops when every peer and the helpers are gone. */
        private Behavior<Command> finished() {
            return peers.isEmpty() && gatewayStopped ? stop() : this;
        }

        private Behavior<Command> stop() {
            if (parent != null) {
                parent.tell(new Finished(exitCode));
            }
            return Behaviors.stopped();
        }

        private void stopGateway() {
            if (!gatewayStopped) {
                gateway.tell(new ApiGateway.Stop(getContext().messageAdapter(ApiGateway.Stopped.class,
                        s -> new GatewayStopped())));
            }
        }

        private void start(NeighborConfig n) {
            configs.put(PeerId.of(n), n);
            rib.tell(new Rib.PeerConfigured(PeerId.of(n), n));
            spawn(n);
        }

        private void spawn(NeighborConfig n) {
            PeerId id = PeerId.of(n);
            String name = "peer-" + (++spawned) + "-" + n.peerAddress().toString().replace(':', '_');
            ActorRef<Peer.Command> p = getContext().spawn(factory.create(n, rib, stoppedAdapter, gateway), name);
            getContext().watch(p);
            peers.put(id, p);
            peerIds.put(p, id);
        }

        private Behavior<Command> onReload() {
            if (shuttingDown) {
                return this;
            }
            Configuration next;
            try {
                next = reload.call();
            } catch (ConfigException e) {
                getContext().getLog().error("reload refused, the running configuration is kept: {}", e.describe());
                return this;
            } catch (Exception e) {
                getContext().getLog().error("reload refused, the running configuration is kept: {}", e.toString());
                return this;
            }
            Map<PeerId, NeighborConfig> wanted = new LinkedHashMap<>();
            next.neighbors().forEach(n -> wanted.put(PeerId.of(n), n));
            for (PeerId id : List.copyOf(configs.keySet())) {
                if (!wanted.containsKey(id)) {
                    stopPeer(id, null);
                    rib.tell(new Rib.PeerRemoved(id));
                }
            }
            List<Rib.PeerConfigured> kept = new ArrayList<>();
            for (Map.Entry<PeerId, NeighborConfig> e : wanted.entrySet()) {
                NeighborConfig old = configs.get(e.getKey());
                if (old == null) {
                    start(e.getValue());
                } else if (sameSession(old, e.getValue())) {
                    configs.put(e.getKey(), e.getValue());
                    kept.add(new Rib.PeerConfigured(e.getKey(), e.getValue()));
                } else {
                    getContext().getLog().info("{}: settings changed, the session restarts", e.getKey());
                    stopPeer(e.getKey(), e.getValue());
                }
            }
            if (!kept.isEmpty()) { // together: a policy they share is re-evaluated once, only the difference is sent
                rib.tell(new Rib.PeersConfigured(kept));
            }
            gateway.tell(new ApiGateway.Neighbors(next.neighbors()));
            getContext().getLog().info("reloaded {}", next.file());
            return this;
        }

        /**
         * Everything but the routes and the route-server policy is equal: the session can stay up. A changed max_prefix
         * restarts it, as before: a client that its limit shut down comes back under the new one.
         */
        private static boolean sameSession(NeighborConfig a, NeighborConfig b) {
            return a.sessionSettings().equals(b.sessionSettings())
                    && Objects.equals(maxPrefix(a), maxPrefix(b));
        }

        private static RsPolicy.MaxPrefix maxPrefix(NeighborConfig n) {
            return n.rsPolicy() == null ? null : n.rsPolicy().maxPrefix();
        }

        private void stopPeer(PeerId id, NeighborConfig replacement) {
            ActorRef<Peer.Command> p = peers.get(id);
            configs.remove(id);
            if (replacement != null) {
                restarting.put(id, replacement);
            }
            if (p != null && draining.add(id)) {
                p.tell(new Peer.Shutdown(stoppedAdapter));
            } else if (p == null && replacement != null) {
                restarting.remove(id);
                start(replacement); // its Peer had failed and was waiting for its restart
            }
        }

        private Behavior<Command> onShutdown(int code) {
            exitCode = Math.max(exitCode, code);
            if (!shuttingDown) {
                shuttingDown = true;
                restarting.clear();
                timers.cancelAll();
                for (PeerId id : List.copyOf(peers.keySet())) {
                    stopPeer(id, null);
                }
                stopGateway();
                timers.startSingleTimer(new GraceOver(), SHUTDOWN_GRACE);
            }
            return finished();
        }

        private Behavior<Command> onPeerStopped(PeerStopped m) {
            PeerId id = m.stopped().id();
            ActorRef<Peer.Command> p = peers.remove(id);
            if (p != null) {
                peerIds.remove(p);
                getContext().stop(p);
            }
            return afterPeerGone(id);
        }

        private Behavior<Command> afterPeerGone(PeerId id) {
            draining.remove(id);
            configs.remove(id);
            backoff.forget(id);
            NeighborConfig replacement = restarting.remove(id);
            if (replacement != null) {
                start(replacement);
            }
            if (peers.isEmpty() && !waitingRestart()) {
                getContext().getLog().info(shuttingDown ? "all sessions closed" : "no neighbour left, stopping");
                if (!shuttingDown) {
                    shuttingDown = true;
                    stopGateway();
                    timers.startSingleTimer(new GraceOver(), SHUTDOWN_GRACE);
                }
            }
            return finished();
        }

        /** A neighbour whose Peer failed waits for its restart: the speaker is not out of neighbours. */
        private boolean waitingRestart() {
            return configs.keySet().stream().anyMatch(id -> !peers.containsKey(id) && !draining.contains(id));
        }
    }
}
