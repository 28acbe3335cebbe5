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

    /** What a fake peer reports: started (with its config) or asked to shut down. */
    record Event(String what, PeerId id, NeighborConfig config) {}

    static BgpSpeaker.PeerFactory fake(TestProbe<Event> events) {
        return (n, rib, parent, gateway) -> Behaviors.setup(ctx -> {
            events.getRef().tell(new Event("start", PeerId.of(n), n));
            return Behaviors.receive(Peer.Command.class)
                    .onMessage(Peer.Shutdown.class, m -> {
                        events.getRef().tell(new Event("shutdown", PeerId.of(n), n));
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

    /** Issue 10: a failure (helpers dying in a loop) shut the speaker down with exit code 0. */
    @Test
    void aFailureShutsDownEveryPeerAndSetsANonZeroExitCode() {
        TestProbe<Event> events = kit.createTestProbe();
        Configuration first = conf(neighbor("127.0.0.2", 180, ""));
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger();
        ActorRef<BgpSpeaker.Command> speaker = kit.spawn(BgpSpeaker.create(first, () -> first, fake(events),
                Settings.defaults().api(), exit));
        events.receiveMessage();
        TestProbe<Object> watcher = kit.createTestProbe();
        speaker.tell(new BgpSpeaker.Shutdown());
        assertEquals("shutdown", events.receiveMessage().what());
        watcher.expectTerminated(speaker, Duration.ofSeconds(2));
        assertEquals(0, exit.get(), "a shutdown is no failure");

        ActorRef<BgpSpeaker.Command> failing = kit.spawn(BgpSpeaker.create(first, () -> first, fake(events),
                Settings.defaults().api(), exit));
        events.receiveMessage();
        failing.tell(new BgpSpeaker.Failed("helper h died more than 5 times within 64 s"));
        assertEquals("shutdown", events.receiveMessage().what(), "Cease to every peer, as for a shutdown");
        watcher.expectTerminated(failing, Duration.ofSeconds(2));
        assertEquals(1, exit.get());
    }
}
