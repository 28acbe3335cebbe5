// ApiGateway actor: runs the helper programs, sends each batch of their lines to the Rib, answers in order.
package org.bgpekko.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.ProcessConfig;
import org.bgpekko.config.env.ApiEncoder;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;

/**
 * The ordering contract, helper side: the commands of one batch of lines (lines that arrived back to back, see
 * {@link HelperProcess.Window}, or a group) form one {@link Rib.ApiBatch}; batches of one helper reach the Rib in
 * order (one sender, one receiver); each line's answer is written after the Rib applied the whole batch, in line
 * order, also for the answers that need no Rib (a parse error, "group started"). The lines are parsed on the
 * helper's reader thread ({@link BatchAssembler}), not here. ExaBGP's respawn rule: a helper that dies is started
 * again unless {@code respawn false} or {@code exabgp.api.respawn false}; more than {@link #RESPAWN_LIMIT} deaths
 * within a 64-second window stop the speaker with a failure (a non-zero exit code, as ExaBGP's exit code 1).
 */
public final class ApiGateway {
    private ApiGateway() {}

    /** The configuration path of the gateway's mailbox ({@link GatewayMailbox}): spawn it with this. */
    public static final String MAILBOX = "bgpekko.api-gateway-mailbox";

    static final int RESPAWN_LIMIT = 5;
    static final Duration RESPAWN_WINDOW = Duration.ofSeconds(64);
    static final long STOP_GRACE_MILLIS = 1000;

    /** Everything the gateway accepts. */
    public interface Command {}

    /** The speaker stops: every helper gets the shutdown notice and is stopped; then {@code done} is told. */
    public record Stop(ActorRef<Stopped> done) implements Command {}

    /** Reply to {@link Stop}. */
    public record Stopped() {}

    /**
     * Something a Peer saw: {@code kind} is "connected", "up", "down" (with {@code reason}) or "message" (with
     * {@code direction} "receive"/"send" and {@code message}); {@code session} is set once Established.
     */
    public record PeerEvent(PeerId id, String kind, String direction, BgpMessage message, String reason,
                            String localAddress, String peerAddress, long localAs, long peerAs, Session session)
            implements Command {}

    /** The neighbours after a reload: events follow their api blocks. */
    public record Neighbors(List<NeighborConfig> neighbors) implements Command {}

    private record Read(String process, long incarnation, HelperBatch batch) implements Command {}

    /** @param openGroup the commands of a group the helper had not ended (they are not applied) */
    private record Exited(String process, long incarnation, int code, int openGroup) implements Command {}

    private record Applied(Rib.ApiApplied applied) implements Command {}

    /** The Rib has more of a long answer for this helper's incarnation (-1: the helper is gone). */
    private record MoreWanted(String process, long incarnation) implements Command {}

    static final Duration MORE_CHECK = Duration.ofMillis(20);

    private record AllStopped(ActorRef<Stopped> done) implements Command {}

    /** What the guardian must do for a helper's {@code shutdown} or {@code reload}, or when helpers fail. */
    public interface SpeakerControl {
        void shutdown();

        void reload();

        /** Stop as {@link #shutdown} does, with a non-zero exit code: {@code reason} says what failed. */
        void fail(String reason);
    }

    public static Behavior<Command> create(List<ProcessConfig> processes, List<NeighborConfig> neighbors,
                                           Path configDir, Settings.Api settings, ActorRef<Rib.Command> rib,
                                           SpeakerControl speaker) {
        return create(processes, neighbors, configDir, settings, rib, speaker, HelperLauncher.PROCESSES);
    }

    /** As above, with the helpers started by {@code launcher} (the simulation's are in-JVM). */
    public static Behavior<Command> create(List<ProcessConfig> processes, List<NeighborConfig> neighbors,
                                           Path configDir, Settings.Api settings, ActorRef<Rib.Command> rib,
                                           SpeakerControl speaker, HelperLauncher launcher) {
        return Behaviors.setup(ctx -> new Gateway(ctx, processes, configDir, settings, rib, speaker, neighbors,
                launcher));
    }

    /** One configured helper: the running program, its answer mode, its deaths. */
    private static final class Helper {
        final ProcessConfig config;
        final EventEncoder encoder;
        HelperChannel process;
        long incarnation;
        boolean ack;
        /** Every batch not answered yet, oldest first; answers leave in this order. */
        final AnswerQueue pending = new AnswerQueue();
        final ArrayDeque<Long> deaths = new ArrayDeque<>();
        /** The targets of its lines without selectors: one instance, so the Rib compares them by identity. */
        final ApiTranslator.Served served;

