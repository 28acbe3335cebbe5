// Rib actor: the single owner of Adj-RIB-In and Adj-RIB-Out; turns routes into each session's UPDATE stream.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.rtr.RtrSession;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.nlri.Nlri;

/**
 * Failure: the Rib is not restarted. Its Adj-RIB-Outs hold what helpers announced, which nothing could rebuild, so
 * the guardian answers a Rib failure with a clean shutdown (Cease to every peer, helpers stopped, exit code 70).
 */
public final class Rib {
    /** At most this many bytes of UPDATEs travel in one {@link Peer.Send}. */
    static final int BATCH_BYTES = 64 * 1024;

    private Rib() {}

    public static Behavior<Command> create() {
        return Behaviors.setup(RibBehavior::new);
    }

    /** Everything the Rib accepts. */
    public interface Command {}

    /**
     * ROAs came or went over RTR (from the Rib's RTR client, started when a client's general.yml takes its ROAs over
     * RTR): the routes they concern are checked again.
     */
    public record RpkiRoas(RtrSession.Delivery delivery) implements Command {}

    /** A neighbour's configuration, first or after a reload: its static routes replace the previous ones. */
    public record PeerConfigured(PeerId id, NeighborConfig config) implements Command {}

    /**
     * The neighbours a reload kept, with their new configurations, applied together: a route-server policy that
     * changed is compared and re-run over every Adj-RIB-In at once, so only the difference goes on the wire.
     */
    public record PeersConfigured(List<PeerConfigured> configs) implements Command {
        public PeersConfigured {
            configs = List.copyOf(configs);
        }
    }

