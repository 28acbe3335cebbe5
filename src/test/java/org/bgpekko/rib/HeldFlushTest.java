// A flush adj-rib out written before the session's initial table is held with its batch, as every other change
// is (D9): under a slow start api-rib's flush came before the session and was lost.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.api.ApiParser;
import org.bgpekko.api.ApiTranslator;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.wire.Update;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HeldFlushTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aFlushBeforeTheInitialTableIsReplayedAfterIt() throws Exception {
        NeighborConfig n = ConfigParser.parse(Path.of("held.conf"), "process helper { run ./h.run; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " family { ipv4 unicast; } api { processes [ helper ]; } }").neighbors().get(0);
        PeerId id = PeerId.of(n);
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        TestProbe<Peer.Command> peer = kit.createTestProbe();
        TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();
        rib.tell(new Rib.PeerConfigured(id, n));
        for (String line : List.of("announce route 10.0.0.2/32 next-hop 1.1.1.1", "flush adj-rib out")) {
            rib.tell(new Rib.ApiBatch("helper", List.of(ApiTranslator.translate("helper", line, ApiParser.parse(line))),
                    helper.getRef()));
            assertTrue(helper.receiveMessage(Duration.ofSeconds(5)).outcomes().get(0).ok());
        }
        rib.tell(new Rib.PeerUp(RibTest.session(n, 1), peer.getRef()));
        List<String> wire = new ArrayList<>();
        while (wire.size() < 3) {
            for (Update u : RibTest.receive(peer, rib, id, 1)) {
                u.nlri().forEach(x -> wire.add("+" + x.prefix()));
                u.endOfRibFamily().ifPresent(f -> wire.add("eor"));
            }
        }
        assertEquals(List.of("eor", "+10.0.0.2/32", "+10.0.0.2/32"), wire, "the flush re-sends after the announce");
    }
}