        Helper(ProcessConfig config, boolean ack) {
            this.config = config;
            this.ack = ack;
            this.served = new ApiTranslator.Served(config.name());
            this.encoder = EventEncoder.of("json".equals(config.encoder()) ? ApiEncoder.JSON : ApiEncoder.TEXT);
        }
    }

    private static final class Gateway extends AbstractBehavior<Command> {
        private final Path configDir;
        private final Settings.Api settings;
        private final ActorRef<Rib.Command> rib;
        private final SpeakerControl speaker;
        private final HelperLauncher launcher;
        private final ActorRef<Rib.ApiApplied> appliedAdapter;
        private final Map<String, Helper> helpers = new HashMap<>();
        private final Map<PeerId, NeighborConfig> neighbors = new HashMap<>();
        /** ExaBGP's per-neighbour event counter. */
        private final Map<PeerId, Long> counters = new HashMap<>();
        private boolean stopping;

        Gateway(ActorContext<Command> ctx, List<ProcessConfig> processes, Path configDir, Settings.Api settings,
                ActorRef<Rib.Command> rib, SpeakerControl speaker, List<NeighborConfig> neighbors,
                HelperLauncher launcher) {
            super(ctx);
            this.launcher = launcher;
            neighbors.forEach(n -> this.neighbors.put(PeerId.of(n), n));
            this.configDir = configDir;
            this.settings = settings;
            this.rib = rib;
            this.speaker = speaker;
            this.appliedAdapter = ctx.messageAdapter(Rib.ApiApplied.class, Applied::new);
            for (ProcessConfig p : processes) {
                Helper h = new Helper(p, settings.ack());
                helpers.put(p.name(), h);
                start(h);
            }
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Read.class, this::onRead)
                    .onMessage(Applied.class, this::onApplied)
                    .onMessage(MoreWanted.class, this::moreWanted)
                    .onMessage(Exited.class, this::onExited)
                    .onMessage(PeerEvent.class, this::onPeerEvent)
                    .onMessage(Neighbors.class, m -> {
                        neighbors.clear();
                        m.neighbors().forEach(n -> neighbors.put(PeerId.of(n), n));
                        return this;
                    })
                    .onMessage(Stop.class, this::onStop)
                    .onMessage(AllStopped.class, m -> {
                        m.done().tell(new Stopped());
                        return Behaviors.stopped();
                    })
                    .onSignal(PostStop.class, s -> killHelpers())
                    .build();
        }

        /**
         * However the gateway stops (a failure too: the guardian then shuts the speaker down), no helper outlives it:
         * those still running are killed at once.
         */
        private Behavior<Command> killHelpers() {
            for (Helper h : helpers.values()) {
                if (h.process != null) {
                    h.process.stop(0);
                    h.process = null;
                }
            }
            return this;
        }

        private void start(Helper h) {
            long incarnation = ++h.incarnation;
            String name = h.config.name();
            ActorRef<Command> self = getContext().getSelf();
            List<String> command = HelperProcess.resolve(h.config.run(), configDir, System.getenv("PATH"));
            // parsing happens on the reader thread, in order, with this incarnation's group state
            BatchAssembler assembler = new BatchAssembler(name);
            try {
                h.process = launcher.start(name, command, HelperProcess.Window.ofMillis(settings.batchWindow(), settings.batchLatency()),
                        lines -> self.tell(new Read(name, incarnation, assembler.assemble(lines))),
                        code -> self.tell(new Exited(name, incarnation, code, assembler.openGroup())));
                getContext().getLog().info("helper {} started: {} (pid {})", name, String.join(" ", command),
                        h.process.pid());
            } catch (IOException e) {
                getContext().getLog().error("helper {} could not start: {}", name, e.getMessage());
                h.process = null;
            }
        }

        private Behavior<Command> onRead(Read m) {
            Helper h = helpers.get(m.process());
            if (h == null || h.process == null || h.incarnation != m.incarnation()) {
                return this; // a former incarnation's lines: its reader is gone with it
            }
            if (stopping) {
                h.process.applied(m.batch().lines());
                return this;
            }
            if (h.pending.add(m.batch(), h.incarnation)) {
                List<Rib.ApiInput> inputs = new ArrayList<>(m.batch().commands().size());
                m.batch().commands().forEach(c -> inputs.add(ApiTranslator.translate(h.served, c.text(), c.line())));
                rib.tell(new Rib.ApiBatch(m.process(), inputs, appliedAdapter));
            }
            h.pending.write(h.incarnation, writer(h));
            if (h.process != null) {
                h.process.flushAnswers(); // one batch's answers, one write
            }
            return this;
        }

