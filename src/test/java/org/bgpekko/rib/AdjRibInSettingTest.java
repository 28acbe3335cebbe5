// `adj-rib-in false` (ExaBGP: keep nothing the peer sends) is applied: the routes received are not stored, so
// `show adj-rib in` has nothing to show; with the default they are kept (issue 10: the setting was ignored).
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.bgpekko.api.ApiParser;
import org.bgpekko.api.ApiTranslator;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdjRibInSettingTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @ParameterizedTest(name = "adj-rib-in {0}")
    @ValueSource(booleans = {true, false})
    void receivedRoutesAreKeptOnlyWithAdjRibIn(boolean adjRibIn) throws Exception {
        NeighborConfig n = ConfigParser.parse(Path.of("t.conf"), "process h { run ./h; encoder text; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " adj-rib-in " + adjRibIn + "; family { ipv4 unicast; } api { processes [ h ]; } }")
                .neighbors().get(0);
        RibTest.Running r = RibTest.running(n);
        RibTest.receive(r.peer(), r.rib(), r.id(), 1); // End-of-RIB
        r.rib().tell(new Rib.Received(r.id(), 1, List.of(RibFixtures.announce(RibFixtures.attrs(5), "10.9.0.0/16"))));
        r.peer().expectMessageClass(Peer.ReceivedAck.class, Duration.ofSeconds(3));
        TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();
        String show = "show adj-rib in";
        r.rib().tell(new Rib.ApiBatch("h", List.of(ApiTranslator.translate("h", show, ApiParser.parse(show))),
                helper.getRef()));
        List<String> output = helper.receiveMessage(Duration.ofSeconds(3)).outcomes().get(0).output();
        assertEquals(adjRibIn ? 1 : 0, output.size(), String.valueOf(output));
        if (adjRibIn) {
            assertEquals(true, output.get(0).contains("10.9.0.0/16"), output.get(0));
        }
    }
}