    /**
     * The route server's import policy changed under the routes (ROAs, ...): the routes of {@code prefixes} (unicast,
     * no path identifier), or every route when empty, are checked again in every client's Adj-RIB-In.
     */
    public record Reevaluate(List<Nlri> prefixes) implements Command {
        public Reevaluate {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** A neighbour was removed by a reload: forget its routes. */
    public record PeerRemoved(PeerId id) implements Command {}

    /** A session reached Established: the Rib sends it the table, then End-of-RIB, in {@code Peer.Send} batches. */
    public record PeerUp(Session session, ActorRef<Peer.Command> peer) implements Command {}

    /** The session {@code generation} ended: its Adj-RIB-In is dropped; the Adj-RIB-Out is kept for the next. */
    public record PeerDown(PeerId id, long generation) implements Command {}

    /** The neighbour's Peer actor failed and is replaced: its session, whatever the generation, is over. */
    public record PeerReset(PeerId id) implements Command {}

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

    /** Asks what a neighbour's current session holds in its Adj-RIB-In (diagnostics, tests). */
    public record ShowAdjRibIn(PeerId id, ActorRef<AdjRibInRoutes> replyTo) implements Command {}

    /**
     * The answer to {@link ShowAdjRibIn}: every route held with its attributes, and the families an AFI/SAFI-disable
     * finding switched off; {@code established} is false (and the rest empty) when no session is up.
     */
    public record AdjRibInRoutes(PeerId id, boolean established, Map<Nlri, RouteAttributes> routes,
                                 Set<Family> disabled) {
        public AdjRibInRoutes {
            routes = Map.copyOf(routes);
            disabled = Set.copyOf(disabled);
        }
    }

    /**
     * One batch of a helper's commands (lines that arrived back to back, or a group). The whole batch is applied
     * before any Peer is handed the result, then the outcome of every command is sent back, in order (the ordering
     * contract).
     */
    public record ApiBatch(String process, List<ApiInput> inputs, ActorRef<ApiApplied> replyTo) implements Command {
        public ApiBatch {
            inputs = List.copyOf(inputs);
        }
    }

    /** One line of a batch: its text (for the log), the neighbours it is for, and what it asks. */
    public record ApiInput(String text, RibOperation.Targets targets, RibOperation operation) {}

    /**
     * The outcome of each line of an {@link ApiBatch}, in order, in one message or, for a long answer, in several:
     * all but the last have {@code complete} false, and the gateway asks for the next with {@link ApiMore} once the
     * helper has taken what it got. At most {@code ApiReplies.PART_LINES} output lines travel in one (the answers
     * themselves are not counted: their number is the batch's, which the gateway bounds).
     */
    public record ApiApplied(String process, List<ApiOutcome> outcomes, boolean complete) {
        public ApiApplied {
            outcomes = List.copyOf(outcomes);
        }

        public ApiApplied(String process, List<ApiOutcome> outcomes) {
            this(process, outcomes, true);
        }
    }

    /**
     * {@code done} (with the output of a show command) or {@code error} with the reason. With {@code more}, only
     * output lines of a line whose answer goes on in the next {@link ApiApplied}: no {@code done} yet.
     */
    public record ApiOutcome(boolean ok, List<String> output, String reason, boolean more) {
        public ApiOutcome {
            output = List.copyOf(output);
        }

        public ApiOutcome(boolean ok, List<String> output, String reason) {
            this(ok, output, reason, false);
        }

        private static final ApiOutcome DONE = new ApiOutcome(true, List.of(), "");

        public static ApiOutcome done() {
            return DONE;
        }

        public static ApiOutcome output(List<String> lines) {
            return new ApiOutcome(true, lines, "");
        }

        public static ApiOutcome more(List<String> lines) {
            return new ApiOutcome(true, lines, "", true);
        }

        public static ApiOutcome error(String reason) {
            return new ApiOutcome(false, List.of(), reason);
        }
    }

    /** The gateway has written the last part of {@code process}'s answer to its helper: the next may come. */
    public record ApiMore(String process) implements Command {}

    /** Asks for {@link Stats}: what the Rib holds (diagnostics and tests). */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {}

    /**
     * @param neighbors configured neighbours
     * @param receivedAttributeSets attribute sets interned for the Adj-RIBs-In
     * @param outboundAttributeSets attribute sets interned for the Adj-RIBs-Out (and what is pending or held)
     * @param outboundPrefixes NLRI numbered for the Adj-RIBs-Out
     * @param heldBatches helper batches held, over all neighbours
     * @param heldChanges the route changes those batches keep
     */
    public record Stats(int neighbors, int receivedAttributeSets, int outboundAttributeSets, int outboundPrefixes,
                        int heldBatches, int heldChanges) {}

    private static final class RibBehavior extends AbstractBehavior<Command> {
        private final Map<PeerId, PeerState> peers = new HashMap<>();
        /** Received attribute sets, shared by every peer's Adj-RIB-In. */
        private final AttributeStore attributes = new AttributeStore();
        /** Outbound attribute sets and NLRI numbers, shared by every peer's Adj-RIB-Out. */
        private final InternTable<OutboundAttributes> outAttrs = new InternTable<>();
        private final NlriSlots slots = new NlriSlots();
        private final Relay relay = new Relay(attributes, slots);
        private final ApiApplier applier = new ApiApplier(slots, outAttrs, attributes, relay);
        private final ApiReplies replies = new ApiReplies();
        /** The RTR client, a child. */
        private final RtrChild rtr;

        RibBehavior(ActorContext<Command> ctx) {
            super(ctx);
            rtr = new RtrChild(ctx);
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(PeerConfigured.class, m -> onConfigured(new PeersConfigured(List.of(m))))
                    .onMessage(PeersConfigured.class, this::onConfigured)
                    .onMessage(Reevaluate.class, this::onReevaluate)
                    .onMessage(PeerRemoved.class, this::onRemoved)
                    .onMessage(PeerUp.class, this::onPeerUp)
                    .onMessage(PeerDown.class, this::onPeerDown)
                    .onMessage(PeerReset.class, this::onPeerReset)
                    .onMessage(Received.class, this::onReceived)
                    .onMessage(SendDone.class, this::onSendDone)
                    .onMessage(ApiBatch.class, this::onApiBatch)
                    .onMessage(ApiMore.class, this::onApiMore)
                    .onMessage(RouteRefreshReceived.class, this::onRouteRefresh)
                    .onMessage(ShowAdjRibIn.class, this::onShowAdjRibIn)
                    .onMessage(GetStats.class, this::onGetStats)
                    .onMessage(RpkiRoas.class, this::onRpkiRoas)
                    .build();
        }

        private Behavior<Command> onConfigured(PeersConfigured m) {
            Map<PeerState, RsPolicy.Client> policies = new LinkedHashMap<>();
            List<PeerState> touched = new ArrayList<>();
            for (PeerConfigured c : m.configs()) {
                PeerState ps = peers.computeIfAbsent(c.id(), k -> new PeerState(slots, outAttrs, relay.server));
                configure(ps, c.config());
                touched.add(ps);
                RsPolicy.Client old = ps.config == null ? null : ps.config.rsPolicy();
                boolean client = ps.rsClient >= 0;
                ps.config = c.config();
                relay.configured(ps);
                if (client && ps.rsClient >= 0 && old != ps.config.rsPolicy()) {
                    policies.put(ps, old);
                }
            }
            rtrClient();
            if (!policies.isEmpty()) {
                long start = System.nanoTime();
                boolean relayed = relay.policyChanged(policies);
                relay.limitsReached(getContext().getLog());
                getContext().getLog().info("route-server policy of {} client(s) re-evaluated in {} ms",
                        policies.size(), (System.nanoTime() - start) / 1_000_000);
                if (relayed) {
                    sendRelayed();
                }
            }
            touched.forEach(this::trySend);
            return this;
        }

        private Behavior<Command> onReevaluate(Reevaluate m) {
            if (relay.reevaluateAll(m.prefixes().isEmpty() ? null : m.prefixes())) {
                sendRelayed();
            }
            relay.limitsReached(getContext().getLog());
            return this;
        }

        /** A neighbour's static routes, first or after a reload: the difference goes to its Adj-RIB-Out. */
        private void configure(PeerState ps, NeighborConfig config) {
            StaticRoutes next = StaticRoutes.of(config.routes());
            if (ps.statics == null) {
                next.announced().forEach(r -> change(ps, r.nlri(), r.attributes(), true));
            } else {
                Map<Nlri, OutboundAttributes> wanted = next.initial();
                for (Map.Entry<Nlri, OutboundAttributes> old : ps.statics.initial().entrySet()) {
                    if (!wanted.containsKey(old.getKey())) {
                        change(ps, old.getKey(), old.getValue(), false);
                    }
                }
                wanted.forEach((nlri, attributes) -> change(ps, nlri, attributes, true));
            }
            ps.statics = next;
        }

        /** The RTR client as the policies now name it; the ROAs of one stopped are dropped. */
        private void rtrClient() {
            if (rtr.sync(peers.values())) {
                relay.roasChanged(new RtrSession.Delivery(true, List.of(), List.of())); // no policy reads them now
            }
        }

        private Behavior<Command> onRpkiRoas(RpkiRoas m) {
            if (!rtr.running()) {
                return this; // from a client stopped since: no policy reads ROAs over RTR
            }
            if (relay.roasChanged(m.delivery())) {
                sendRelayed();
            }
            getContext().getLog().debug("RTR: {} VRPs held", relay.rtrRoas.size());
            return this;
        }

        /** A configuration change goes straight to the Adj-RIB-Out (it is not a helper batch). */
        private void change(PeerState ps, Nlri nlri, OutboundAttributes attributes, boolean announce) {
            int attr = outAttrs.acquire(attributes);
            int slot = slots.acquire(nlri);
            if (announce) {
                ps.out.announce(slot, attr);
            } else {
                ps.out.withdraw(slot, attr);
            }
            slots.release(slot);
            outAttrs.release(attr);
        }

        private Behavior<Command> onRemoved(PeerRemoved m) {
            PeerState ps = peers.remove(m.id());
            if (ps != null) {
                sessionDown(ps);
                relay.removed(ps);
                ps.remove();
                rtrClient();
                sendRelayed();
            }
            return this;
        }

        private Behavior<Command> onPeerUp(PeerUp m) {
            PeerState ps = peers.get(m.session().id());
            if (ps == null) {
                getContext().getLog().warn("session up for an unknown neighbour: {}", m.session().id());
                return this;
            }
            List<Family> endOfRib = ps.config.manualEor() ? List.of() : m.session().families();
            if (ps.rsClient >= 0) {
                sessionDown(ps); // a session replaced without PeerDown: its paths go first
                relay.up(ps, m.session(), endOfRib); // End-of-RIB after the relayed table
                endOfRib = List.of();
            }
            ps.sessionUp(m.session(), m.peer(),
                    new AdjRibIn(attributes, ps.rsClient >= 0 ? relay.server.indexedRoutes(ps.rsClient) : null),
                    endOfRib);
            getContext().getLog().debug("{}: session {} up, {} route(s) in the initial table", m.session().id(),
                    m.session().generation(), ps.out.size());
            trySend(ps);
            return this;
        }

        private Behavior<Command> onPeerDown(PeerDown m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null) {
                sessionDown(ps);
            }
            return this;
        }

        private Behavior<Command> onPeerReset(PeerReset m) {
            PeerState ps = peers.get(m.id());
            if (ps != null && ps.established()) {
                getContext().getLog().info("{}: session {} reset with its Peer", m.id(), ps.session.generation());
                sessionDown(ps);
            }
            return this;
        }

        private Behavior<Command> onReceived(Received m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null && !ps.config.adjRibIn()) { // ExaBGP's adj-rib-in false: helpers get them, nothing is kept
                ps.peer.tell(new Peer.ReceivedAck(m.generation()));
            } else if (ps != null) {
                boolean debug = getContext().getLog().isDebugEnabled();
                boolean relayed = false;
                for (Update received : m.updates()) {
                    Update u = NextHopCheck.check(received, ps.session.localAddress());
                    if (u.errorAction().compareTo(ErrorAction.TREAT_AS_WITHDRAW) >= 0) {
                        // RFC 7606 section 6 / RFC 4271 section 6.3: log what was withdrawn or disabled, and why
                        getContext().getLog().warn("{}: UPDATE {}", m.id(), u.errors());
                    } else if (!u.errors().isEmpty()) {
                        getContext().getLog().info("{}: UPDATE {}", m.id(), u.errors());
                    }
                    List<RibChange> changes = ps.in.apply(u);
                    if (debug) {
                        changes.forEach(c -> logChange(m.id(), c));
                    }
                    if (ps.rsClient >= 0) {
                        relayed |= relay.changed(ps, changes);
                    }
                }
                if (ps.rsClient >= 0) {
                    relay.limitsReached(getContext().getLog());
                }
                if (relayed) {
                    sendRelayed();
                }
                if (debug) {
                    getContext().getLog().debug("{}: Adj-RIB-In holds {} route(s)", m.id(), ps.in.size());
                }
                ps.peer.tell(new Peer.ReceivedAck(m.generation()));
            }
            return this;
        }