        private Behavior<Command> onApplied(Applied m) {
            String process = m.applied().process();
            Helper h = helpers.get(process);
            if (h == null) {
                if (!m.applied().complete()) {
                    moreWanted(new MoreWanted(process, -1)); // nobody to answer: let the Rib finish
                }
                return this;
            }
            long incarnation = h.process == null ? -1 : h.incarnation;
            h.pending.applied(m.applied().outcomes(), m.applied().complete(), incarnation, writer(h), lines -> {
                if (h.process != null) {
                    lines.forEach(h.process::answer); // a long answer's lines; its done comes later
                }
            });
            if (h.process != null) {
                h.process.flushAnswers(); // one batch's answers, one write
            }
            if (!m.applied().complete()) {
                moreWanted(new MoreWanted(process, incarnation));
            }
            return this;
        }

        /**
         * A long answer goes on once the helper has read most of what it was sent (its queue below half of
         * HelperProcess.CAPACITY), checked again every 20 ms: a helper that does not read gets no more of it.
         */
        private Behavior<Command> moreWanted(MoreWanted m) {
            Helper h = helpers.get(m.process());
            if (h != null && h.process != null && h.incarnation == m.incarnation()
                    && h.process.queued() > HelperProcess.CAPACITY / 2) {
                getContext().scheduleOnce(MORE_CHECK, getContext().getSelf(), m);
            } else {
                rib.tell(new Rib.ApiMore(m.process()));
            }
            return this;
        }

        /** Writes a batch's answers to its helper, and reports its lines applied once all are written. */
        private AnswerQueue.Writer writer(Helper h) {
            return new AnswerQueue.Writer() {
                @Override
                public void answer(HelperBatch batch, HelperBatch.Answer a, List<Rib.ApiOutcome> outcomes) {
                    if (h.process == null) {
                        return;
                    }
                    if (a instanceof HelperBatch.FromRib r) {
                        ApiGateway.Gateway.this.answer(h, batch.commands().get(r.index()).line().command(),
                                outcomes.get(r.index()));
                    } else if (a instanceof HelperBatch.Fixed f) {
                        f.lines().forEach(l -> info(h, l));
                        if (h.ack) {
                            reply(h, f.ok() ? "done" : "error");
                        }
                    } else if (a instanceof HelperBatch.GroupSummary g) {
                        info(h, batch.groupSummary(g, outcomes));
                        if (h.ack) {
                            reply(h, "done");
                        }
                    }
                }

                @Override
                public void done(HelperBatch batch) {
                    if (h.process != null) {
                        h.process.applied(batch.lines());
                    }
                }
            };
        }

        /** Writes one command's answer as the helper's answer mode says, then acts on speaker-wide commands. */
        private void answer(Helper h, ApiCommand c, Rib.ApiOutcome outcome) {
            HelperChannel p = h.process;
            if (p != null && !outcome.output().isEmpty()) { // most have none: no method reference made per command
                outcome.output().forEach(p::answer);
            }
            if (c instanceof ApiCommand.Ack a) {
                switch (a.mode()) {
                    case ENABLE -> {
                        h.ack = true;
                        reply(h, "done");
                    }
                    case DISABLE -> {
                        reply(h, "done");
                        h.ack = false;
                    }
                    case SILENCE -> h.ack = false;
                }
                return;
            }
            if (h.ack) {
                reply(h, outcome.ok() ? "done" : "error");
            }
            if (c instanceof ApiCommand.Shutdown) {
                getContext().getLog().info("helper {} asked for shutdown", h.config.name());
                speaker.shutdown();
            } else if (c instanceof ApiCommand.Reload || c instanceof ApiCommand.Restart) {
                speaker.reload();
            }
        }

        /** ExaBGP's informational text (written whatever the answer mode). */
        private static void info(Helper h, String text) {
            reply(h, text);
        }

        private static void reply(Helper h, String text) {
            if (h.process != null) {
                h.process.answer(text);
            }
        }

