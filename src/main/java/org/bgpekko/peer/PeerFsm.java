// The RFC 4271 section 8 FSM of one Peer actor: one behaviour per state, the timers and connection bookkeeping.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.IpAddress;

/** The behaviours share this object's fields (actor-confined); each state handles only what it must. */
final class PeerFsm {
    /** RFC 4271 section 8.2.2 state names, for logs and tests. */
    enum State { IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED }

    private record RetryTick() implements Command {}

    private record HoldExpired(long connId) implements Command {}

    private record KeepaliveTick(long connId) implements Command {}

    private record LingerExpired(long connId) implements Command {}

    private record StopNow() implements Command {}

    /** How long Shutdown waits for the final NOTIFICATION to be written. */
    static final Duration STOP_WAIT = Duration.ofSeconds(1);

    final ActorContext<Command> ctx;
    final TimerScheduler<Command> timers;
    final NeighborConfig config;
    final Peer.Options options;
    final Transport transport;
    final ActorRef<Rib.Command> rib;
    final ActorRef<Peer.Stopped> parent;
    final PeerId id;
    final Open localOpen;
    final long routerId;

    private final Map<Long, Link> links = new HashMap<>();
    private final Set<Long> pendingIncoming = new HashSet<>();
    private final Map<Long, List<Peer.Inbound>> early = new HashMap<>();
    private final Backoff backoff = new Backoff();
    private long nextConnId = 1;
    private long connecting = -1;
    private int attempts;
    private long generation;
    State state = State.IDLE;
    /** The connection the FSM runs on, and an incoming one racing it (RFC 4271 section 6.8). */
    private Link current;
    private Link candidate;
    private Negotiation negotiation;
    private final InboundToRib inbound;
    private boolean sendPending;
    private final List<ActorRef<Peer.Stopped>> stopReplies = new ArrayList<>();
    final PeerEvents events;

    PeerFsm(ActorContext<Command> ctx, TimerScheduler<Command> timers, NeighborConfig config, Peer.Options options,
            Transport transport, ActorRef<Rib.Command> rib, ActorRef<Peer.Stopped> parent,
            ActorRef<ApiGateway.Command> gateway) {
        this.ctx = ctx;
        this.timers = timers;
        this.config = config;
        this.options = options;
        this.transport = transport;
        this.rib = rib;
        this.parent = parent;
        this.id = PeerId.of(config);
        this.localOpen = OpenBuilder.build(config, options.softwareVersion());
        this.routerId = localOpen.bgpIdentifier();
        this.inbound = new InboundToRib(id, rib);
        this.events = new PeerEvents(gateway, config);
    }

    Behavior<Command> start() {
        return passive() ? active() : connect();
    }

    private boolean passive() {
        return config.passive() || options.passive();
    }

    // ------------------------------------------------------------------ states

    /** Idle: no connection; waits for the connect-retry (backoff) timer. */
    private Behavior<Command> idle() {
        state = State.IDLE;
        return common(Behaviors.receive(Command.class)
                .onMessage(RetryTick.class, t -> connect()));
    }

    /** Connect: an outgoing TCP connection is being opened. */
    private Behavior<Command> connect() {
        state = State.CONNECT;
        attempts++;
        connecting = nextConnId++;
        int port = config.connect() > 0 ? config.connect() : options.port();
        InetSocketAddress remote = new InetSocketAddress(config.peerAddress().toInetAddress(), port);
        Optional<InetSocketAddress> local = Optional.ofNullable(config.localAddress())
                .map(a -> new InetSocketAddress(a.toInetAddress(), 0));
        ctx.getLog().debug("{}: connecting to {} (attempt {})", id, remote, attempts);
        transport.connect(connecting, remote, local, options.connectTimeout(), localOpen, ctx.getSelf());
        return common(Behaviors.receive(Command.class)
                .onMessage(Peer.Connected.class, c -> c.connId() == connecting, c -> {
                    connecting = -1;
                    Link link = new Link(c.connId(), true, c.connection());
                    links.put(link.id, link);
                    return openSent(link);
                })
                .onMessage(Peer.ConnectFailed.class, f -> f.connId() == connecting, f -> {
                    connecting = -1;
                    ctx.getLog().info("{}: connection failed: {}", id, f.reason());
                    return afterClose();
                }));
    }

    /** Active: a passive neighbour waits for the peer to connect. */
    private Behavior<Command> active() {
        state = State.ACTIVE;
        return common(Behaviors.receive(Command.class));
    }

