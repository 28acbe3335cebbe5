// FlowSpec through the Rib: api-flow's seven commands in one read give ExaBGP's bytes, received flows are kept in
// the Adj-RIB-In, and show adj-rib in|out lists flows.
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
import org.bgpekko.api.ApiParseException;
import org.bgpekko.api.ApiParser;
import org.bgpekko.api.ApiTranslator;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RibFlowTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final String HEAD = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String F1 = "{ match { source 0.0.0.0/32; destination 0.0.0.0/32; destination-port =3128; "
            + "protocol tcp; }";
    private static final String F2 = "{ match { source 255.255.255.255/32; destination 255.255.255.255/32; }";

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private final NeighborConfig n = ConfigParser.parse(Path.of("flow.conf"), "process helper { run ./h.run; }\n"
            + "neighbor 127.0.0.1 { router-id 1.2.3.4; local-address 127.0.0.1; local-as 1; peer-as 1; "
            + "group-updates false; family { ipv4 flow; } api { processes [ helper ]; } }").neighbors().get(0);
    private final PeerId id = PeerId.of(n);
    private final ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
    private final TestProbe<Peer.Command> peer = kit.createTestProbe();
    private final TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();

    private void up() {
        rib.tell(new Rib.PeerConfigured(id, n));
        rib.tell(new Rib.PeerUp(new Session(id, 1, SessionOptions.DEFAULT, List.of(Family.IPV4_FLOW),
                n.localAddress(), n.peerAddress(), n.localAs(), n.peerAs(), null, null), peer.getRef()));
        assertEquals(List.of(HEAD + "001E0200000007900F0003000185"), wire(), "End-of-RIB of ipv4 flow");
    }

    private Rib.ApiApplied batch(String... lines) throws ApiParseException {
        List<Rib.ApiInput> in = new ArrayList<>();
        for (String l : lines) {
            in.add(ApiTranslator.translate("helper", l, ApiParser.parse(l)));
        }
        rib.tell(new Rib.ApiBatch("helper", in, helper.getRef()));
        return helper.receiveMessage(Duration.ofSeconds(3));
    }

    /** The messages of the next flush (which must come within 5 s), in hex, each batch acknowledged. */
    private List<String> wire() {
        List<String> out = new ArrayList<>();
        while (true) {
            Peer.Send s;
            try {
                s = peer.expectMessageClass(Peer.Send.class, Duration.ofMillis(out.isEmpty() ? 5000 : 500));
            } catch (AssertionError none) {
                return out;
            }
            s.messages().forEach(b -> out.add(Hex.encode(b.toArray())));
            rib.tell(new Rib.SendDone(id, s.generation()));
        }
    }

    /**
     * api-flow's helper writes its seven commands back to back: read at once they are one batch. The first flush
     * still carries the first withdrawal's attribute-only UPDATE, then F2 and F1 (conformance bytes).
     */
    @Test
    void apiFlowInOneReadGivesExaBgpsFirstFlush() throws Exception {
        up();
        Rib.ApiApplied a = batch("withdraw flow route " + F1 + " }", "announce flow route " + F1
                + " then { rate-limit 0; } }", "announce flow route " + F2 + " then { rate-limit 65535; } }",
                "announce flow route " + F1 + " then { rate-limit 0; } }", "announce flow route " + F2
                + " then { rate-limit 65535; } }", "withdraw flow route " + F1 + " }", "announce flow route " + F1
                + " then { rate-limit 0; } }");
        assertTrue(a.outcomes().stream().allMatch(Rib.ApiOutcome::ok), a.toString());
        assertEquals(List.of(HEAD + "0025020000000E4001010040020040050400000064",
                HEAD + "0045020000002E4001010040020040050400000064C0100880060000477FFF00800E1200018500000C0120FFFFFFFF"
                        + "0220FFFFFFFF",
                HEAD + "004C02000000354001010040020040050400000064C010088006000000000000800E19000185000013012000000000"
                        + "02200000000003810605910C38"), wire());
        // the helper runs again: its first withdrawal is a real one now
        batch("withdraw flow route " + F1 + " }");
        assertEquals(List.of(HEAD + "003F02000000284001010040020040050400000064800F170001851301200000000002200000000003"
                + "810605910C38"), wire());
    }

    @Test
    void receivedFlowsAreKeptAndShown() throws Exception {
        up();
        // bgp-flow-2's UPDATE, received
        Update u = (Update) MessageCodec.decode(Hex.decode(HEAD + "003E02000000274001010040020040050400000064"
                + "C010088006000000000000800E0B0001850000050901048109"), SessionOptions.DEFAULT);
        rib.tell(new Rib.Received(id, 1, List.of(u)));
        peer.expectMessageClass(Peer.ReceivedAck.class);
        batch("announce flow route destination 10.0.0.1/32 discard");
        wire();
        Rib.ApiApplied in = batch("show adj-rib in", "show adj-rib out");
        assertEquals(List.of("neighbor 127.0.0.1 ipv4 flow flow tcp-flags [ =rst =fin+push ]"),
                in.outcomes().get(0).output());
        assertEquals(List.of("neighbor 127.0.0.1 ipv4 flow flow destination-ipv4 10.0.0.1/32 next-hop 0.0.0.0"),
                in.outcomes().get(1).output());
    }

    /** D14 for flows: a helper's flow whose UPDATE would pass 4,096 bytes is answered error and applies nothing. */
    @Test
    void aFlowTooBigForAnUpdateIsRefused() throws Exception {
        up();
        StringBuilder ports = new StringBuilder();
        for (int i = 0; i < 1345; i++) {
            ports.append(" =").append(1000 + i);
        }
        Rib.ApiApplied a = batch("announce flow route { match { port [" + ports + " ]; } then { discard; } }");
        assertEquals(1, a.outcomes().size());
        assertTrue(!a.outcomes().get(0).ok() && a.outcomes().get(0).toString().contains("it needs an UPDATE of 4105"),
                a.toString());
        assertEquals(List.of(), wire(), "nothing sent");
        assertEquals(List.of(), batch("show adj-rib out").outcomes().get(0).output());
    }
}
