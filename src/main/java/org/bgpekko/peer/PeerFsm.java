// The RFC 4271 section 8 FSM of one Peer actor: one behaviour per state, and the transitions between them.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;

/**
 * The behaviours share this object's fields (actor-confined); each state handles only what it must. Connections
 * live in {@link Links}, timers in {@link SessionTimers}, incoming connections and collisions in {@link Collision},
 * the Established state in {@link Established}, shutdown in {@link Stopping}.
 */
final class PeerFsm {
    /** RFC 4271 section 8.2.2 state names, for logs and tests. */
    enum State { IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED }

    record RetryTick() implements Command {}

    /** The time a {@link Peer.Disable} kept the session down is over. */
    record DisableOver() implements Command {}

    final ActorContext<Command> ctx;
    final NeighborConfig config;
    final Peer.Options options;
    final Transport transport;
    final ActorRef<Rib.Command> rib;
    final ActorRef<Peer.Stopped> parent;
    final PeerId id;
    final Open localOpen;
    final long routerId;
    final TimerScheduler<Command> timerScheduler;
    final SessionTimers timers;
    final Links links;
    final PeerEvents events;
    final Stopping stopping;
    final Established established;
    final Backoff backoff = new Backoff();
    private long nextConnId = 1;
    /** The outgoing connection being opened (-1: none), and whether its stream ended before it was reported up. */
    long connecting = -1;
    private boolean connectingClosed;
    private Runnable abortConnecting = () -> { };
    int attempts;
    /** Kept down by {@link Peer.Disable}: no connection opened, incoming ones refused. */
    boolean disabled;
    State state = State.IDLE;
    /** The connection the FSM runs on, and an incoming one racing it (RFC 4271 section 6.8). */
    Link current;
    Link candidate;
    private Negotiation negotiation;

    PeerFsm(ActorContext<Command> ctx, TimerScheduler<Command> timers, NeighborConfig config, Peer.Options options,
            Transport transport, ActorRef<Rib.Command> rib, ActorRef<Peer.Stopped> parent,
            ActorRef<ApiGateway.Command> gateway) {
        this.ctx = ctx;
        this.timerScheduler = timers;
        this.config = config;
        this.options = options;
        this.transport = transport;
        this.rib = rib;
        this.parent = parent;
        this.id = PeerId.of(config);
        this.localOpen = OpenBuilder.build(config, options.softwareVersion());
        this.routerId = localOpen.bgpIdentifier();
        this.timers = new SessionTimers(timers, TimerClock.of(Adapter.toClassic(ctx.getSystem()).scheduler()));
        this.links = new Links(timers);
        this.established = new Established(this);
        this.events = new PeerEvents(gateway, config);
        this.stopping = new Stopping(this);
    }

    Behavior<Command> start() {
        return passive() ? active() : connect();
    }

    boolean passive() {
        return config.passive() || options.passive();
    }

    long nextConnId() {
        return nextConnId++;
    }

    // ------------------------------------------------------------------ states

    /** Idle: no connection; waits for the connect-retry (backoff) timer. */
    private Behavior<Command> idle() {
        state = State.IDLE;
        return common(Behaviors.receive(Command.class).onMessage(RetryTick.class, t -> connect()));
    }

    /** Connect: an outgoing TCP connection is being opened. */
    private Behavior<Command> connect() {
        state = State.CONNECT;
        attempts++;
        connecting = nextConnId();
        connectingClosed = false;
        int port = config.connect() > 0 ? config.connect() : options.port();
        InetSocketAddress remote = new InetSocketAddress(config.peerAddress().toInetAddress(), port);
        Optional<InetSocketAddress> local = Optional.ofNullable(config.connectFrom())
                .map(a -> new InetSocketAddress(a.toInetAddress(), 0));
        ctx.getLog().debug("{}: connecting to {} (attempt {})", id, remote, attempts);
        abortConnecting = transport.connect(connecting, remote, local, options.connectTimeout(), localOpen,
                ctx.getSelf());
        return common(Behaviors.receive(Command.class)
                .onMessage(Peer.Connected.class, c -> c.connId() == connecting, c -> {
                    connecting = -1;
                    Link link = links.add(new Link(c.connId(), true, c.connection()));
                    if (connectingClosed) { // its stream ended before the connect was reported: never used
                        links.closed(link.id);
                        return afterClose();
                    }
                    return openSent(link);
                })
                .onMessage(Peer.Closed.class, c -> c.connId() == connecting, c -> {
                    connectingClosed = true;
                    return Behaviors.same();
                })
                .onMessage(Peer.ConnectFailed.class, f -> f.connId() == connecting, f -> {
                    connecting = -1;
                    ctx.getLog().info("{}: connection failed: {}", id, f.reason());
                    return afterClose();
                }));
    }

    /** Disabled (an Idle that waits for no retry): a {@link Peer.Disable} keeps the session down. */
    private Behavior<Command> disabledState() {
        state = State.IDLE;
        return common(Behaviors.receive(Command.class).onMessage(DisableOver.class, t -> {
            disabled = false;
            ctx.getLog().info("{}: the session may come up again", id);
            backoff.reset();
            return start();
        }));
    }