    /** OpenSent: our OPEN is out; waiting for the peer's. */
    private Behavior<Command> openSent(Link link) {
        state = State.OPEN_SENT;
        current = link;
        link.send(localOpen);
        events.connected(link);
        events.sent(link, localOpen);
        link.connection.pull();
        replayEarly(link.id);
        startHold(link.id, Math.max(options.openWait(), 1));
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
                    restartHold(link.id);
                    if (item.message() instanceof Keepalive) {
                        events.received(link, item.message());
                        return established(link);
                    }
                    if (item.message() instanceof Notification n) {
                        return peerNotified(link, n);
                    }
                    return fail(link, fsmError(2, null), "unexpected message in OpenConfirm");
                }));
    }

    /** Established: UPDATEs flow both ways. */
    private Behavior<Command> established(Link link) {
        state = State.ESTABLISHED;
        generation++;
        backoff.reset();
        Session s = session(link);
        inbound.start(generation, link);
        ctx.getLog().info("{}: established (hold time {}, families {})", id, negotiation.holdTime(),
                negotiation.families());
        rib.tell(new Rib.PeerUp(s, ctx.getSelf()));
        events.up(link, s);
        return common(Behaviors.receive(Command.class)
                .onMessage(Peer.Inbound.class, i -> i.connId() == link.id, i -> {
                    InboundDecoder.Item item = i.item();
                    if (item.error() != null) {
                        return fail(link, item.error().toNotification(), item.error().getMessage());
                    }
                    restartHold(link.id);
                    if (!(item.message() instanceof Notification)) {
                        events.received(link, item.message());
                    }
                    if (item.message() instanceof Update u) {
                        inbound.update(u);
                        return Behaviors.same();
                    }
                    if (item.message() instanceof Notification n) {
                        return peerNotified(link, n);
                    }
                    if (item.message() instanceof Open) {
                        return fail(link, fsmError(3, null), "OPEN in Established");
                    }
                    if (item.message() instanceof RouteRefreshMessage r && r.subtype() == RouteRefreshMessage.REQUEST) {
                        rib.tell(new Rib.RouteRefreshReceived(id, generation, r.family()));
                    }
                    link.connection.pull(); // KEEPALIVE (only our timer sends ours), ROUTE-REFRESH
                    return Behaviors.same();
                })
                .onMessage(Peer.ReceivedAck.class, a -> {
                    inbound.acked(a.generation());
                    return Behaviors.same();
                })
                .onMessage(Peer.Send.class, s2 -> s2.generation() == generation, s2 -> {
                    link.sendRib(s2.messages());
                    events.sentBatch(link, s2.messages());
                    sendPending = true;
                    sendDoneIfDrained(link);
                    return Behaviors.same();
                })
                .onMessage(Peer.Teardown.class, t -> {
                    backoff.reset();
                    return closeWith(link, Cease.teardown(t.subcode(), t.text()), "teardown " + t.subcode());
                }));
    }

    // ------------------------------------------------------------------ what every state handles

    private Behavior<Command> common(BehaviorBuilder<Command> b) {
        return b.onMessage(Peer.Written.class, this::onWritten)
                .onMessage(Peer.Closed.class, this::onClosed)
                .onMessage(Peer.Connected.class, this::onConnected)
                .onMessage(Peer.ConnectFailed.class, f -> Behaviors.same())
                .onMessage(Peer.Inbound.class, this::onOtherInbound)
                .onMessage(Peer.Incoming.class, this::onIncoming)
                .onMessage(HoldExpired.class, h -> current != null && h.connId() == current.id,
                        h -> fail(current, new Notification(Notification.HOLD_TIMER_EXPIRED, 0,
                                Bytes.EMPTY), "hold timer expired"))
                .onMessage(KeepaliveTick.class, k -> {
                    if (current != null && k.connId() == current.id) {
                        current.sendKeepalive();
                        events.sentKeepalive(current);
                    }
                    return Behaviors.same();
                })
                .onMessage(LingerExpired.class, l -> {
                    Link gone = links.remove(l.connId());
                    if (gone != null) {
                        gone.drop();
                    }
                    return Behaviors.same();
                })
                .onMessage(Peer.Send.class, s -> {
                    rib.tell(new Rib.SendDone(id, s.generation())); // not this session's: dropped, answered
                    return Behaviors.same();
                })
                .onMessage(Peer.ReceivedAck.class, a -> Behaviors.same())
                .onMessage(Peer.Teardown.class, t -> Behaviors.same()) // ExaBGP: only established peers
                .onMessage(Peer.Shutdown.class, this::onShutdown)
                .onMessage(StopNow.class, s -> stopNow())
                .onMessage(RetryTick.class, t -> Behaviors.same())
                .build();
    }

    private Behavior<Command> onWritten(Peer.Written w) {
        Link link = links.get(w.connId());
        if (link != null) {
            link.written();
            if (link == current && state == State.ESTABLISHED) {
                sendDoneIfDrained(link);
            }
        }
        return Behaviors.same();
    }

    private void sendDoneIfDrained(Link link) {
        if (sendPending && link.ribDrained()) {
            sendPending = false;
            rib.tell(new Rib.SendDone(id, generation));
        }
    }

    private Behavior<Command> onClosed(Peer.Closed c) {
        Link link = links.remove(c.connId());
        timers.cancel(new LingerKey(c.connId()));
        if (link == null) {
            return Behaviors.same();
        }
        if (link == candidate) {
            candidate = null;
            return Behaviors.same();
        }
        if (link == current) {
            ctx.getLog().info("{}: {} closed in {}: {}", id, link, state, c.reason());
            current = null;
            return afterClose();
        }
        if (stopping() && current == null && links.isEmpty()) {
            return stopNow();
        }
        return Behaviors.same();
    }

    private Behavior<Command> onOtherInbound(Peer.Inbound i) {
        if (i.connId() == connecting) {
            early.computeIfAbsent(i.connId(), k -> new ArrayList<>()).add(i);
            return Behaviors.same();
        }
        if (candidate != null && i.connId() == candidate.id) {
            return Collision.onCandidateInbound(this, candidate, i);
        }
        return Behaviors.same(); // a connection being closed: not pulled any more
    }

    private void replayEarly(long connId) {
        List<Peer.Inbound> waiting = early.remove(connId);
        if (waiting != null) {
            waiting.forEach(ctx.getSelf()::tell);
        }
    }

    private Behavior<Command> onIncoming(Peer.Incoming in) {
        if (stopping()) {
            in.connection().reject();
            return Behaviors.same();
        }
        long connId = nextConnId++;
        pendingIncoming.add(connId);
        in.connection().attach(connId, localOpen, ctx.getSelf());
        return Behaviors.same();
    }

    private Behavior<Command> onConnected(Peer.Connected c) {
        Link link = new Link(c.connId(), false, c.connection());
        links.put(link.id, link);
        if (!pendingIncoming.remove(c.connId())) {
            link.drop(); // an outgoing connection we gave up on
            links.remove(link.id);
            return Behaviors.same();
        }
        ctx.getLog().debug("{}: incoming {} in {}", id, link, state);
        switch (state) {
            case IDLE, ACTIVE, CONNECT -> {
                connecting = -1; // an outgoing connection still opening is dropped when it connects
                timers.cancel(RetryTick.class);
                backoff.reset();
                return openSent(link);
            }
            case OPEN_SENT, OPEN_CONFIRM -> {
                if (candidate != null) {
                    closeLink(candidate, Cease.collision());
                }
                candidate = link;
                link.send(localOpen);
                link.connection.pull();
                return Behaviors.same();
            }
            default -> {
                closeLink(link, Cease.alreadyEstablished());
                return Behaviors.same();
            }
        }
    }

    // ------------------------------------------------------------------ transitions

    /** The peer's OPEN on {@code link}: check, negotiate, KEEPALIVE at once, then OpenConfirm. */
    Behavior<Command> receivedOpen(Link link, Open received) {
        link.received = received;
        events.received(link, received);
        Negotiation n;
        try {
            n = Negotiation.of(localOpen, received, config.peerAs(), config.localAs());
        } catch (NotificationException e) {
            return fail(link, e.toNotification(), e.getMessage());
        }
        negotiation = n;
        link.sendKeepalive();
        events.sentKeepalive(link);
        timers.cancel(new HoldKey());
        if (n.holdTime() > 0) {
            startHold(link.id, n.holdTime());
            timers.startTimerAtFixedRate(new KeepaliveKey(), new KeepaliveTick(link.id),
                    Duration.ofSeconds(Math.max(n.keepalive(), 1)));
        }
        return openConfirm(link);
    }

    /** Makes {@code link} the FSM's connection after winning a collision, in the state its OPEN puts it. */
    Behavior<Command> adopt(Link link) {
        candidate = null;
        current = link;
        state = State.OPEN_SENT;
        return receivedOpen(link, link.received);
    }

    Link current() {
        return current;
    }

    void clearCandidate() {
        candidate = null;
    }

    /** Sends {@code n} on the connection, closes it, and leaves the session. */
    Behavior<Command> fail(Link link, Notification n, String reason) {
        ctx.getLog().info("{}: closing {} in {} with NOTIFICATION {}/{}: {}", id, link, state, n.code(),
                n.subcode(), reason);
        return closeWith(link, n, reason);
    }

    private Behavior<Command> closeWith(Link link, Notification n, String reason) {
        boolean silent = n != null && n.code() == Notification.CEASE && state == State.ESTABLISHED
                && n.subcode() != 7 && OpenBuilder.gracefulRestartTime(config) >= 0;
        // ExaBGP closes without NOTIFICATION when it announced graceful restart (its teardown/shutdown path)
        closeLink(link, silent ? null : n);
        current = null;
        return afterClose();
    }

    private Behavior<Command> peerNotified(Link link, Notification n) {
        events.received(link, n);
        ctx.getLog().warn("{}: received NOTIFICATION {}/{} ({}) in {}", id, n.code(), n.subcode(),
                Notification.describe(n.code(), n.subcode()), state);
        closeLink(link, null);
        current = null;
        return afterClose();
    }

    /** Writes what is queued and {@code n} (if any), closes, and aborts after a linger time. */
    void closeLink(Link link, Notification n) {
        link.abandonRib();
        if (n != null) {
            link.send(n);
        }
        link.close();
        timers.startSingleTimer(new LingerKey(link.id), new LingerExpired(link.id), TcpTransport.LINGER);
    }

    /** The session or attempt ended: report, then reconnect, wait, or stop. */
    private Behavior<Command> afterClose() {
        timers.cancel(new HoldKey());
        timers.cancel(new KeepaliveKey());
        if (state == State.ESTABLISHED) {
            inbound.stop();
            if (sendPending) {
                sendPending = false;
                rib.tell(new Rib.SendDone(id, generation));
            }
            rib.tell(new Rib.PeerDown(id, generation));
            events.down(current, "session closed");
        }
        negotiation = null;
        if (candidate != null) {
            Link c = candidate;
            candidate = null;
            current = c;
            state = State.OPEN_SENT;
            return c.received != null ? adopt(c) : openSentResumed(c);
        }
        if (stopping()) {
            return links.isEmpty() ? stopNow() : stoppingState();
        }
        if (options.attempts() > 0 && attempts >= options.attempts()) {
            ctx.getLog().info("{}: maximum connection attempts reached ({}), stopping", id, attempts);
            // like a shutdown: the last NOTIFICATION leaves and the socket closes before the parent hears of it
            stopReplies.add(parent);
            timers.startSingleTimer(new StopKey(), new StopNow(), STOP_WAIT);
            return links.isEmpty() ? stopNow() : stoppingState();
        }
        if (passive()) {
            return active();
        }
        Duration wait = backoff.next();
        if (wait.isZero()) {
            return connect();
        }
        timers.startSingleTimer(RetryTick.class, new RetryTick(), wait);
        return idle();
    }

    /** A candidate whose OPEN has not arrived yet takes over as the FSM's OpenSent connection. */
    private Behavior<Command> openSentResumed(Link link) {
        Open sent = link.sent;
        Behavior<Command> b = openSent(link);
        link.sent = sent;
        return b;
    }

    private boolean stopping() {
        return !stopReplies.isEmpty();
    }

    private Behavior<Command> onShutdown(Peer.Shutdown s) {
        stopReplies.add(s.replyTo());
        if (stopReplies.size() > 1) {
            return Behaviors.same();
        }
        timers.cancel(RetryTick.class);
        timers.startSingleTimer(new StopKey(), new StopNow(), STOP_WAIT);
        if (candidate != null) {
            closeLink(candidate, null);
            candidate = null;
        }
        if (current != null) {
            boolean established = state == State.ESTABLISHED;
            return closeWith(current, established ? Cease.shutdown() : null, "shutdown");
        }
        return afterClose();
    }

    /** Shutdown asked: waits (at most STOP_WAIT) for the last NOTIFICATION to be written and the socket closed. */
    private Behavior<Command> stoppingState() {
        state = State.IDLE;
        return common(Behaviors.receive(Command.class));
    }

    private Behavior<Command> stopNow() {
        links.values().forEach(Link::drop);
        links.clear();
        stopReplies.forEach(r -> r.tell(new Peer.Stopped(id)));
        return Behaviors.stopped();
    }

    private Session session(Link link) {
        return new Session(id, generation, negotiation.options(), negotiation.families(),
                IpAddress.of(link.connection.localAddress().getAddress()),
                IpAddress.of(link.connection.remoteAddress().getAddress()), config.localAs(), negotiation.peerAs(),
                link.sent, link.received);
    }

    private void startHold(long connId, int seconds) {
        timers.startSingleTimer(new HoldKey(), new HoldExpired(connId), Duration.ofSeconds(seconds));
    }

    private void restartHold(long connId) {
        if (negotiation != null && negotiation.holdTime() > 0) {
            startHold(connId, negotiation.holdTime());
        }
    }

    private static Notification fsmError(int subcode, String text) {
        return text == null ? Cease.exabgp(Notification.FSM_ERROR, subcode)
                : new Notification(Notification.FSM_ERROR, subcode, Bytes.ascii(text));
    }

    private record HoldKey() {}

    private record KeepaliveKey() {}

    private record StopKey() {}

    private record LingerKey(long connId) {}
}
