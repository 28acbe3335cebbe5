// Issue 11: the RFC 7606 table (Rfc7606Cases) run through real sessions: a scripted peer on loopback TCP, the real
// Peer (framing, stream decoder with the negotiated options) and the real Rib; asserts the Adj-RIB-In and NOTIFICATIONs.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.TcpTransport;
import org.bgpekko.peer.TestSide;
import org.bgpekko.rib.Rfc7606Cases.Case;
import org.bgpekko.rib.Rfc7606Cases.Expect;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Rfc7606SessionTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final long LOCAL_AS = 65001;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** One established session: the scripted peer's socket, our Peer and its Rib. */
    private static final class Session implements AutoCloseable {
        final TestSide side;
        final NeighborConfig config;
        final PeerId id;
        final ActorRef<Rib.Command> rib;
        final ActorRef<Peer.Command> peer;
        final TestProbe<Rib.AdjRibInRoutes> answers = KIT.createTestProbe();

        Session(long peerAs) throws IOException {
            side = new TestSide(0);
            String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as " + LOCAL_AS
                    + "; peer-as " + peerAs + "; hold-time 180; connect " + side.port()
                    + "; family { ipv4 unicast; ipv6 unicast; } }";
            config = ConfigParser.parse(Path.of("rfc7606.conf"), text).neighbors().get(0);
            id = PeerId.of(config);
            rib = KIT.spawn(Rib.create());
            rib.tell(new Rib.PeerConfigured(id, config));
            TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
            peer = KIT.spawn(Peer.create(config, new Peer.Options(1, 0, false, 60, Duration.ofSeconds(5),
                    "bgpekko/test"), new TcpTransport(KIT.system()), rib, parent.ref()));
            side.accept();
            byte[] ours = side.read();
            assertEquals(BgpMessage.OPEN, ours[18], "the speaker opens");
            Open theirs = new Open(Open.VERSION, (int) peerAs, 180, 0x0A000002L, List.of(
                    new Multiprotocol(Family.IPV4_UNICAST), new Multiprotocol(Family.IPV6_UNICAST),
                    new FourOctetAs(peerAs)));
            side.write(MessageCodec.encode(theirs, SessionOptions.DEFAULT));
            side.write(TestSide.KEEPALIVE);
            await(r -> r.established(), "session up");
        }

        Rib.AdjRibInRoutes show() {
            rib.tell(new Rib.ShowAdjRibIn(id, answers.getRef()));
            return answers.receiveMessage(WAIT);
        }

        /** Polls the Adj-RIB-In until {@code done} holds. */
        Rib.AdjRibInRoutes await(Predicate<Rib.AdjRibInRoutes> done, String what) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Rib.AdjRibInRoutes r = show();
                if (done.test(r)) {
                    return r;
                }
                if (System.nanoTime() > deadline) {
                    fail("timed out waiting for " + what + "; the Adj-RIB-In holds " + r);
                }
                sleep(10);
            }
        }

        void send(String body) throws IOException {
            side.write(Hex.decode("FF".repeat(16) + String.format("%04X", 19 + body.length() / 2) + "02" + body));
        }

        void announce(String attributes, String nlri) throws IOException {
            send("0000" + String.format("%04X", attributes.length() / 2) + attributes + nlri);
        }

        /** The messages the speaker wrote so far that are NOTIFICATIONs (reads what is waiting, never blocks). */
        List<Notification> notifications() throws IOException {
            List<Notification> out = new ArrayList<>();
            while (side.socket.getInputStream().available() >= 19) {
                byte[] m = side.read();
                if (m[18] == BgpMessage.NOTIFICATION) {
                    out.add((Notification) MessageCodec.decode(m, SessionOptions.DEFAULT));
                }
            }
            return out;
        }

        /** Reads until a NOTIFICATION arrives (the socket times out after 10 s). */
        Notification awaitNotification() throws IOException {
            while (true) {
                byte[] m = side.read();
                if (m[18] == BgpMessage.NOTIFICATION) {
                    return (Notification) MessageCodec.decode(m, SessionOptions.DEFAULT);
                }
            }
        }

        @Override
        public void close() throws IOException {
            KIT.stop(peer);
            KIT.stop(rib);
            side.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String p4(int k) {
        return "180A" + String.format("%02X", k) + "00";
    }

    private static String p6(int k) {
        return "30" + "20010DB8" + "00" + String.format("%02X", k);
    }

    private static Nlri route(boolean mp, int k) {
        return mp ? InetNlri.of("2001:db8:" + Integer.toHexString(k) + "::/48")
                : InetNlri.of("10." + k + ".0.0/24");
    }

    /** The prefix each case's final check announces last: its presence proves the case's UPDATE was applied. */
    private static Nlri sentinel(int k) {
        return new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, IpPrefix.parse("172.16." + k + ".0/24"));
    }

    private static String fill(String attributes, int k) {
        return attributes.replace("{P6}", p6(k)).replace("{P4}", p4(k));
    }

    /** Runs the cases of one peer type in order, opening a new session after one that ends or disables a family. */
    private static final class Runner {
        final long peerAs;
        Session session;
        int k;

        Runner(long peerAs) {
            this.peerAs = peerAs;
        }

        void run(Case c, Expect expect) throws IOException {
            if (session == null) {
                session = new Session(peerAs);
            }
            Session s = session;
            int n = ++k;
            Nlri route = route(c.mp(), n);
            // the route as it was before: valid, MED 1
            s.announce(Rfc7606Cases.attrs(c.mp(), 1).replace("{P6}", p6(n)), c.mp() ? "" : p4(n));
            s.await(r -> r.routes().containsKey(route), "the valid announcement of " + route);
            // the case
            if (c.raw()) {
                s.send(fill(c.attributes(), n));
            } else {
                s.announce(fill(c.attributes(), n), c.mp() ? "" : p4(n));
            }
            if (expect.outcome() == Rfc7606Cases.Outcome.RESET) {
                Notification n3 = s.awaitNotification();
                assertEquals(List.of(3, expect.type()), List.of(n3.code(), n3.subcode()), "NOTIFICATION " + n3);
                s.await(r -> !r.established(), "the session to end");
                s.close();
                session = null;
                return;
            }
            Nlri sentinel = sentinel(n);
            s.announce(Rfc7606Cases.ORIGIN + Rfc7606Cases.AS_PATH + Rfc7606Cases.NEXT_HOP,
                    "18AC10" + String.format("%02X", n));
            Rib.AdjRibInRoutes r = s.await(x -> x.routes().containsKey(sentinel) || !x.established(),
                    "the sentinel " + sentinel);
            assertTrue(r.established(), "the session must stay up");
            assertEquals(List.of(), s.notifications(), "no NOTIFICATION");
            assertTrue(r.routes().keySet().stream().allMatch(x -> x.family().equals(Family.IPV4_UNICAST)
                    || x.family().equals(Family.IPV6_UNICAST)), "only negotiated families are held");
            RouteAttributes held = r.routes().get(route);
            switch (expect.outcome()) {
                case WITHDRAW -> assertNull(held, "treat-as-withdraw: " + route + " must be gone");
                case DISABLE -> {
                    assertNull(held, route + " must be gone with its family");
                    assertEquals(java.util.Set.of(c.family()), r.disabled());
                    // and the family stays off: a valid announcement is ignored
                    Nlri later = route(c.mp(), 200 + n % 50);
                    s.announce(Rfc7606Cases.attrs(c.mp(), 1).replace("{P6}", p6(200 + n % 50)),
                            c.mp() ? "" : p4(200 + n % 50));
                    Nlri second = sentinel(200 + n % 50);
                    s.announce(Rfc7606Cases.ORIGIN + Rfc7606Cases.AS_PATH + Rfc7606Cases.NEXT_HOP,
                            "18AC10" + String.format("%02X", 200 + n % 50));
                    assertFalse(s.await(x -> x.routes().containsKey(second), "the second sentinel").routes()
                            .containsKey(later), "a disabled family stays off");
                    s.close();
                    session = null;
                }
                default -> {
                    assertNotNull(held, route + " must be held");
                    PathAttributes a = held.attributes();
                    assertEquals(2L, a.get(MultiExitDisc.class).orElseThrow().value(), "the new attributes");
                    if (expect.type() >= 0) {
                        assertEquals(expect.outcome() == Rfc7606Cases.Outcome.KEEP, a.has(expect.type()),
                                "attribute " + expect.type() + " in " + a);
                    }
                }
            }
        }

        void close() throws IOException {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    private static Stream<DynamicTest> run(long peerAs, boolean external) {
        Runner runner = new Runner(peerAs);
        List<Case> cases = Rfc7606Cases.all();
        Stream<DynamicTest> tests = cases.stream().map(c -> DynamicTest.dynamicTest(
                c.name() + " [" + c.rfc() + "] -> " + (external ? c.ebgp() : c.ibgp()),
                () -> runner.run(c, external ? c.ebgp() : c.ibgp())));
        return Stream.concat(tests, Stream.of(DynamicTest.dynamicTest("close", runner::close)));
    }

    @TestFactory
    Stream<DynamicTest> internalPeer() {
        return run(LOCAL_AS, false);
    }

    @TestFactory
    Stream<DynamicTest> externalPeer() {
        return run(65002, true);
    }

    @Test
    void theTableHasEnoughCases() {
        List<Case> all = Rfc7606Cases.all();
        assertTrue(all.size() * 2 >= 84, "at least FRR's 84 cases: " + all.size() * 2);
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "case names are unique");
    }
}