    /** Closes the session (or the attempt) with the notification and keeps it down as {@code d} says. */
    Behavior<Command> disable(Peer.Disable d) {
        if (disabled) {
            return Behaviors.same();
        }
        disabled = true;
        timerScheduler.cancel(RetryTick.class);
        abandonConnecting();
        if (d.downFor() != null) {
            timerScheduler.startSingleTimer(DisableOver.class, new DisableOver(), d.downFor());
        }
        ctx.getLog().warn("{}: closing with NOTIFICATION {}/{} ({}), down {}", id, d.notification().code(),
                d.notification().subcode(), Notification.describe(d.notification().code(),
                        d.notification().subcode()),
                d.downFor() == null ? "until restarted or reconfigured" : "for " + d.downFor().toSeconds() + " s");
        if (candidate != null) {
            links.close(candidate, d.notification());
            candidate = null;
        }
        if (current != null) {
            links.close(current, d.notification());
            return afterClose();
        }
        return stopping.active() ? Behaviors.same() : disabledState();
    }

    /** Active: a passive neighbour waits for the peer to connect. */
    Behavior<Command> active() {
        state = State.ACTIVE;
        return common(Behaviors.receive(Command.class));
    }

    /** OpenSent: our OPEN is out (unless a collision candidate already sent it); waiting for the peer's. */
    Behavior<Command> openSent(Link link) {
        state = State.OPEN_SENT;
        current = link;
        abandonConnecting();
        if (link.sent == null) {
            link.send(localOpen);
            events.connected(link);
            events.sent(link, localOpen);
            link.connection.pull();
        }
        timers.openSent(link.id, options.openWait());
        return common(Behaviors.receive(Command.class)
                .onMessage(Peer.Inbound.class, i -> i.connId() == link.id, i -> {
                    link.connection.pull();
                    InboundDecoder.Item item = i.item();
                    if (item.error() != null) {
                        return fail(link, item.error().toNotification(), item.error().getMessage());
                    }
                    if (item.message() instanceof Open o) {
                        return receivedOpen(link, o);
                    }
                    if (item.message() instanceof Notification n) {
                        return peerNotified(link, n);
                    }
                    return fail(link, fsmError(1, "The first packet received is not an open message ("
                            + item.message().getClass().getSimpleName() + ")"), "unexpected message in OpenSent");
                }));
    }

    /** OpenConfirm: OPENs exchanged, our KEEPALIVE sent; waiting for the peer's KEEPALIVE. */
    private Behavior<Command> openConfirm(Link link) {
        state = State.OPEN_CONFIRM;
        return common(Behaviors.receive(Command.class)
                .onMessage(Peer.Inbound.class, i -> i.connId() == link.id, i -> {
                    link.connection.pull();
                    InboundDecoder.Item item = i.item();
                    if (item.error() != null) {
                        return fail(link, item.error().toNotification(), item.error().getMessage());
                    }
                    timers.received(link.id);
                    if (item.message() instanceof Keepalive) {
                        events.received(link, item.message());
                        state = State.ESTABLISHED;
                        return established.enter(link, negotiation);
                    }
                    if (item.message() instanceof Notification n) {
                        return peerNotified(link, n);
                    }
                    return fail(link, fsmError(2, null), "unexpected message in OpenConfirm");
                }));
    }

    // ------------------------------------------------------------------ what every state handles

