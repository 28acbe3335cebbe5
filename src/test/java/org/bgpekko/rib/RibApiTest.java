// The ordering contract at the Rib: one batch applied whole, answers in order, held batches, a sequential model.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RibApiTest {
    private static final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static NeighborConfig neighbor() {
        String conf = "process helper { run ./helper.run; encoder text; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " family { ipv4 unicast; } api { processes [ helper ]; } }";
        return ConfigParser.parse(Path.of("api-test.conf"), conf).neighbors().get(0);
    }

    static Rib.ApiInput line(String text) {
        try {
            return ApiTranslator.translate("helper", text, ApiParser.parse(text));
        } catch (ApiParseException e) {
            throw new AssertionError(e);
        }
    }

    /** A Rib with one configured, established neighbour whose initial End-of-RIB was acknowledged. */
    final class Setup {
        final NeighborConfig n = neighbor();
        final PeerId id = PeerId.of(n);
        final ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        final TestProbe<Peer.Command> peer = kit.createTestProbe();
        final TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();

        void up() {
            rib.tell(new Rib.PeerConfigured(id, n));
            rib.tell(new Rib.PeerUp(RibTest.session(n, 1), peer.getRef()));
            List<Update> eor = RibTest.receive(peer, rib, id, 1);
            assertTrue(eor.get(0).endOfRibFamily().isPresent());
        }

        Rib.ApiApplied batch(String... lines) {
            List<Rib.ApiInput> in = new ArrayList<>();
            for (String l : lines) {
                in.add(line(l));
            }
            rib.tell(new Rib.ApiBatch("helper", in, helper.getRef()));
            return helper.receiveMessage(Duration.ofSeconds(3));
        }

        /** The next flush of UPDATEs, acknowledged batch by batch, until nothing more comes. */
        List<String> wire() {
            List<String> out = new ArrayList<>();
            while (true) {
                Peer.Send s;
                try {
                    s = peer.expectMessageClass(Peer.Send.class, Duration.ofMillis(300));
                } catch (AssertionError none) {
                    return out;
                }
                for (var b : s.messages()) {
                    Update u = (Update) MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT);
                    u.withdrawn().forEach(x -> out.add("-" + x.prefix()));
                    u.nlri().forEach(x -> out.add("+" + x.prefix()));
                }
                rib.tell(new Rib.SendDone(id, s.generation()));
            }
        }
    }

    @Test
    void announceThenClearInOneBatchPutsNothingOnTheWire() {
        Setup s = new Setup();
        s.up();
        s.batch("announce route 10.0.0.1/32 next-hop 1.1.1.1");
        assertEquals(List.of("+10.0.0.1/32"), s.wire(), "a first flush, so that withdrawals are written later");
        Rib.ApiApplied a = s.batch("announce route 10.0.0.2/32 next-hop 1.1.1.1", "clear adj-rib out");
        assertEquals(2, a.outcomes().size());
        assertTrue(a.outcomes().stream().allMatch(Rib.ApiOutcome::ok));
        assertEquals(List.of("-10.0.0.1/32"), s.wire(), "10.0.0.2/32 never reaches the wire");
    }

    /**
     * Issue 11 item 7: 10.0.0.1/24 and 10.0.0.0/24 were two keys, so the withdrawal left the route in the
     * Adj-RIB-Out and the next session announced it again.
     */
    @Test
    void hostBitsAreMaskedSoAWithdrawalOfTheCanonicalPrefixRemovesTheRoute() {
        Setup s = new Setup();
        s.up();
        s.batch("announce route 10.0.0.1/24 next-hop 1.1.1.1", "announce route 10.0.1.128/23 next-hop 1.1.1.1");
        assertEquals(List.of("+10.0.0.0/23", "+10.0.0.0/24"), s.wire()); // ExaBGP's NLRI order
        s.batch("withdraw route 10.0.0.0/24", "withdraw route 10.0.0.0/23");
        assertEquals(List.of("-10.0.0.0/23", "-10.0.0.0/24"), s.wire());
        assertEquals(List.of(), s.batch("show adj-rib out").outcomes().get(0).output());
        s.rib.tell(new Rib.PeerDown(s.id, 1));
        s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 2), s.peer.getRef()));
        List<Update> initial = RibTest.receive(s.peer, s.rib, s.id, 1);
        assertTrue(initial.get(0).endOfRibFamily().isPresent(), "the next session gets nothing but End-of-RIB");
    }

    @Test
    void theSameTwoCommandsInTwoAnsweredBatchesSendThenWithdraw() {
        Setup s = new Setup();
        s.up();
        s.batch("announce route 10.0.0.2/32 next-hop 1.1.1.1");
        assertEquals(List.of("+10.0.0.2/32"), s.wire());
        s.batch("clear adj-rib out");
        assertEquals(List.of("-10.0.0.2/32"), s.wire());
    }

    @Test
    void answersComeInCommandOrderWithErrorsInPlace() {
        Setup s = new Setup();
        s.up();
        List<Rib.ApiInput> in = List.of(line("announce route 10.0.0.1/32 next-hop 1.1.1.1"),
                line("neighbor 192.0.2.99 announce route 10.0.0.3/32 next-hop 1.1.1.1"),
                line("withdraw route 10.0.0.2/32"),
                line("withdraw route 10.0.0.1/32"));
        s.rib.tell(new Rib.ApiBatch("helper", in, s.helper.getRef()));
        List<Boolean> ok = s.helper.receiveMessage().outcomes().stream().map(Rib.ApiOutcome::ok).toList();
        assertEquals(List.of(true, false, true, true), ok, "a selector that matches no neighbour is an error");
    }

    @Test
    void batchesBeforeTheInitialEndOfRibAreHeldAndSentAsTheirOwnFlushes() {
        Setup s = new Setup();
        s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
        // api-fast: both writes arrive before the session is up
        s.batch("announce route 1.1.0.0/24 next-hop 1.1.1.1", "announce route 1.1.0.0/25 next-hop 1.1.1.1",
                "withdraw route 1.1.0.0/24 next-hop 1.1.1.1", "announce route 1.1.0.0/25 next-hop 1.1.1.1");
        s.batch("announce route 2.2.0.0/25 next-hop 1.1.1.1", "announce route 2.2.0.0/24 next-hop 1.1.1.1",
                "withdraw route 2.2.0.0/25 next-hop 1.1.1.1");
        s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 1), s.peer.getRef()));
        List<Update> eor = RibTest.receive(s.peer, s.rib, s.id, 1);
        assertTrue(eor.get(0).endOfRibFamily().isPresent(), "End-of-RIB first: the initial table is empty");
        assertEquals(List.of("+1.1.0.0/25", "-2.2.0.0/25", "+2.2.0.0/24"), s.wire(),
                "the first flush leaves its withdrawal out; the second writes it, before its announcement");
    }

    /** api-multi-neighbor: two batches that meet in one flush keep their order on the wire. */
    @Test
    void batchesMergedIntoOneFlushKeepTheirOrder() {
        Setup s = new Setup();
        s.up();
        s.batch("announce route 1.1.0.0/24 next-hop 1.1.1.1");
        Peer.Send inFlight = s.peer.expectMessageClass(Peer.Send.class);
        s.batch("announce route 1.1.0.0/25 next-hop 1.1.1.1"); // both wait behind the batch in flight
        s.batch("withdraw route 1.1.0.0/24 next-hop 1.1.1.1");
        s.rib.tell(new Rib.SendDone(s.id, inFlight.generation()));
        assertEquals(List.of("+1.1.0.0/25", "-1.1.0.0/24"), s.wire());
    }

    /** api-multi-neighbor failed 1 in 20: a batch applied at once overtook an earlier one still held. */
    @Test
    void aBatchAfterTheInitialTableWaitsForTheBatchesStillHeld() {
        Setup s = new Setup();
        s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
        s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 1), s.peer.getRef()));
        Peer.Send eor = s.peer.expectMessageClass(Peer.Send.class);
        s.batch("announce route 1.1.0.0/25 next-hop 1.1.1.1"); // held: the End-of-RIB is in flight
        s.batch("announce route 1.1.0.0/26 next-hop 2.2.2.2"); // held too
        s.rib.tell(new Rib.SendDone(s.id, eor.generation())); // releases the first; its flush goes out
        Peer.Send first = s.peer.expectMessageClass(Peer.Send.class);
        s.batch("withdraw route 1.1.0.0/25 next-hop 1.1.1.1"); // must not overtake the /26 still held
        s.rib.tell(new Rib.SendDone(s.id, first.generation()));
        assertEquals(List.of("+1.1.0.0/26", "-1.1.0.0/25"), s.wire());
    }

    /** api-teardown failed when the JVM was slow: the teardown came before the session and answered error. */
    @Test
    void aTeardownBeforeTheSessionIsUpWaitsForItsInitialTable() {
        Setup s = new Setup();
        s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
        assertTrue(s.batch("neighbor 127.0.0.1 teardown 4").outcomes().get(0).ok());
        s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 1), s.peer.getRef()));
        Peer.Send eor = s.peer.expectMessageClass(Peer.Send.class);
        s.rib.tell(new Rib.SendDone(s.id, eor.generation()));
        assertEquals(new Peer.Teardown(4, ""), s.peer.expectMessageClass(Peer.Teardown.class));
    }

    @Test
    void apiMultiNeighborHeldAndMerged() {
        for (boolean merged : new boolean[] {false, true}) {
            Setup s = new Setup();
            s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
            s.batch("neighbor 127.0.0.1 announce route 1.1.0.0/24 next-hop 101.1.101.1");
            String second = "neighbor 127.0.0.1 router-id 1.2.3.4, neighbor 127.0.0.1 announce route 1.1.0.0/25"
                    + " next-hop 101.1.101.1";
            String third = "withdraw route 1.1.0.0/24 next-hop 101.1.101.1";
            if (merged) {
                s.batch(second, third);
            } else {
                s.batch(second);
                s.batch(third);
            }
            s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 1), s.peer.getRef()));
            RibTest.receive(s.peer, s.rib, s.id, 1);
            assertEquals(List.of("+1.1.0.0/24", "+1.1.0.0/25", "-1.1.0.0/24"), s.wire(), "merged " + merged);
        }
    }

    /**
     * Issue 10: a show built its whole answer in one Rib turn (60 of them against 65k routes: 450 MB, a 7.7 s
     * stall). It comes in parts of at most ApiReplies.PART_LINES lines, each after the gateway asked for it; the
     * Rib serves other helpers and the sessions meanwhile, and only the same helper's next batch waits.
     */
    @Test
    void aLongShowIsAnsweredInPartsWhileTheRibGoesOn() {
        String conf = "process helper { run ./helper.run; encoder text; }\n"
                + "process other { run ./other.run; encoder text; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " family { ipv4 unicast; } api { processes [ helper other ]; }"
                + " static { route 10.0.0.0/8 next-hop 1.1.1.1 split /24; } }";
        NeighborConfig n = ConfigParser.parse(Path.of("show.conf"), conf).neighbors().get(0);
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        rib.tell(new Rib.PeerConfigured(PeerId.of(n), n));
        TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();
        TestProbe<Rib.ApiApplied> other = kit.createTestProbe();
        rib.tell(new Rib.ApiBatch("helper", List.of(line("announce route 1.0.0.0/24 next-hop 1.1.1.1"),
                line("show adj-rib out"), line("version")), helper.getRef()));
        Rib.ApiApplied first = helper.receiveMessage(Duration.ofSeconds(10));
        assertTrue(!first.complete());
        assertTrue(first.outcomes().get(0).ok() && !first.outcomes().get(0).more(), "the announce's done first");
        assertTrue(first.outcomes().get(1).more());
        rib.tell(new Rib.ApiBatch("helper", List.of(line("withdraw route 1.0.0.0/24")), helper.getRef()));
        rib.tell(new Rib.ApiBatch("other", List.of(ApiTranslator.translate("other", "version",
                parse("version"))), other.getRef()));
        assertTrue(other.receiveMessage(Duration.ofSeconds(10)).complete(), "another helper is not held up");
        helper.expectNoMessage(Duration.ofMillis(200)); // nothing more until the gateway asks
        List<Rib.ApiApplied> parts = new ArrayList<>(List.of(first));
        while (!parts.get(parts.size() - 1).complete()) {
            rib.tell(new Rib.ApiMore("helper"));
            parts.add(helper.receiveMessage(Duration.ofSeconds(10)));
        }
        int lines = 0;
        List<String> answers = new ArrayList<>();
        for (Rib.ApiApplied a : parts) {
            int inPart = a.outcomes().stream().mapToInt(o -> o.output().size()).sum();
            assertTrue(inPart <= ApiReplies.PART_LINES, inPart + " lines in one part");
            lines += inPart;
            a.outcomes().stream().filter(o -> !o.more()).forEach(o -> answers.add(o.ok() ? "done" : "error"));
        }
        // the announcement is held while the neighbour has no session (decisions D9): not in the table yet
        assertEquals(65_536 + 1, lines, "every configured route, then the version line");
        assertEquals(List.of("done", "done", "done"), answers);
        Rib.ApiApplied waited = helper.receiveMessage(Duration.ofSeconds(10));
        assertEquals(1, waited.outcomes().size(), "the helper's next batch, applied once the answer was out");
    }

    /**
     * Issue 10: every batch that selected a neighbour that was down was kept in full; 20,000 announce+withdraw
     * pairs gave the next session 20,001 UPDATEs for an empty table. Only the resulting changes are kept now, in at
     * most OutboundFlow.MAX_HELD_BATCHES flushes.
     */
    @Test
    void twentyThousandHeldPairsAreAFewUpdatesForAnEmptyTable() {
        Setup s = new Setup();
        s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
        TestProbe<Rib.ApiApplied> quiet = kit.createTestProbe();
        for (int i = 0; i < 20_000; i++) {
            s.rib.tell(new Rib.ApiBatch("helper", List.of(line("announce route 10.9.0.0/24 next-hop 1.1.1.1"),
                    line("withdraw route 10.9.0.0/24")), quiet.getRef()));
        }
        s.rib.tell(new Rib.PeerUp(RibTest.session(s.n, 1), s.peer.getRef()));
        List<Update> eor = RibTest.receive(s.peer, s.rib, s.id, 1);
        assertTrue(eor.get(0).endOfRibFamily().isPresent());
        List<String> rest = s.wire();
        assertTrue(rest.size() < OutboundFlow.MAX_HELD_BATCHES, rest.size() + " UPDATEs after End-of-RIB");
        assertTrue(rest.stream().allMatch("-10.9.0.0/24"::equals), "only withdrawals: " + rest);
    }

    /** Issue 10: 5,000 held batches that change nothing ended the JVM with a StackOverflowError (recursion). */
    @Test
    void fiveThousandHeldBatchesThatChangeNothingAreReleasedInALoop() {
        Setup s = new Setup();
        NeighborConfig n = RibTest.neighbor("route 10.0.0.0/24 next-hop 1.1.1.1;");
        String conf = "process helper { run ./helper.run; encoder text; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " family { ipv4 unicast; } api { processes [ helper ]; }"
                + " static { route 10.0.0.0/24 next-hop 1.1.1.1; } }";
        n = ConfigParser.parse(Path.of("noop.conf"), conf).neighbors().get(0);
        s.rib.tell(new Rib.PeerConfigured(s.id, n));
        TestProbe<Rib.ApiApplied> quiet = kit.createTestProbe();
        for (int i = 0; i < 5_000; i++) { // the configured route again: nothing changes
            s.rib.tell(new Rib.ApiBatch("helper", List.of(line("announce route 10.0.0.0/24 next-hop 1.1.1.1")),
                    quiet.getRef()));
        }
        s.rib.tell(new Rib.PeerUp(RibTest.session(n, 1), s.peer.getRef()));
        List<Update> table = RibTest.receive(s.peer, s.rib, s.id, 2);
        assertEquals(1, table.get(0).nlri().size());
        assertTrue(table.get(1).endOfRibFamily().isPresent());
        assertEquals(List.of(), s.wire(), "nothing after the initial table");
        assertEquals(1, s.batch("version").outcomes().size(), "the Rib still answers");
    }

    /** Issue 10: 200,000 held pairs cost +120 MB. Held state is bounded by the batches and prefixes it keeps. */
    @Test
    void heldBatchesKeepOnlyTheirResult() {
        Setup s = new Setup();
        s.rib.tell(new Rib.PeerConfigured(s.id, s.n));
        TestProbe<Rib.ApiApplied> quiet = kit.createTestProbe();
        for (int i = 0; i < 200_000; i++) {
            s.rib.tell(new Rib.ApiBatch("helper", List.of(line("announce route 10.9.0.0/24 next-hop 1.1.1.1"),
                    line("withdraw route 10.9.0.0/24")), quiet.getRef()));
        }
        TestProbe<Rib.Stats> stats = kit.createTestProbe();
        s.rib.tell(new Rib.GetStats(stats.getRef()));
        Rib.Stats st = stats.receiveMessage(Duration.ofSeconds(60));
        assertEquals(OutboundFlow.MAX_HELD_BATCHES, st.heldBatches());
        assertEquals(OutboundFlow.MAX_HELD_BATCHES, st.heldChanges(), "one withdrawal per held batch");
        assertEquals(1, st.outboundPrefixes());
        assertEquals(1, st.outboundAttributeSets(), "the withdrawal's (next hop 0.0.0.0); the announcement's went");
    }

    /**
     * Issue 10: a route too big for one UPDATE was answered done, then UpdatePacker threw in the Rib at the first
     * session: the Rib died and the process lived on answering nothing. It is refused when applied, with the reason,
     * and nothing of its command is applied.
     */
    @Test
    void aRouteTooBigForOneUpdateIsAnErrorAndNothingElseIsLost() {
        Setup s = new Setup();
        s.up();
        StringBuilder communities = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            communities.append(" 65000:").append(i);
        }
        Rib.ApiApplied a = s.batch("announce route 10.0.0.1/32 next-hop 1.1.1.1",
                "announce route 10.0.0.2/32 next-hop 1.1.1.1 community [" + communities + " ]",
                "announce route 10.0.0.3/32 next-hop 1.1.1.1");
        assertEquals(List.of(true, false, true), a.outcomes().stream().map(Rib.ApiOutcome::ok).toList());
        assertTrue(a.outcomes().get(1).reason().startsWith("route 10.0.0.2/32 cannot be sent: it needs an UPDATE of"),
                a.outcomes().get(1).reason());
        assertEquals(List.of("+10.0.0.1/32", "+10.0.0.3/32"), s.wire());
        assertTrue(s.batch("withdraw route 10.0.0.1/32").outcomes().get(0).ok(), "the Rib goes on");
        assertEquals(List.of("-10.0.0.1/32"), s.wire());
    }

    static org.bgpekko.api.ApiLine parse(String text) {
        try {
            return ApiParser.parse(text);
        } catch (ApiParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Issue 5: random announce/withdraw over 1,000 prefixes; the wire ends where a sequential model ends. */
    @Test
    void randomCommandsEndWhereASequentialModelEnds() {
        Setup s = new Setup();
        s.up();
        Random random = new Random(20261121);
        Map<String, Long> model = new HashMap<>();
        Map<String, Long> peerView = new HashMap<>();
        int commands = 0;
        while (commands < 100_000) {
            List<Rib.ApiInput> batch = new ArrayList<>();
            int size = 1 + random.nextInt(200);
            for (int i = 0; i < size; i++, commands++) {
                String prefix = "10." + (random.nextInt(1000) / 250) + "." + (random.nextInt(1000) % 250) + ".0/24";
                if (random.nextInt(3) == 0) {
                    batch.add(line("withdraw route " + prefix));
                    model.remove(prefix);
                } else {
                    long med = random.nextInt(4);
                    batch.add(line("announce route " + prefix + " next-hop 1.1.1.1 med " + med));
                    model.put(prefix, med);
                }
            }
            s.rib.tell(new Rib.ApiBatch("helper", batch, s.helper.getRef()));
            assertEquals(batch.size(), s.helper.receiveMessage().outcomes().size());
            drain(s, peerView, 5); // what is not here yet is read by a later drain
        }
        drain(s, peerView, 500);
        assertEquals(model, peerView);
    }

    /**
     * The same through the reader's assembler, whose back-to-back lines of one template travel as runs:
     * host bits, withdrawals and runs cut by other words included; every line is answered, and the
     * neighbour's wire ends where the sequential model ends.
     */
    @Test
    void runsOfLinesEndWhereASequentialModelEnds() {
        Setup s = new Setup();
        s.up();
        Random random = new Random(20261207);
        Map<String, Long> model = new HashMap<>();
        Map<String, Long> peerView = new HashMap<>();
        org.bgpekko.api.BatchAssemblerAccess assembler = new org.bgpekko.api.BatchAssemblerAccess("helper");
        int runs = 0;
        for (int commands = 0; commands < 50_000; ) {
            List<String> lines = new ArrayList<>();
            int size = 1 + random.nextInt(300);
            long med = random.nextInt(3);
            for (int i = 0; i < size; i++, commands++) {
                int third = random.nextInt(1000);
                String host = random.nextInt(4) == 0 ? "." + (1 + random.nextInt(200)) : ".0";
                String prefix = "10." + third / 250 + "." + third % 250 + host + "/24";
                String canonical = "10." + third / 250 + "." + third % 250 + ".0/24";
                if (random.nextInt(20) == 0) {
                    med = random.nextInt(3); // other words: a new run
                }
                if (random.nextInt(4) == 0) {
                    lines.add("withdraw route " + prefix + " next-hop 1.1.1.1");
                    model.remove(canonical);
                } else {
                    lines.add("announce route " + prefix + " next-hop 1.1.1.1 med " + med);
                    model.put(canonical, med);
                }
            }
            List<Rib.ApiInput> batch = assembler.inputs(lines);
            runs += assembler.runs();
            s.rib.tell(new Rib.ApiBatch("helper", batch, s.helper.getRef()));
            List<Rib.ApiOutcome> outcomes = s.helper.receiveMessage().outcomes();
            assertEquals(batch.size(), outcomes.size());
            assertTrue(outcomes.stream().allMatch(Rib.ApiOutcome::ok));
            drain(s, peerView, 5);
        }
        drain(s, peerView, 500);
        assertEquals(model, peerView);
        assertTrue(runs > 100, "the lines travelled as runs: " + runs);
    }

    /** Applies every UPDATE the Rib hands out to the peer's view of the table. */
    private static void drain(Setup s, Map<String, Long> view, long waitMillis) {
        while (true) {
            Peer.Send send;
            try {
                send = s.peer.expectMessageClass(Peer.Send.class, Duration.ofMillis(waitMillis));
            } catch (AssertionError none) {
                return;
            }
            for (var b : send.messages()) {
                Update u = (Update) MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT);
                u.withdrawn().forEach(x -> view.remove(x.prefix().toString()));
                long med = u.attributes().get(MultiExitDisc.class).map(MultiExitDisc::value).orElse(-1L);
                u.nlri().forEach(x -> view.put(x.prefix().toString(), med));
            }
            s.rib.tell(new Rib.SendDone(s.id, send.generation()));
        }
    }
}