        private Behavior<Command> onShowAdjRibIn(ShowAdjRibIn m) {
            PeerState ps = peers.get(m.id());
            Map<Nlri, RouteAttributes> routes = new HashMap<>();
            Set<Family> disabled = new HashSet<>();
            boolean up = ps != null && ps.in != null;
            if (up) {
                for (Family f : ps.in.families()) {
                    ps.in.forEach(f, (nlri, id) -> routes.put(nlri, attributes.get(id)));
                }
                disabled.addAll(ps.in.disabled());
            }
            m.replyTo().tell(new AdjRibInRoutes(m.id(), up, routes, disabled));
            return this;
        }

        /**
         * RFC 2918: only when we advertised route refresh, and only for a negotiated family; BoRR/EoRR (RFC 7313) only
         * when both sides advertised enhanced route refresh. Any number of requests leave one re-send per family.
         */
        private Behavior<Command> onRouteRefresh(RouteRefreshReceived m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps == null) {
                return this;
            }
            Session s = ps.session;
            boolean advertised = s.sent() != null && s.sent().capability(RouteRefresh.class).isPresent();
            if (!advertised || !s.families().contains(m.family())) {
                getContext().getLog().debug("{}: ROUTE-REFRESH for {} ignored (not negotiated)", m.id(), m.family());
                return this;
            }
            boolean enhanced = s.received() != null && s.sent().capability(EnhancedRouteRefresh.class).isPresent()
                    && s.received().capability(EnhancedRouteRefresh.class).isPresent();
            ps.out.resend(List.of(m.family()), enhanced);
            trySend(ps);
            return this;
        }