    Behavior<Command> common(BehaviorBuilder<Command> b) {
        return b.onMessage(Peer.Written.class, this::onWritten)
                .onMessage(Peer.Closed.class, this::onClosed)
                .onMessage(Peer.Connected.class, c -> { // an outgoing connection given up on
                    c.connection().close();
                    return Behaviors.same();
                })
                .onMessage(Peer.ConnectFailed.class, f -> Behaviors.same())
                .onMessage(Peer.Inbound.class, i -> candidate != null && i.connId() == candidate.id,
                        i -> Collision.onCandidateInbound(this, candidate, i))
                .onMessage(Peer.Inbound.class, i -> Behaviors.same()) // a connection being closed: not pulled
                .onMessage(Peer.Incoming.class, in -> Collision.onIncoming(this, in))
                .onMessage(SessionTimers.HoldExpired.class, h -> current != null && h.connId() == current.id,
                        h -> fail(current, new Notification(Notification.HOLD_TIMER_EXPIRED, 0, Bytes.EMPTY),
                                "hold timer expired"))
                .onMessage(SessionTimers.KeepaliveTick.class, k -> {
                    if (current != null && k.connId() == current.id) {
                        current.sendKeepalive();
                        events.sentKeepalive(current);
                    }
                    return Behaviors.same();
                })
                .onMessage(Links.LingerExpired.class, l -> {
                    links.lingerExpired(l.connId());
                    return stopping.whenDrained();
                })
                .onMessage(Peer.Send.class, s -> {
                    rib.tell(new Rib.SendDone(id, s.generation())); // not this session's: dropped, answered
                    return Behaviors.same();
                })
                .onMessage(Peer.ReceivedAck.class, a -> Behaviors.same())
                .onMessage(Peer.Teardown.class, t -> Behaviors.same()) // ExaBGP: only established peers
                .onMessage(Peer.Disable.class, this::disable)
                .onMessage(DisableOver.class, t -> Behaviors.same())
                .onMessage(Peer.Shutdown.class, stopping::onShutdown)
                .onMessage(Stopping.StopNow.class, s -> stopping.stopNow())
                .onMessage(RetryTick.class, t -> Behaviors.same())
                .onSignal(PostStop.class, s -> { // stopped by its parent without Shutdown: no socket is left open
                    abandonConnecting();
                    links.dropAll();
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onWritten(Peer.Written w) {
        Link link = links.get(w.connId());
        if (link != null) {
            link.written();
            if (link == current && state == State.ESTABLISHED) {
                established.written(link);
            }
        }
        return Behaviors.same();
    }

    private Behavior<Command> onClosed(Peer.Closed c) {
        Link link = links.closed(c.connId());
        if (link != null && link == candidate) {
            candidate = null;
        } else if (link != null && link == current) {
            ctx.getLog().info("{}: {} closed in {}: {}", id, link, state, c.reason());
            return afterClose();
        }
        return stopping.whenDrained();
    }

    // ------------------------------------------------------------------ transitions

    /** The peer's OPEN on {@code link}: check, negotiate, KEEPALIVE at once, then OpenConfirm. */
    Behavior<Command> receivedOpen(Link link, Open received) {
        link.received = received;
        events.received(link, received);
        Negotiation n;
        try {
            n = Negotiation.of(localOpen, received, config.peerAs(), config.localAs(), config.role().strict());
        } catch (NotificationException e) {
            return fail(link, e.toNotification(), e.getMessage());
        }
        negotiation = n;
        link.sendKeepalive();
        events.sentKeepalive(link);
        timers.negotiated(link.id, n.holdTime(), n.keepalive(), options.openWait());
        return openConfirm(link);
    }

    /** Makes {@code link} the FSM's connection after winning a collision, in the state its OPEN puts it. */
    Behavior<Command> adopt(Link link) {
        candidate = null;
        current = link;
        state = State.OPEN_SENT;
        return receivedOpen(link, link.received);
    }

    /** Sends {@code n} on the connection, closes it, and leaves the session. */
    Behavior<Command> fail(Link link, Notification n, String reason) {
        ctx.getLog().info("{}: closing {} in {} with NOTIFICATION {}/{}: {}", id, link, state, n.code(),
                n.subcode(), reason);
        return closeWith(link, n, reason);
    }

    Behavior<Command> closeWith(Link link, Notification n, String reason) {
        boolean silent = n != null && n.code() == Notification.CEASE && state == State.ESTABLISHED
                && n.subcode() != 7 && OpenBuilder.gracefulRestartTime(config) >= 0;
        // ExaBGP closes without NOTIFICATION when it announced graceful restart (its teardown/shutdown path)
        links.close(link, silent ? null : n);
        return afterClose();
    }

    Behavior<Command> peerNotified(Link link, Notification n) {
        events.received(link, n);
        ctx.getLog().warn("{}: received NOTIFICATION {}/{} ({}) in {}", id, n.code(), n.subcode(),
                Notification.describe(n.code(), n.subcode()), state);
        links.close(link, null);
        return afterClose();
    }

    /** The session or attempt ended: report, then reconnect, wait, or stop. */
    Behavior<Command> afterClose() {
        timers.stop();
        if (state == State.ESTABLISHED) {
            established.left();
        }
        current = null;
        negotiation = null;
        if (candidate != null) {
            Link c = candidate;
            candidate = null;
            state = State.OPEN_SENT;
            return c.received != null ? adopt(c) : openSent(c);
        }
        if (stopping.active()) {
            return stopping.stoppingState();
        }
        if (disabled) {
            return disabledState();
        }
        if (options.attempts() > 0 && attempts >= options.attempts()) {
            ctx.getLog().info("{}: maximum connection attempts reached ({}), stopping", id, attempts);
            return stopping.stopAtAttemptLimit();
        }
        if (passive()) {
            return active();
        }
        Duration wait = backoff.next();
        if (wait.isZero()) {
            return connect();
        }
        timerScheduler.startSingleTimer(RetryTick.class, new RetryTick(), wait);
        return idle();
    }

    /** An outgoing connection still being opened is given up (an incoming one won, or the Peer stops). */
    void abandonConnecting() {
        if (connecting >= 0) {
            connecting = -1;
            abortConnecting.run();
        }
    }

    /** An accepted connection becomes the FSM's connection (Idle, Connect, Active): no retry, no backoff. */
    Behavior<Command> takeIncoming(Link link) {
        timerScheduler.cancel(RetryTick.class);
        backoff.reset();
        return openSent(link);
    }

    static Notification fsmError(int subcode, String text) {
        return text == null ? Cease.exabgp(Notification.FSM_ERROR, subcode)
                : new Notification(Notification.FSM_ERROR, subcode, Bytes.ascii(text));
    }
}
