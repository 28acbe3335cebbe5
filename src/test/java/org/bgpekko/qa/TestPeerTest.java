// The scripted test peer driven by an in-test fake speaker over loopback sockets.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestPeerTest {
    private static final String M = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String U1 = M + "002F02000000154001010040020040030401010101400504000000641001" + "01";
    private static final String U2 = M + "002F02000000154001010040020040030402020202400504000000641002" + "02";
    private static final String U3 = M + "002F02000000154001010040020040030403030303400504000000641003" + "03";
    private static final String RR = M + "00170500010001";
    private static final String ECHO = FakeSpeaker.OPEN.replace("0A000002", "0A000003");

    private final List<String> signals = new CopyOnWriteArrayList<>();
    private TestPeer peer;

    private int start(String... msg) throws Exception {
        CaseFile.Parsed p = CaseFile.parseMsg(List.of(msg));
        peer = new TestPeer(new CaseFile("t", Path.of("."), List.of("t.conf"), p.options(), p.groups()), signals::add);
        return peer.start(0);
    }

    @AfterEach
    void close() {
        if (peer != null) {
            peer.close();
        }
    }

    private TestPeer.Verdict verdict() throws Exception {
        return peer.verdict().get(5, TimeUnit.SECONDS);
    }

    /** Connects, sends the OPEN, checks the echoed OPEN and the KEEPALIVE. */
    private FakeSpeaker open(int port) throws Exception {
        FakeSpeaker s = FakeSpeaker.connect(port);
        s.send(FakeSpeaker.OPEN);
        assertEquals(ECHO, s.read());
        assertEquals(FakeSpeaker.KEEPALIVE, s.read());
        return s;
    }

    @Test
    void unorderedGroupKeepalivesPassThenSuccessClosesTheConnection() throws Exception {
        int port = start("1:raw:" + U1, "1:raw:" + U2, "2:raw:" + FakeSpeaker.EOR);
        try (FakeSpeaker s = open(port)) {
            s.send(FakeSpeaker.KEEPALIVE);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read()); // every message is answered, keepalive included
            s.send(U2, FakeSpeaker.KEEPALIVE, U1); // reversed, with a keepalive between: nothing consumed by it
            for (int i = 0; i < 3; i++) {
                assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            }
            assertFalse(peer.verdict().isDone());
            s.send(FakeSpeaker.EOR);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            assertTrue(verdict().success());
            assertTrue(s.closedByPeer());
        }
    }

    @Test
    void unexpectedMessageFailsWithItsHexAndTheCandidates() throws Exception {
        int port = start("1:raw:" + U1, "1:raw:" + U3, "2:raw:" + U2);
        try (FakeSpeaker s = open(port)) {
            s.send(U2); // belongs to the next group: groups are consumed strictly in order
            TestPeer.Verdict v = verdict();
            assertFalse(v.success());
            assertTrue(v.reason().startsWith("unexpected message " + Hex.split(U2)), v.reason());
            assertTrue(v.reason().contains("2 candidate(s) left"), v.reason());
            assertTrue(v.reason().contains(Hex.split(U1)) && v.reason().contains(Hex.split(U3)), v.reason());
        }
    }

    @Test
    void framingSurvivesAMessageWrittenByteByByte() throws Exception {
        int port = start("1:raw:" + U1);
        try (FakeSpeaker s = open(port)) {
            s.sendSlowly(U1);
            assertTrue(verdict().success());
        }
    }

    @Test
    void firstMessageMustBeAnOpen() throws Exception {
        int port = start("1:raw:" + U1);
        try (FakeSpeaker s = FakeSpeaker.connect(port)) {
            s.send(U1);
            TestPeer.Verdict v = verdict();
            assertFalse(v.success());
            assertTrue(v.reason().contains("not an OPEN"), v.reason());
        }
    }

    @Test
    void optionAsnAnswersWithThatAsAndTheSameRouterId() throws Exception {
        int port = start("option:asn:65000", "1:raw:" + U1);
        try (FakeSpeaker s = FakeSpeaker.connect(port)) {
            s.send(FakeSpeaker.OPEN);
            assertEquals(M + "002D01" + "04FDE800B40A000002" + "10" + "0206010400010001" + "020641040000FDE8", s.read());
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
        }
    }

    @Test
    void openOptionsUnknownCapabilityUnknownMessageAndDefaultRoute() throws Exception {
        int port = start("option:open:send-unknown-capability", "option:open:send-unknown-message",
                "option:update:send-default-route", "1:raw:" + U1);
        try (FakeSpeaker s = FakeSpeaker.connect(port)) {
            s.send(FakeSpeaker.OPEN);
            String echo = s.read();
            assertTrue(echo.startsWith(M + "003B01"), echo);
            assertTrue(echo.endsWith("020C420A6C6F72656D697073756D"), echo);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            assertEquals(M + "0013FF", s.read());
            assertEquals(Hex.of(Messages.defaultRoute()), s.read());
            s.send(U1);
            assertTrue(verdict().success());
        }
    }

    @Test
    void inspectOpenMatchesTheOpenItself() throws Exception {
        int port = start("option:open:inspect-open-message", "1:raw:" + FakeSpeaker.OPEN);
        FakeSpeaker first = open(port); // the echo and KEEPALIVE still come first
        assertTrue(verdict().success());
        first.close();
        int other = start("option:open:inspect-open-message", "1:raw:" + FakeSpeaker.OPEN.replace("00B4", "005A"));
        try (FakeSpeaker s = FakeSpeaker.connect(other)) {
            s.send(FakeSpeaker.OPEN);
            TestPeer.Verdict v = verdict();
            assertFalse(v.success());
            assertTrue(v.reason().contains(Hex.split(FakeSpeaker.OPEN)), v.reason());
        }
    }

    @Test
    void routeRefreshReplaysTheMatchedUpdatesThenAKeepalive() throws Exception {
        int port = start("1:raw:" + U1, "1:raw:" + U2, "1:raw:" + FakeSpeaker.EOR, "2:raw:" + RR, "3:raw:" + U3);
        try (FakeSpeaker s = open(port)) {
            s.send(U2, FakeSpeaker.EOR, U1);
            for (int i = 0; i < 3; i++) {
                assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            }
            s.send(RR);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read()); // the answer to RR itself
            assertEquals(U2, s.read()); // match order, the EOR not remembered
            assertEquals(U1, s.read());
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            s.send(U3);
            assertTrue(verdict().success());
        }
    }

    @Test
    void aNewConnectionContinuesTheUnfinishedGroup() throws Exception {
        int port = start("a1:raw:" + U1, "A1:raw:" + U2, "b1:raw:" + U3);
        try (FakeSpeaker s = open(port)) {
            s.send(U1);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
        }
        try (FakeSpeaker s = open(port)) {
            s.send(U2);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            assertFalse(peer.verdict().isDone());
        }
        try (FakeSpeaker s = open(port)) {
            s.send(U3);
            assertTrue(verdict().success());
            assertEquals(3, peer.connectionCount());
        }
    }

    @Test
    void notificationActionAtTheHeadOfTheFirstGroupFollowsTheKeepalive() throws Exception {
        int port = start("A1:notification:Closing Session Now");
        try (FakeSpeaker s = open(port)) {
            assertEquals(Hex.of(Messages.cease("Closing Session Now")), s.read());
            assertFalse(peer.verdict().isDone());
            s.send(FakeSpeaker.KEEPALIVE); // completion is seen on the next message
            assertTrue(verdict().success());
        }
    }

    @Test
    void notificationActionAfterAMatch() throws Exception {
        int port = start("1:raw:" + U1, "2:notification:stop", "3:raw:" + U2);
        try (FakeSpeaker s = open(port)) {
            s.send(U1);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            assertEquals(Hex.of(Messages.cease("stop")), s.read());
            s.send(U2);
            assertTrue(verdict().success());
        }
    }

    @Test
    void signalActionIsDeliveredWhenItsGroupBecomesCurrent() throws Exception {
        int port = start("A1:raw:" + U1, "A2:signal:SIGUSR1", "A3:raw:" + U2);
        try (FakeSpeaker s = open(port)) {
            assertEquals(List.of(), signals);
            s.send(U1);
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            assertEquals(List.of("SIGUSR1"), signals);
            s.send(U2);
            assertTrue(verdict().success());
            assertEquals(List.of("SIGUSR1"), signals);
        }
    }

    @Test
    void aSignalThatCannotBeSentFailsTheCase() throws Exception {
        CaseFile.Parsed p = CaseFile.parseMsg(List.of("1:raw:" + U1, "2:signal:SIGUSR1", "3:raw:" + U2));
        peer = new TestPeer(new CaseFile("t", Path.of("."), List.of("t.conf"), p.options(), p.groups()),
                name -> { throw new IllegalStateException("no such process"); });
        int port = peer.start(0);
        try (FakeSpeaker s = open(port)) {
            s.send(U1);
            TestPeer.Verdict v = verdict();
            assertFalse(v.success());
            assertTrue(v.reason().contains("could not send SIGUSR1"), v.reason());
        }
    }

    @Test
    void bindIpv6ListensOnTheIpv6Loopback() throws Exception {
        int port = start("option:bind:ipv6", "1:raw:" + U1);
        try (FakeSpeaker s = new FakeSpeaker("::1", port)) {
            s.send(FakeSpeaker.OPEN);
            assertEquals(ECHO, s.read());
            assertEquals(FakeSpeaker.KEEPALIVE, s.read());
            s.send(U1);
            assertTrue(verdict().success());
        }
    }
}
