// The gateway's mailbox bounds the peers' message events, keeps everything else, and keeps the order.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.dispatch.Envelope;
import org.bgpekko.peer.PeerId;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;

class GatewayMailboxTest {
    private static final PeerId PEER = new PeerId(IpAddress.parse("127.0.0.1"), IpAddress.parse("127.0.0.1"), 1, 1);

    private static ApiGateway.PeerEvent event(String kind) {
        return new ApiGateway.PeerEvent(PEER, kind, "receive", Keepalive.INSTANCE, null, "127.0.0.1", "127.0.0.1", 1,
                1, null);
    }

    private static boolean droppable(Object m) {
        return m instanceof ApiGateway.PeerEvent e && e.kind().equals("message");
    }

    /** Issue 10: with helpers subscribed to received UPDATEs, the gateway's mailbox had no bound. */
    @Test
    void messageEventsPastTheBoundAreDroppedAndNothingElseIs() {
        GatewayMailbox.Queue q = (GatewayMailbox.Queue) new GatewayMailbox(100).create(scala.Option.empty(),
                scala.Option.empty());
        List<Object> expected = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < 1000; i++) {
            Object m = i % 100 == 0 ? event("up") : i % 100 == 1 ? "a helper's line " + i : event("message");
            q.enqueue(null, Envelope.apply(m, org.apache.pekko.actor.ActorRef.noSender()));
            if (!droppable(m) || events++ < 100) {
                expected.add(m);
            }
        }
        assertEquals(120, q.numberOfMessages(), "100 message events, 10 up events, 10 other messages");
        assertEquals(880, q.dropped());
        for (Object m : expected) {
            assertSame(m, q.dequeue().message(), "in order");
        }
        q.enqueue(null, Envelope.apply(event("message"), org.apache.pekko.actor.ActorRef.noSender()));
        assertEquals(1, q.numberOfMessages(), "room again once they are taken");
    }

    /** The configuration BgpSpeaker spawns the gateway with gives a typed actor this queue. */
    @Test
    void anActorSpawnedWithTheGatewaysMailboxGetsTheBound() throws Exception {
        ActorTestKit kit = ActorTestKit.create();
        try {
            AtomicInteger seen = new AtomicInteger();
            TestProbe<String> done = kit.createTestProbe();
            ActorRef<ApiGateway.Command> busy = kit.spawn(Behaviors.receive(ApiGateway.Command.class)
                    .onMessage(ApiGateway.Stop.class, m -> {
                        Thread.sleep(1000); // a gateway busy encoding while the peers go on
                        return Behaviors.same();
                    })
                    .onMessage(ApiGateway.PeerEvent.class, m -> {
                        if (seen.incrementAndGet() == 1 || m.kind().equals("up")) {
                            done.getRef().tell(m.kind());
                        }
                        return Behaviors.same();
                    }).build(), "busy", MailboxSelector.fromConfig(ApiGateway.MAILBOX));
            busy.tell(new ApiGateway.Stop(kit.createTestProbe(ApiGateway.Stopped.class).getRef()));
            for (int i = 0; i < 30_000; i++) {
                busy.tell(event("message"));
            }
            busy.tell(event("up"));
            done.expectMessage(Duration.ofSeconds(10), "message");
            done.expectMessage(Duration.ofSeconds(10), "up");
            assertEquals(10_001, seen.get(), "10,000 message events kept, and the up event");
        } finally {
            kit.shutdownTestKit();
        }
    }
}
