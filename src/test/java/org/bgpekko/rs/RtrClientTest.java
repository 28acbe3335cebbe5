// RtrClient against an in-process fake cache on loopback: queries, deliveries, version fallback, errors, reconnection.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rtr.RtrCodec;
import org.bgpekko.rtr.RtrPdu;
import org.bgpekko.rtr.RtrSession;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RtrClientTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final RtrPdu.Vrp A = vrp("192.0.2.0/24", 24, 64511);
    private static final RtrPdu.Vrp B = vrp("2001:db8::/32", 48, 64512);
    private static final RtrPdu.Vrp C = vrp("198.51.100.0/22", 24, 64513);

    private ServerSocket server;
    private ActorRef<RtrClient.Command> client;
    private TestProbe<RtrSession.Delivery> rib;

    static RtrPdu.Vrp vrp(String prefix, int max, long asn) {
        return new RtrPdu.Vrp(IpPrefix.parse(prefix), max, asn);
    }

    @AfterAll
    static void shutdown() {
        kit.shutdownTestKit();
    }

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket();
        server.setSoTimeout(10_000);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        rib = kit.createTestProbe();
        client = kit.spawn(RtrClient.create(new RtrClient.Settings(
                (InetSocketAddress) server.getLocalSocketAddress(), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(2)),
                rib.getRef()));
    }

    @AfterEach
    void stop() throws IOException {
        kit.stop(client);
        server.close();
    }

    /** One accepted connection of the fake cache. */
    static final class Conn implements AutoCloseable {
        final Socket s;
        final DataInputStream in;
        final OutputStream out;

        Conn(ServerSocket server) throws IOException {
            s = server.accept();
            s.setSoTimeout(10_000);
            in = new DataInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        RtrCodec.Pdu read() throws IOException {
            byte[] header = new byte[8];
            in.readFully(header);
            int len = (int) ((header[4] & 0xFFL) << 24 | (header[5] & 0xFF) << 16 | (header[6] & 0xFF) << 8
                    | header[7] & 0xFF);
            byte[] all = new byte[len];
            System.arraycopy(header, 0, all, 0, 8);
            in.readFully(all, 8, len - 8);
            return (RtrCodec.Pdu) RtrCodec.decode(all, 0, len);
        }

        void send(int version, RtrPdu... pdus) throws IOException {
            for (RtrPdu p : pdus) {
                out.write(RtrCodec.encode(version, p));
            }
            out.flush();
        }

        /** True when the client closed the connection. */
        boolean closedByClient() throws IOException {
            return in.read() < 0;
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    private static RtrPdu.EndOfData eod(int session, long serial) {
        return new RtrPdu.EndOfData(session, serial, 3600, 600, 7200);
    }

    @Test
    void resetThenSerialUpdatesDeliverTheDifference() throws IOException {
        try (Conn c = new Conn(server)) {
            RtrCodec.Pdu q = c.read();
            assertEquals(1, q.version());
            assertEquals(new RtrPdu.ResetQuery(), q.pdu());
            c.send(1, new RtrPdu.CacheResponse(7), new RtrPdu.Prefix(true, A), new RtrPdu.Prefix(true, B), eod(7, 1));
            RtrSession.Delivery first = rib.receiveMessage();
            assertTrue(first.replace());
            assertEquals(Set.of(A, B), new HashSet<>(first.announced()));

            c.send(1, new RtrPdu.SerialNotify(7, 2));
            assertEquals(new RtrPdu.SerialQuery(7, 1), c.read().pdu());
            c.send(1, new RtrPdu.CacheResponse(7), new RtrPdu.Prefix(false, A), new RtrPdu.Prefix(true, C), eod(7, 2));
            RtrSession.Delivery second = rib.receiveMessage();
            assertEquals(new RtrSession.Delivery(false, List.of(C), List.of(A)), second);
        }
        // the cache went away: the client comes back with a Serial Query for what it holds
        try (Conn c = new Conn(server)) {
            assertEquals(new RtrPdu.SerialQuery(7, 2), c.read().pdu());
            c.send(1, new RtrPdu.CacheReset());
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
            c.send(1, new RtrPdu.CacheResponse(8), new RtrPdu.Prefix(true, C), eod(8, 1));
            // the whole set was {B, C}; now {C}: B withdrawn, nothing announced
            assertEquals(new RtrSession.Delivery(false, List.of(), List.of(B)), rib.receiveMessage());
        }
    }

    @Test
    void fallsBackToVersion0WhenTheCacheSaysUnsupportedProtocolVersion() throws IOException {
        try (Conn c = new Conn(server)) {
            assertEquals(1, c.read().version());
            c.send(0, new RtrPdu.ErrorReport(RtrPdu.ErrorReport.UNSUPPORTED_PROTOCOL_VERSION, Bytes.EMPTY, "v0 only"));
            assertTrue(c.closedByClient());
        }
        try (Conn c = new Conn(server)) {
            RtrCodec.Pdu q = c.read();
            assertEquals(0, q.version());
            assertEquals(new RtrPdu.ResetQuery(), q.pdu());
            c.send(0, new RtrPdu.CacheResponse(3), new RtrPdu.Prefix(true, A), eod(3, 5));
            RtrSession.Delivery d = rib.receiveMessage();
            assertEquals(List.of(A), d.announced());
        }
    }

    @Test
    void aDuplicateAnnouncementIsReportedAndTheConnectionEnds() throws IOException {
        try (Conn c = new Conn(server)) {
            c.read();
            c.send(1, new RtrPdu.CacheResponse(1), new RtrPdu.Prefix(true, A), new RtrPdu.Prefix(true, A));
            RtrPdu.ErrorReport e = assertInstanceOf(RtrPdu.ErrorReport.class, c.read().pdu());
            assertEquals(RtrPdu.ErrorReport.DUPLICATE_ANNOUNCEMENT_RECEIVED, e.code());
            assertEquals(Bytes.of(RtrCodec.encode(1, new RtrPdu.Prefix(true, A))), e.pdu());
            assertTrue(c.closedByClient());
        }
        rib.expectNoMessage(Duration.ofMillis(200)); // nothing of the broken response was delivered
        try (Conn c = new Conn(server)) { // back after the backoff, from scratch
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
        }
    }

    @Test
    void aMalformedPduIsReportedAsCorruptData() throws IOException {
        try (Conn c = new Conn(server)) {
            c.read();
            byte[] bad = RtrCodec.encode(1, new RtrPdu.Prefix(true, A));
            bad[10] = 8; // max length 8 below the prefix length 24
            c.out.write(bad);
            c.out.flush();
            RtrPdu.ErrorReport e = assertInstanceOf(RtrPdu.ErrorReport.class, c.read().pdu());
            assertEquals(RtrPdu.ErrorReport.CORRUPT_DATA, e.code());
            assertEquals(Bytes.of(bad), e.pdu());
            assertTrue(c.closedByClient());
        }
    }

    @Test
    void aPduSplitIntoSingleBytesIsReassembled() throws IOException {
        try (Conn c = new Conn(server)) {
            c.read();
            byte[] all = concat(RtrCodec.encode(1, new RtrPdu.CacheResponse(2)),
                    RtrCodec.encode(1, new RtrPdu.Prefix(true, B)), RtrCodec.encode(1, eod(2, 9)));
            for (byte b : all) {
                c.out.write(b);
                c.out.flush();
            }
            assertEquals(List.of(B), rib.receiveMessage().announced());
        }
    }

    @Test
    void anErrorReportFromTheCacheIsNotAnsweredAndTheClientReconnects() throws IOException {
        try (Conn c = new Conn(server)) {
            c.read();
            c.send(1, new RtrPdu.ErrorReport(RtrPdu.ErrorReport.NO_DATA_AVAILABLE, Bytes.EMPTY, "not yet"));
            assertTrue(c.closedByClient());
        }
        try (Conn c = new Conn(server)) {
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
        }
    }

    @Test
    void aCacheThatOwesAResponseAndStaysSilentIsLeftAndAskedAgain() throws IOException {
        try (Conn c = new Conn(server)) {
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
            assertTrue(c.closedByClient(), "given up on after the response timeout (2 s here)");
        }
        try (Conn c = new Conn(server)) {
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
            c.send(1, new RtrPdu.CacheResponse(7), new RtrPdu.Prefix(true, A));
            c.send(1, eod(7, 1)); // a response that keeps coming is not cut short
            assertEquals(List.of(A), rib.receiveMessage().announced());
        }
    }

    @Test
    void aCacheThatClosesEveryConnectionAtOnceIsTriedAgainUntilItServes() throws IOException {
        for (int i = 0; i < 4; i++) { // closed before or after the client saw it up: either way it comes back
            server.accept().close();
        }
        try (Conn c = new Conn(server)) {
            assertEquals(new RtrPdu.ResetQuery(), c.read().pdu());
            c.send(1, new RtrPdu.CacheResponse(7), new RtrPdu.Prefix(true, A), eod(7, 1));
            assertEquals(List.of(A), rib.receiveMessage().announced());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
