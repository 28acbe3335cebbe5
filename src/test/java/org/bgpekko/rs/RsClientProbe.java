// A route-server client in an actor test: a probe for its Peer, and the table it holds from what the Rib sent it.
package org.bgpekko.rs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.Nlri;

final class RsClientProbe {
    /** A route as the client holds it: the UPDATE's attributes and the MP next hop (null for NLRI-field routes). */
    record Held(PathAttributes attributes, org.bgpekko.wire.Bytes mpNextHop) {}

    final NeighborConfig config;
    final PeerId id;
    final int number;
    final TestProbe<Peer.Command> probe;
    private final ActorRef<Rib.Command> rib;
    final Map<Nlri, Held> table = new HashMap<>();
    final List<Update> updates = new ArrayList<>();
    /** The number of updates at the scenario suite's last expect step for this client. */
    int mark;
    SessionOptions options;
    long generation;
    int endOfRibs;

    RsClientProbe(ActorTestKit kit, ActorRef<Rib.Command> rib, int number, String extra) {
        this(kit, rib, number, RsFixtures.client(number, extra));
    }

    RsClientProbe(ActorTestKit kit, ActorRef<Rib.Command> rib, int number, NeighborConfig config) {
        this.config = config;
        this.id = PeerId.of(config);
        this.number = number;
        this.rib = rib;
        this.probe = kit.createTestProbe();
        rib.tell(new Rib.PeerConfigured(id, config));
    }

    void up(SessionOptions opts) {
        options = opts;
        generation++;
        table.clear();
        endOfRibs = 0;
        rib.tell(new Rib.PeerUp(RsFixtures.session(config, number, generation, opts), probe.getRef()));
    }

    void down() {
        rib.tell(new Rib.PeerDown(id, generation));
    }

    void send(List<Update> u) {
        rib.tell(new Rib.Received(id, generation, u));
    }

    /** Reads what the Rib sends until {@code done} holds (5 s at most), acknowledging each batch. */
    void await(Predicate<RsClientProbe> done) {
        await(done, Duration.ofSeconds(5));
    }

    /** Reads what the Rib sends until {@code done} holds ({@code limit} at most), acknowledging each batch. */
    void await(Predicate<RsClientProbe> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("client " + number + " holds " + table + " after " + updates.size()
                        + " UPDATEs");
            }
            Peer.Command c;
            try {
                c = probe.receiveMessage(Duration.ofNanos(left));
            } catch (AssertionError timeout) {
                continue; // the check above says what the client holds
            }
            take(c);
        }
    }

    /** Reads what the Rib sends (acknowledging it) until the Rib tells the Peer to disable the session. */
    Peer.Disable disabled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("client " + number + " was not disabled");
            }
            Peer.Command c = probe.receiveMessage(Duration.ofNanos(left));
            if (c instanceof Peer.Disable d) {
                return d;
            }
            take(c);
        }
    }

    /** Reads and applies what the Rib sends until nothing came for 300 ms (5 s at most). */
    void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long quietUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < quietUntil) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("client " + number + " is still being sent UPDATEs after 5 s");
            }
            Peer.Command c;
            try {
                c = probe.receiveMessage(Duration.ofMillis(100));
            } catch (AssertionError nothingYet) {
                continue;
            }
            if (take(c)) {
                quietUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
            }
        }
    }

    /** Applies what a Send of the current session carries, acknowledging it; false for any other command. */
    private boolean take(Peer.Command c) {
        if (!(c instanceof Peer.Send s) || s.generation() != generation) { // not what an earlier session left
            return false;
        }
        SessionOptions mine = options.withAddPath(options.addPathSend(), java.util.Set.of());
        s.messages().forEach(b -> apply((Update) MessageCodec.decode(b.toArray(), mine)));
        rib.tell(new Rib.SendDone(id, s.generation()));
        return true;
    }

    /** Nothing more arrives for a while (other than acknowledgements of what it sent). */
    void quiet() {
        long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < end) {
            try {
                Peer.Command c = probe.receiveMessage(Duration.ofMillis(100));
                if (c instanceof Peer.Send s && s.generation() == generation) {
                    throw new AssertionError("client " + number + " was sent " + s.messages().size() + " more");
                }
                if (c instanceof Peer.Disable) {
                    throw new AssertionError("client " + number + " was sent " + c);
                }
            } catch (AssertionError e) {
                if (e.getMessage() != null && e.getMessage().contains("was sent")) {
                    throw e;
                }
            }
        }
    }

    private void apply(Update u) {
        updates.add(u);
        if (u.endOfRibFamily().isPresent()) {
            endOfRibs++;
            return;
        }
        u.withdrawn().forEach(table::remove);
        u.mpUnreach().ifPresent(m -> m.nlri().forEach(table::remove));
        u.nlri().forEach(n -> table.put(n, new Held(u.attributes(), null)));
        u.mpReach().ifPresent(m -> m.nlri().forEach(n -> table.put(n, new Held(u.attributes(), m.nextHop()))));
    }
}