        private Behavior<Command> onApiBatch(ApiBatch m) {
            if (replies.busy(m.process())) {
                replies.await(m); // behind the answer its helper is still reading
            } else {
                apply(m);
            }
            return this;
        }

        private Behavior<Command> onApiMore(ApiMore m) {
            for (ApiBatch waiting : replies.more(m.process())) {
                if (replies.busy(m.process())) {
                    replies.await(waiting);
                } else {
                    apply(waiting);
                }
            }
            return this;
        }

        /** Applies a whole batch, hands the Peers the result, then answers (a show's lines in parts). */
        private void apply(ApiBatch m) {
            List<ApiReplies.Part> parts = new ArrayList<>(m.inputs().size());
            applier.beginBatch();
            for (ApiInput in : m.inputs()) {
                ApiReplies.Part p = applier.apply(in, peers.values());
                if (p.outcome() != null && !p.outcome().ok()) {
                    getContext().getLog().warn("{}: '{}' failed: {}", m.process(), in.text(), p.outcome().reason());
                }
                parts.add(p);
            }
            peers.values().forEach(PeerState::endBatch);
            // only now, with the whole batch applied, do the Peers get the result
            peers.values().forEach(this::trySend);
            replies.answer(m.process(), m.replyTo(), parts);
        }

        private Behavior<Command> onSendDone(SendDone m) {
            PeerState ps = current(m.id(), m.generation());
            if (ps != null) {
                ps.flow.sendDone();
                trySend(ps);
            }
            return this;
        }