        private Behavior<Command> onPeerEvent(PeerEvent e) {
            NeighborConfig n = neighbors.get(e.id());
            if (n == null || stopping) {
                return this;
            }
            long counter = counters.merge(e.id(), 1L, Long::sum);
            EventContext ctx = new EventContext(e.localAddress(), e.peerAddress(), e.localAs(), e.peerAs(),
                    e.direction() == null ? EventContext.RECEIVE : e.direction(), counter,
                    EventContext.SEND.equals(e.direction()) ? negotiated(e.session()) : Optional.empty());
            if (!"message".equals(e.kind())) {
                for (String p : EventRoutes.neighborChanges(n, helpers.keySet())) {
                    Helper h = helpers.get(p);
                    if (h != null && h.process != null) {
                        offer(h, switch (e.kind()) {
                            case "connected" -> h.encoder.connected(ctx);
                            case "up" -> h.encoder.up(ctx);
                            default -> h.encoder.down(ctx, e.reason());
                        });
                    }
                }
                return this;
            }
            boolean receive = EventContext.RECEIVE.equals(ctx.direction());
            Map<String, EventRoutes.Form> wanted = EventRoutes.messages(n, helpers.keySet(), receive, e.message());
            for (Map.Entry<String, EventRoutes.Form> w : wanted.entrySet()) {
                Helper h = helpers.get(w.getKey());
                if (h == null || h.process == null) {
                    continue;
                }
                Bytes raw = wire(e);
                switch (w.getValue()) {
                    case PARSED -> offer(h, h.encoder.message(ctx, e.message(), Optional.empty()));
                    case PACKETS -> offer(h, h.encoder.packets(ctx, e.message().type(), raw));
                    case PARSED_AND_PACKETS -> {
                        offer(h, h.encoder.packets(ctx, e.message().type(), raw));
                        offer(h, h.encoder.message(ctx, e.message(), Optional.empty()));
                    }
                    case CONSOLIDATED -> offer(h, h.encoder.message(ctx, e.message(), Optional.of(raw)));
                }
            }
            return this;
        }

        private void offer(Helper h, String text) {
            if (!h.process.offerEvent(text) && h.process.droppedEvents() % 1000 == 1) {
                getContext().getLog().warn("helper {} does not read its events: {} dropped so far",
                        h.config.name(), h.process.droppedEvents());
            }
        }

        /** The message as on the wire: re-encoded from the decoded form, which round-trips byte for byte. */
        private static Bytes wire(PeerEvent e) {
            SessionOptions options = e.session() != null ? e.session().options() : SessionOptions.DEFAULT;
            return Bytes.of(MessageCodec.encode(e.message(), options));
        }

        private static Optional<EventContext.Negotiated> negotiated(Session s) {
            if (s == null) {
                return Optional.empty();
            }
            int hold = s.sent() == null || s.received() == null ? 0
                    : Math.min(s.sent().holdTime(), s.received().holdTime());
            return Optional.of(new EventContext.Negotiated(s.options().maxMessageSize(), hold, s.options().asn4(),
                    false, false, "absent", s.families(), List.of(),
                    s.families().stream().filter(s.options()::addPathSend).toList(),
                    s.families().stream().filter(s.options()::addPathReceive).toList()));
        }

        private Behavior<Command> onExited(Exited m) {
            Helper h = helpers.get(m.process());
            if (h == null || h.incarnation != m.incarnation() || stopping) {
                return this;
            }
            getContext().getLog().info("helper {} exited with code {}", m.process(), m.code());
            if (m.openGroup() > 0) {
                getContext().getLog().warn("helper {} ended inside a group: its {} command(s) are not applied",
                        m.process(), m.openGroup());
            }
            h.process = null;
            // batches still at the Rib keep their place: their outcomes arrive in order and are dropped then
            if (!h.config.respawn() || !settings.respawn()) {
                if (settings.terminate()) {
                    getContext().getLog().error("helper {} ended and exabgp.api.terminate is set: stopping",
                            m.process());
                    speaker.fail("helper " + m.process() + " ended and exabgp.api.terminate is set");
                }
                return this;
            }
            long now = System.nanoTime();
            h.deaths.add(now);
            while (!h.deaths.isEmpty() && now - h.deaths.peek() > RESPAWN_WINDOW.toNanos()) {
                h.deaths.poll();
            }
            if (h.deaths.size() > RESPAWN_LIMIT) {
                getContext().getLog().error("helper {} died more than {} times within {} s: stopping",
                        m.process(), RESPAWN_LIMIT, RESPAWN_WINDOW.toSeconds());
                speaker.fail("helper " + m.process() + " died more than " + RESPAWN_LIMIT + " times within "
                        + RESPAWN_WINDOW.toSeconds() + " s");
                return this;
            }
            start(h);
            return this;
        }

        private Behavior<Command> onStop(Stop m) {
            stopping = true;
            List<HelperChannel> running = new ArrayList<>();
            for (Helper h : helpers.values()) {
                if (h.process != null) {
                    h.process.notice(h.encoder.shutdown());
                    running.add(h.process);
                }
            }
            ActorRef<Command> self = getContext().getSelf();
            CompletableFuture.runAsync(() -> running.parallelStream().forEach(p -> p.stop(STOP_GRACE_MILLIS)))
                    .whenComplete((v, e) -> self.tell(new AllStopped(m.done())));
            return this;
        }
    }
}
