// Rib actor: the single owner of Adj-RIB-In and Adj-RIB-Out; turns routes into each session's UPDATE stream.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.api.ApiLine;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.Nlri;

public final class Rib {
    /** At most this many bytes of UPDATEs travel in one {@link Peer.Send}. */
    static final int BATCH_BYTES = 64 * 1024;

    private Rib() {}

    public static Behavior<Command> create() {
        return Behaviors.setup(RibBehavior::new);
    }

    /** Everything the Rib accepts. */
    public interface Command {}

    /** A neighbour's configuration, first or after a reload: its static routes replace the previous ones. */
    public record PeerConfigured(PeerId id, NeighborConfig config) implements Command {}

    /** A neighbour was removed by a reload: forget its routes. */
    public record PeerRemoved(PeerId id) implements Command {}

    /** A session reached Established: the Rib sends it the table, then End-of-RIB, in {@code Peer.Send} batches. */
    public record PeerUp(Session session, ActorRef<Peer.Command> peer) implements Command {}

    /** The session {@code generation} ended: its Adj-RIB-In is dropped; the Adj-RIB-Out is kept for the next. */
    public record PeerDown(PeerId id, long generation) implements Command {}

    /** UPDATEs read from a session, in order; answered with {@code Peer.ReceivedAck}. */
    public record Received(PeerId id, long generation, List<Update> updates) implements Command {
        public Received {
            updates = List.copyOf(updates);
        }
    }

    /** The Peer handed the last {@code Peer.Send} of {@code generation} to its connection: it wants more. */
    public record SendDone(PeerId id, long generation) implements Command {}

    /** The peer asked for the routes of a family again (ROUTE-REFRESH, RFC 2918). */
    public record RouteRefreshReceived(PeerId id, long generation, Family family) implements Command {}

    /**
     * The lines of one read of a helper's output. The whole batch is applied before any Peer is handed the
     * result, then the outcome of every line is sent back, in order (the ordering contract).
     */
    public record ApiBatch(String process, List<ApiInput> inputs, ActorRef<ApiApplied> replyTo) implements Command {
        public ApiBatch {
            inputs = List.copyOf(inputs);
        }
    }

    /** One line of a batch: the parsed line, or why it could not be parsed (then {@code line} is null). */
    public record ApiInput(String text, ApiLine line, String error) {}

    /** The outcome of each line of an {@link ApiBatch}, in order. */
    public record ApiApplied(String process, List<ApiOutcome> outcomes) {
        public ApiApplied {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** {@code done} (with the output of a show command) or {@code error} with the reason. */
    public record ApiOutcome(boolean ok, List<String> output, String reason) {
        public ApiOutcome {
            output = List.copyOf(output);
        }

        public static ApiOutcome done() {
            return new ApiOutcome(true, List.of(), "");
        }

        public static ApiOutcome output(List<String> lines) {
            return new ApiOutcome(true, lines, "");
        }

        public static ApiOutcome error(String reason) {
            return new ApiOutcome(false, List.of(), reason);
        }
    }

    private static final class RibBehavior extends AbstractBehavior<Command> {
        private final Map<PeerId, PeerState> peers = new HashMap<>();
        /** Received attribute sets, shared by every peer's Adj-RIB-In. */
        private final AttributeStore attributes = new AttributeStore();

        RibBehavior(ActorContext<Command> ctx) {
            super(ctx);
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(PeerConfigured.class, this::onConfigured)
                    .onMessage(PeerRemoved.class, m -> {
                        peers.remove(m.id());
                        return this;
                    })
                    .onMessage(PeerUp.class, this::onPeerUp)
                    .onMessage(PeerDown.class, this::onPeerDown)
                    .onMessage(Received.class, this::onReceived)
                    .onMessage(SendDone.class, this::onSendDone)
                    .onMessage(ApiBatch.class, this::onApiBatch)
                    .onMessage(RouteRefreshReceived.class, this::onRouteRefresh)
                    .build();
        }

        private Behavior<Command> onConfigured(PeerConfigured m) {
            PeerState ps = peers.computeIfAbsent(m.id(), k -> new PeerState());
            StaticRoutes next = StaticRoutes.of(m.config().routes());
            Map<Nlri, Change> wanted = next.initial();
            if (ps.statics != null) {
                for (Map.Entry<Nlri, Change> old : ps.statics.initial().entrySet()) {
                    if (!wanted.containsKey(old.getKey())) {
                        Change c = old.getValue();
                        ps.out.withdraw(Change.withdraw(c.nlri(), c.attributes()));
                    }
                }
            }
            // the first configuration in order (an NLRI named twice is sent twice, as ExaBGP does); a reload: a diff
            (ps.statics == null ? next.initialInOrder() : List.copyOf(wanted.values())).forEach(ps.out::announce);
            ps.config = m.config();
            ps.statics = next;
            trySend(ps);
            return this;
        }

        private Behavior<Command> onPeerUp(PeerUp m) {
            PeerState ps = peers.get(m.session().id());
            if (ps == null) {
                getContext().getLog().warn("session up for an unknown neighbour: {}", m.session().id());
                return this;
            }
            ps.session = m.session();
            ps.peer = m.peer();
            ps.in = new AdjRibIn(attributes);
            ps.encoder = new UpdateEncoder(m.session(), ps.config.groupUpdates());
            ps.queue.clear();
            ps.inFlight = false;
            ps.withdrawalsAllowed = false;
            ps.initialDone = false;
            ps.out.sessionStarted();
            if (ps.out.hasPending()) {
                ps.encoder.encode(ps.out.takePending(), false, ps.queue::add);
                ps.withdrawalsAllowed = true;
            }
            if (!ps.config.manualEor()) {
                ps.queue.addAll(ps.encoder.endOfRib());
            }
            getContext().getLog().debug("{}: session {} up, {} messages in the initial table", m.session().id(),
                    m.session().generation(), ps.queue.size());
            trySend(ps);
            return this;
        }

        private Behavior<Command> onPeerDown(PeerDown m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null) {
                ps.session = null;
                ps.peer = null;
                ps.in.clear();
                ps.in = null;
                ps.encoder = null;
                ps.queue.clear();
                ps.inFlight = false;
                ps.initialDone = false;
            }
            return this;
        }

        private Behavior<Command> onReceived(Received m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null) {
                boolean debug = getContext().getLog().isDebugEnabled();
                for (Update u : m.updates()) {
                    List<RibChange> changes = ps.in.apply(u);
                    if (debug) {
                        changes.forEach(c -> logChange(m.id(), c));
                    }
                }
                if (debug) {
                    getContext().getLog().debug("{}: Adj-RIB-In holds {} route(s)", m.id(), ps.in.size());
                }
                ps.peer.tell(new Peer.ReceivedAck(m.generation()));
            }
            return this;
        }