        private Behavior<Command> onGetStats(GetStats m) {
            int held = peers.values().stream().mapToInt(p -> p.flow.heldBatches()).sum();
            int changes = peers.values().stream().mapToInt(p -> p.flow.heldChanges()).sum();
            m.replyTo().tell(new Stats(peers.size(), attributes.size(), outAttrs.size(), slots.size(), held, changes));
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

        /** A session ends; a route-server client's paths are withdrawn from the other clients. */
        private void sessionDown(PeerState ps) {
            if (ps.rsClient >= 0 && ps.established() && relay.down(ps)) {
                ps.sessionDown();
                sendRelayed();
                return;
            }
            ps.sessionDown();
        }

        /** Hands every route-server client with nothing in flight its next batch. */
        private void sendRelayed() {
            for (PeerState c : relay.clients()) {
                if (c != null) {
                    trySend(c);
                }
            }
        }

        /** The state of a peer if {@code generation} is its current session. */
        private PeerState current(PeerId id, long generation) {
            PeerState ps = peers.get(id);
            return ps != null && ps.session != null && ps.session.generation() == generation ? ps : null;
        }

        /** Hands the peer its next batch if it has none in flight. */
        private void trySend(PeerState ps) {
            Peer.Send send = ps.nextSend(BATCH_BYTES);
            if (send != null) {
                ps.peer.tell(send);
            }
        }
    }
}
