// The guardian: one Peer per neighbour, reload applies only the difference, shutdown waits for the peers.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BgpSpeakerTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    /** What a fake peer reports: started (with its config) or asked to shut down; and which actor it is. */
    record Event(String what, PeerId id, NeighborConfig config, ActorRef<Peer.Command> ref) {}

    static BgpSpeaker.PeerFactory fake(TestProbe<Event> events) {
        return (n, rib, parent, gateway) -> Behaviors.setup(ctx -> {
            events.getRef().tell(new Event("start", PeerId.of(n), n, ctx.getSelf()));
            return Behaviors.receive(Peer.Command.class)
                    .onMessage(Peer.Shutdown.class, m -> {
                        events.getRef().tell(new Event("shutdown", PeerId.of(n), n, ctx.getSelf()));
                        m.replyTo().tell(new Peer.Stopped(PeerId.of(n)));
                        return Behaviors.stopped();
                    })
                    .build();
        });
    }

    static Configuration conf(String neighbors) {
        return ConfigParser.parse(Path.of("t.conf"), neighbors);
    }

    static String neighbor(String address, int hold, String routes) {
        return "neighbor " + address + " { router-id 10.0.0.1; local-address 127.0.0.1; local-as 1; peer-as 1;"
                + " hold-time " + hold + "; family { ipv4 unicast; } static { " + routes + " } }\n";
    }

    @Test
    void reloadRestartsOnlyChangedNeighboursAndStopsRemovedOnes() {
        TestProbe<Event> events = kit.createTestProbe();
        AtomicReference<Configuration> next = new AtomicReference<>();
        Configuration first = conf(neighbor("127.0.0.2", 180, "route 1.0.0.0/24 next-hop 1.1.1.1;")
                + neighbor("127.0.0.3", 180, "") + neighbor("127.0.0.4", 180, ""));
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(first, next::get, fake(events), Settings.defaults().api()));
        for (int i = 0; i < 3; i++) {
            assertEquals("start", events.receiveMessage().what());
        }
        // .2: only its routes change; .3: hold time changes; .4: removed; .5: new
        next.set(conf(neighbor("127.0.0.2", 180, "route 2.0.0.0/24 next-hop 1.1.1.1;")
                + neighbor("127.0.0.3", 90, "") + neighbor("127.0.0.5", 180, "")));
        speaker.tell(new BgpSpeaker.Reload());
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Event e = events.receiveMessage();
            seen.add(e.what() + " " + e.id().peerAddress());
        }
        seen.sort(null);
        assertEquals(java.util.List.of("shutdown 127.0.0.3", "shutdown 127.0.0.4", "start 127.0.0.3",
                "start 127.0.0.5"), seen);
        events.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void anInvalidReloadKeepsTheRunningConfiguration() {
        TestProbe<Event> events = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(first,
                () -> conf("neighbor 127.0.0.2 { nonsense; }"), fake(events), Settings.defaults().api()));
        events.receiveMessage();
        speaker.tell(new BgpSpeaker.Reload());
        events.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void shutdownStopsEveryPeerThenTheSpeaker() {
        TestProbe<Event> events = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, "") + neighbor("127.0.0.3", 180, ""));
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(first, () -> first, fake(events), Settings.defaults().api()));
        events.receiveMessage();
        events.receiveMessage();
        TestProbe<Object> watcher = kit.createTestProbe();
        speaker.tell(new BgpSpeaker.Shutdown());
        assertEquals("shutdown", events.receiveMessage().what());
        assertEquals("shutdown", events.receiveMessage().what());
        watcher.expectTerminated(speaker, Duration.ofSeconds(2));
    }

    /** A speaker whose parts are built by {@code parts}; its Finished goes to {@code parent}. */
    static ActorRef<BgpSpeaker.Command> speaker(Configuration first, Configuration next, TestProbe<Event> events,
                                                BgpSpeaker.Parts parts, TestProbe<BgpSpeaker.Command> parent) {
        return kit.spawn(BgpSpeaker.create(first, () -> next, fake(events), Settings.defaults().api(), parts,
                parent.getRef()));
    }

    static void expectShutdownWith70(TestProbe<Event> events, TestProbe<BgpSpeaker.Command> parent, int peers,
                                     ActorRef<BgpSpeaker.Command> speaker) {
        for (int i = 0; i < peers; i++) {
            assertEquals("shutdown", events.receiveMessage(Duration.ofSeconds(10)).what(), "Cease to every peer");
        }
        assertEquals(new BgpSpeaker.Finished(BgpSpeaker.EXIT_FAILURE), parent.receiveMessage(Duration.ofSeconds(10)));
        kit.createTestProbe().expectTerminated(speaker, Duration.ofSeconds(10));
    }

    /** Before: nothing watched the Rib; a Rib that threw stopped alone and the speaker ran on (issue 10). */
    @Test
    void aRibFailureShutsTheSpeakerDownWithExitCode70() {
        TestProbe<Event> events = kit.createTestProbe();
        TestProbe<BgpSpeaker.Command> parent = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, "") + neighbor("127.0.0.3", 180, ""));
        Configuration next = conf(neighbor("127.0.0.2", 180, "route 9.9.9.0/24 next-hop 1.1.1.1;")
                + neighbor("127.0.0.3", 180, ""));
        BgpSpeaker.Parts parts = new BgpSpeaker.Parts() {
            @Override
            public Behavior<org.bgpekko.rib.Rib.Command> rib(Behavior<org.bgpekko.rib.Rib.Command> rib) {
                return FaultyRun.failOn(org.bgpekko.rib.Rib.Command.class, rib, "9.9.9.0/24", false);
            }
        };
        ActorRef<BgpSpeaker.Command> speaker = speaker(first, next, events, parts, parent);
        events.receiveMessage();
        events.receiveMessage();
        speaker.tell(new BgpSpeaker.Reload());
        expectShutdownWith70(events, parent, 2, speaker);
    }

    @Test
    void aHelperGatewayFailureShutsTheSpeakerDownWithExitCode70() {
        TestProbe<Event> events = kit.createTestProbe();
        TestProbe<BgpSpeaker.Command> parent = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        BgpSpeaker.Parts parts = new BgpSpeaker.Parts() {
            @Override
            public Behavior<org.bgpekko.api.ApiGateway.Command> gateway(
                    Behavior<org.bgpekko.api.ApiGateway.Command> gateway) {
                return FaultyRun.failOn(org.bgpekko.api.ApiGateway.Command.class, gateway, "Neighbors[", false);
            }
        };
        ActorRef<BgpSpeaker.Command> speaker = speaker(first, first, events, parts, parent);
        events.receiveMessage();
        speaker.tell(new BgpSpeaker.Reload()); // the gateway gets the neighbours of the reload, and fails
        expectShutdownWith70(events, parent, 1, speaker);
    }

    /** Before: an exception in the guardian stopped it silently; the process then exited 0 without any Cease. */
    @Test
    void aFailureOfTheGuardianItselfShutsTheSpeakerDownWithExitCode70() {
        TestProbe<Event> events = kit.createTestProbe();
        TestProbe<BgpSpeaker.Command> parent = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        Configuration next = conf(neighbor("127.0.0.2", 180, "") + neighbor("127.0.0.99", 180, ""));
        BgpSpeaker.Parts parts = new BgpSpeaker.Parts() {
            @Override
            public BgpSpeaker.PeerFactory peers(BgpSpeaker.PeerFactory peers) {
                return (n, rib, p, gw) -> {
                    if (n.peerAddress().toString().equals("127.0.0.99")) {
                        throw new IllegalStateException("injected fault");
                    }
                    return peers.create(n, rib, p, gw);
                };
            }
        };
        ActorRef<BgpSpeaker.Command> speaker = speaker(first, next, events, parts, parent);
        events.receiveMessage();
        speaker.tell(new BgpSpeaker.Reload());
        expectShutdownWith70(events, parent, 1, speaker);
    }

    /** Before: a Peer that threw stopped for good: its neighbour had no session until the process restarted. */
    @Test
    void aPeerFailureStartsANewPeerAndResetsItsSessionInTheRib() {
        TestProbe<Event> events = kit.createTestProbe();
        TestProbe<Object> ribSeen = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        BgpSpeaker.Parts parts = new BgpSpeaker.Parts() {
            @Override
            public Behavior<org.bgpekko.rib.Rib.Command> rib(Behavior<org.bgpekko.rib.Rib.Command> rib) {
                return Behaviors.receive(org.bgpekko.rib.Rib.Command.class).onAnyMessage(m -> {
                    ribSeen.getRef().tell(m);
                    return Behaviors.same();
                }).build();
            }

            @Override
            public BgpSpeaker.PeerFactory peers(BgpSpeaker.PeerFactory peers) {
                return (n, rib, p, gw) -> FaultyRun.failOn(Peer.Command.class, peers.create(n, rib, p, gw),
                        "Teardown[subcode=99", false);
            }
        };
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(first, () -> first, fake(events),
                Settings.defaults().api(), parts, null));
        Event started = events.receiveMessage();
        ribSeen.expectMessageClass(org.bgpekko.rib.Rib.PeerConfigured.class);
        ActorRef<Peer.Command> peer = started.ref();
        peer.tell(new Peer.Teardown(99, ""));
        assertEquals(new org.bgpekko.rib.Rib.PeerReset(started.id()),
                ribSeen.expectMessageClass(org.bgpekko.rib.Rib.PeerReset.class, Duration.ofSeconds(5)));
        Event again = events.receiveMessage(Duration.ofSeconds(10));
        assertEquals("start", again.what(), "a new Peer for the neighbour, after a back-off");
        assertEquals(started.id(), again.id());
        speaker.tell(new BgpSpeaker.Shutdown());
        assertEquals("shutdown", events.receiveMessage(Duration.ofSeconds(10)).what());
    }

    /** Issue 10: helpers dying in a loop stopped the speaker with exit code 0. */
    @Test
    void helpersFailingForGoodShutDownEveryPeerWithExitCode1() {
        TestProbe<Event> events = kit.createTestProbe();
        TestProbe<BgpSpeaker.Command> parent = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        ActorRef<BgpSpeaker.Command> speaker = speaker(first, first, events, BgpSpeaker.Parts.REAL, parent);
        events.receiveMessage();
        speaker.tell(new BgpSpeaker.Shutdown());
        assertEquals("shutdown", events.receiveMessage().what());
        assertEquals(new BgpSpeaker.Finished(0), parent.receiveMessage(Duration.ofSeconds(10)), "no failure");
        ActorRef<BgpSpeaker.Command> failing = speaker(first, first, events, BgpSpeaker.Parts.REAL, parent);
        events.receiveMessage();
        failing.tell(new BgpSpeaker.Failed("helper h died more than 5 times within 64 s"));
        assertEquals("shutdown", events.receiveMessage(Duration.ofSeconds(10)).what(), "Cease to every peer");
        assertEquals(new BgpSpeaker.Finished(BgpSpeaker.EXIT_HELPERS_FAILED), parent.receiveMessage(Duration.ofSeconds(10)));
        kit.createTestProbe().expectTerminated(failing, Duration.ofSeconds(10));
    }
}
