// Guardian of one configuration: starts the Rib and one Peer per neighbour; applies reloads; shuts down cleanly.
package org.bgpekko.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import java.nio.file.Path;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.rib.Rib;

public final class BgpSpeaker {
    private BgpSpeaker() {}

    /** How long peers get to send their Cease before the speaker stops anyway. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    /** Starts a Peer for a neighbour; the real one connects over TCP, tests pass their own. */
    public interface PeerFactory {
        Behavior<Peer.Command> create(NeighborConfig neighbor, ActorRef<Rib.Command> rib,
                                      ActorRef<Peer.Stopped> parent, ActorRef<ApiGateway.Command> events);
    }

    /** Everything the guardian accepts. */
    public interface Command {}

    /** Re-read the configuration (SIGUSR1, SIGHUP) and apply the difference. */
    public record Reload() implements Command {}

    /** Cease to every established peer, then stop (SIGTERM, SIGINT). */
    public record Shutdown() implements Command {}

    /** Something failed for good (helpers dying in a loop): shut down as {@link Shutdown}, with exit code 1. */
    public record Failed(String reason) implements Command {}

    private record PeerStopped(Peer.Stopped stopped) implements Command {}

    private record GraceOver() implements Command {}

    private record GatewayStopped() implements Command {}

    /**
     * @param reload reads the configuration to switch to on {@link Reload} (the next file with rotation on)
     */
    public static Behavior<Command> create(Configuration initial, Callable<Configuration> reload,
                                           PeerFactory peers, Settings.Api api) {
        return create(initial, reload, peers, api, new AtomicInteger());
    }

    /** @param exitCode set to 1 when the speaker stops because of a {@link Failed} */
    public static Behavior<Command> create(Configuration initial, Callable<Configuration> reload,
                                           PeerFactory peers, Settings.Api api, AtomicInteger exitCode) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Running(ctx, timers, initial, reload, peers, api, exitCode)));
    }

    private static final class Running extends AbstractBehavior<Command> {
        private final TimerScheduler<Command> timers;
        private final Callable<Configuration> reload;
        private final PeerFactory factory;
        private final ActorRef<Rib.Command> rib;
        private final ActorRef<Peer.Stopped> stoppedAdapter;
        private final Map<PeerId, NeighborConfig> configs = new LinkedHashMap<>();
        private final Map<PeerId, ActorRef<Peer.Command>> peers = new HashMap<>();
        /** Peers being replaced by a reload: the new one starts when the old one has stopped. */
        private final Map<PeerId, NeighborConfig> restarting = new HashMap<>();
        private final Set<PeerId> draining = new HashSet<>();
        private final ActorRef<ApiGateway.Command> gateway;
        private final AtomicInteger exitCode;
        private boolean gatewayStopped;
        private boolean shuttingDown;
        private long spawned;

        Running(ActorContext<Command> ctx, TimerScheduler<Command> timers, Configuration initial,
                Callable<Configuration> reload, PeerFactory factory, Settings.Api api, AtomicInteger exitCode) {
            super(ctx);
            this.exitCode = exitCode;
            this.timers = timers;
            this.reload = reload;
            this.factory = factory;
            this.rib = ctx.spawn(Rib.create(), "rib");
            this.stoppedAdapter = ctx.messageAdapter(Peer.Stopped.class, PeerStopped::new);
            ActorRef<Command> self = ctx.getSelf();
            // helpers start before any session exists
            this.gateway = ctx.spawn(ApiGateway.create(initial.processes(), initial.neighbors(), configDir(initial), api,
                    rib,
                    new ApiGateway.SpeakerControl() {
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
                    }), "api", MailboxSelector.fromConfig(ApiGateway.MAILBOX));
            initial.neighbors().forEach(this::start);
            ctx.getLog().info("{}: {} neighbour(s) started", initial.file(), initial.neighbors().size());
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Reload.class, m -> onReload())
                    .onMessage(Shutdown.class, m -> onShutdown())
                    .onMessage(Failed.class, m -> {
                        getContext().getLog().error("stopping with exit code 1: {}", m.reason());
                        exitCode.set(1);
                        return onShutdown();
                    })
                    .onMessage(PeerStopped.class, this::onPeerStopped)
                    .onMessage(GraceOver.class, m -> Behaviors.stopped())
                    .onMessage(GatewayStopped.class, m -> {
                        gatewayStopped = true;
                        return finished();
                    })
                    .build();
        }

        private static Path configDir(Configuration c) {
            Path parent = c.file().toAbsolutePath().getParent();
            return parent != null ? parent : Path.of(".");
        }

        /** Stops when every peer and the helpers are gone. */
        private Behavior<Command> finished() {
            return peers.isEmpty() && gatewayStopped ? Behaviors.stopped() : this;
        }

        private void stopGateway() {
            gateway.tell(new ApiGateway.Stop(getContext().messageAdapter(ApiGateway.Stopped.class,
                    s -> new GatewayStopped())));
        }

        private void start(NeighborConfig n) {
            PeerId id = PeerId.of(n);
            configs.put(id, n);
            rib.tell(new Rib.PeerConfigured(id, n));
            String name = "peer-" + (++spawned) + "-" + n.peerAddress().toString().replace(':', '_');
            peers.put(id, getContext().spawn(factory.create(n, rib, stoppedAdapter, gateway), name));
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
            for (Map.Entry<PeerId, NeighborConfig> e : wanted.entrySet()) {
                NeighborConfig old = configs.get(e.getKey());
                if (old == null) {
                    start(e.getValue());
                } else if (sameSession(old, e.getValue())) {
                    configs.put(e.getKey(), e.getValue());
                    rib.tell(new Rib.PeerConfigured(e.getKey(), e.getValue()));
                } else {
                    getContext().getLog().info("{}: settings changed, the session restarts", e.getKey());
                    stopPeer(e.getKey(), e.getValue());
                }
            }
            gateway.tell(new ApiGateway.Neighbors(next.neighbors()));
            getContext().getLog().info("reloaded {}", next.file());
            return this;
        }

        /** Everything but the routes is equal: the session can stay up. */
        private static boolean sameSession(NeighborConfig a, NeighborConfig b) {
            return a.withoutRoutes().equals(b.withoutRoutes());
        }

        private void stopPeer(PeerId id, NeighborConfig replacement) {
            ActorRef<Peer.Command> p = peers.get(id);
            configs.remove(id);
            if (replacement != null) {
                restarting.put(id, replacement);
            }
            if (p != null && draining.add(id)) {
                p.tell(new Peer.Shutdown(stoppedAdapter));
            }
        }

        private Behavior<Command> onShutdown() {
            if (!shuttingDown) {
                shuttingDown = true;
                restarting.clear();
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
                getContext().stop(p);
            }
            draining.remove(id);
            configs.remove(id);
            NeighborConfig replacement = restarting.remove(id);
            if (replacement != null) {
                start(replacement);
            }
            if (peers.isEmpty()) {
                getContext().getLog().info(shuttingDown ? "all sessions closed" : "no neighbour left, stopping");
                if (!shuttingDown) {
                    shuttingDown = true;
                    stopGateway();
                    timers.startSingleTimer(new GraceOver(), SHUTDOWN_GRACE);
                }
            }
            return finished();
        }
    }
}