        /** ExaBGP's answer to a ROUTE-REFRESH: the family's routes again, in BoRR/EoRR when route-refresh is on. */
        private Behavior<Command> onRouteRefresh(RouteRefreshReceived m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null && ps.session.families().contains(m.family())) {
                ps.out.resendAll(List.of(m.family()), ps.config.capability().routeRefresh());
                trySend(ps);
            }
            return this;
        }

        private Behavior<Command> onApiBatch(ApiBatch m) {
            List<ApiOutcome> outcomes = new ArrayList<>(m.inputs().size());
            peers.values().forEach(PeerState::beginBatch);
            for (ApiInput in : m.inputs()) {
                ApiOutcome o = in.line() == null ? ApiOutcome.error(in.error())
                        : ApiApplier.apply(m.process(), in.line(), peers.values());
                if (!o.ok()) {
                    getContext().getLog().warn("{}: '{}' failed: {}", m.process(), in.text(), o.reason());
                }
                outcomes.add(o);
            }
            peers.values().forEach(PeerState::endBatch);
            // only now, with the whole batch applied, do the Peers get the result
            peers.values().forEach(this::trySend);
            m.replyTo().tell(new ApiApplied(m.process(), outcomes));
            return this;
        }

        private Behavior<Command> onSendDone(SendDone m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null) {
                ps.inFlight = false;
                trySend(ps);
            }
            return this;
        }

        private void logChange(PeerId id, RibChange c) {
            for (Nlri n : c.nlri()) {
                if (c.isWithdrawal()) {
                    getContext().getLog().debug("{}: << withdraw {}", id, n);
                } else {
                    getContext().getLog().debug("{}: << {} {}", id, n, c.attributes());
                }
            }
        }

        /** The state of a peer if {@code generation} is its current session. */
        private PeerState current(PeerId id, long generation) {
            PeerState ps = peers.get(id);
            return ps != null && ps.session != null && ps.session.generation() == generation ? ps : null;
        }

        /** Hands the peer its next batch if it has none in flight: the rest of this flush, or a new flush. */
        private void trySend(PeerState ps) {
            if (ps.session == null || ps.inFlight) {
                return;
            }
            if (ps.queue.isEmpty()) {
                ps.initialDone = true;
                if (!ps.out.hasPending() && !ps.held.isEmpty()) {
                    ps.held.poll().forEach(op -> op.accept(ps)); // one held helper batch per flush
                }
                if (ps.out.hasPending()) {
                    ps.encoder.encode(ps.out.takePending(), ps.withdrawalsAllowed, ps.queue::add);
                    ps.withdrawalsAllowed = true;
                }
                ps.endOfRibRequests.forEach(f -> ps.queue.add(ps.encoder.endOfRib(f)));
                ps.endOfRibRequests.clear();
                ps.refreshRequests.forEach(f -> ps.queue.add(MessageCodec.encode(
                        new RouteRefreshMessage(f, RouteRefreshMessage.REQUEST), ps.session.options())));
                ps.refreshRequests.clear();
            }
            if (ps.queue.isEmpty()) {
                if (!ps.held.isEmpty()) {
                    trySend(ps); // a held batch that changed nothing: release the next
                }
                return;
            }
            List<Bytes> batch = new ArrayList<>();
            int size = 0;
            while (!ps.queue.isEmpty() && (batch.isEmpty() || size + ps.queue.peek().length <= BATCH_BYTES)) {
                byte[] m = ps.queue.poll();
                size += m.length;
                batch.add(Bytes.of(m));
            }
            ps.inFlight = true;
            ps.peer.tell(new Peer.Send(ps.session.generation(), batch));
        }
    }
}
