// The rs-convergence load generator against a scripted relay on loopback: what it measures, and what it catches.
package org.bgpekko.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.junit.jupiter.api.Test;

class RsConvergenceTest {
    private static final int FEEDERS = 3;
    private static final int PREFIXES = 400;

    @Test
    void tablesAreDistinctPerFeederAndDecodeToTheirOwnersPathAndNextHop() {
        RsTables t = RsTables.build(FEEDERS, PREFIXES, 4, 0, 7);
        assertEquals(FEEDERS * PREFIXES, t.universe());
        assertEquals(FEEDERS * PREFIXES, t.expected(RsClients.monitor()));
        assertEquals((FEEDERS - 1) * PREFIXES, t.expected(RsClients.feeder(1)));
        for (int f = 0; f < FEEDERS; f++) {
            int prefixes = 0;
            int updates = 0;
            for (byte[] m : split(t.announce[f])) {
                Update u = (Update) MessageCodec.decode(m, SessionOptions.DEFAULT);
                updates++;
                assertTrue(u.errors().isEmpty(), u.errors().toString());
                if (u.nlri().isEmpty()) {
                    continue; // End-of-RIB
                }
                assertEquals(RsClients.feeder(f).as(),
                        u.attributes().get(AsPath.class).orElseThrow().segments().get(0).asns().get(0));
                assertEquals(RsClients.feeder(f).address(),
                        u.attributes().get(NextHop.class).orElseThrow().address().toString());
                int owner = f;
                u.nlri().forEachPrefix((pathId, hi, lo, length) -> {
                    int i = t.index.get(lo << 8 | length);
                    assertTrue(i >= 0, "a prefix of the feeder is in the index");
                    assertEquals(owner, t.owner[i]);
                });
                prefixes += u.nlri().size();
            }
            assertEquals(PREFIXES, prefixes);
            assertEquals(t.announceUpdates[f], updates);
            assertEquals(PREFIXES / 4, t.attributeSets[f]);
            // packed per attribute set: fewer UPDATEs than sets would mean sets were mixed
            assertTrue(updates - 1 >= t.attributeSets[f], updates + " UPDATEs for " + t.attributeSets[f] + " sets");
        }
    }

    @Test
    void aTransparentRelayConvergesBothPhasesWithNoWrongRoute() throws Exception {
        Map<String, String> r = against(m -> List.of(m));
        assertEquals("complete", r.get("end"), r.toString());
        assertEquals(FEEDERS * PREFIXES + "/" + FEEDERS * PREFIXES, r.get("announce_monitor_held"));
        assertEquals((FEEDERS + 1) + "/" + (FEEDERS + 1), r.get("announce_clients_done"));
        assertEquals((FEEDERS + 1) + "/" + (FEEDERS + 1), r.get("withdraw_clients_done"));
        assertTrue(Double.parseDouble(r.get("announce_s")) > 0);
        assertTrue(Double.parseDouble(r.get("announce_all_s")) >= Double.parseDouble(r.get("announce_s")));
        assertTrue(Double.parseDouble(r.get("withdraw_s")) > 0);
        assertEquals("0", r.get("mismatched"));
    }

    @Test
    void aLostUpdateLeavesThePhaseIncomplete() throws Exception {
        AtomicBoolean dropped = new AtomicBoolean();
        Map<String, String> r = against(m -> {
            if (isUpdateWithNlri(m) && dropped.compareAndSet(false, true)) {
                return List.of();
            }
            return List.of(m);
        });
        assertEquals("announce_idle_2_s", r.get("end"), r.toString());
        assertEquals("skipped", r.get("withdraw"));
        assertEquals("none", r.get("announce_s"));
    }

    @Test
    void aPrependedAsPathIsCountedAsAWrongRoute() throws Exception {
        Map<String, String> r = against(m -> List.of(isUpdateWithNlri(m) ? prependServerAs(m) : m));
        assertEquals("wrong_routes", r.get("end"), r.toString());
        assertEquals((long) FEEDERS * PREFIXES * FEEDERS, Long.parseLong(r.get("mismatched")));
    }

    private static boolean isUpdateWithNlri(byte[] m) {
        return m[18] == 2 && m.length > 23 && !((Update) MessageCodec.decode(m, SessionOptions.DEFAULT)).nlri().isEmpty();
    }

    /** The UPDATE with the server's AS put first in its (single-segment, 4-octet) AS_PATH, as a non-RS would. */
    private static byte[] prependServerAs(byte[] m) {
        int p = 19 + 2 + (((m[19] & 0xff) << 8) | (m[20] & 0xff));
        int attrStart = p + 2;
        int attrEnd = attrStart + (((m[p] & 0xff) << 8) | (m[p + 1] & 0xff));
        for (int a = attrStart; a < attrEnd; ) {
            boolean ext = (m[a] & 0x10) != 0;
            int len = ext ? ((m[a + 2] & 0xff) << 8) | (m[a + 3] & 0xff) : m[a + 2] & 0xff;
            int v = a + (ext ? 4 : 3);
            if ((m[a + 1] & 0xff) == 2 && !ext && len + 4 < 256) {
                byte[] out = new byte[m.length + 4];
                System.arraycopy(m, 0, out, 0, v + 1);
                out[a + 2] = (byte) (len + 4);
                out[v + 1] = (byte) ((m[v + 1] & 0xff) + 1);
                out[v + 2] = 0;
                out[v + 3] = 0;
                out[v + 4] = (byte) (RsClients.SERVER_AS >>> 8);
                out[v + 5] = (byte) RsClients.SERVER_AS;
                System.arraycopy(m, v + 2, out, v + 6, m.length - v - 2);
                int total = out.length;
                out[16] = (byte) (total >>> 8);
                out[17] = (byte) total;
                int attrLen = attrEnd - attrStart + 4;
                out[p] = (byte) (attrLen >>> 8);
                out[p + 1] = (byte) attrLen;
                return out;
            }
            a = v + len;
        }
        throw new AssertionError("no AS_PATH");
    }

    /** Runs the generator against a relay that passes each UPDATE, through {@code relay}, to every other client. */
    private static Map<String, String> against(Function<byte[], List<byte[]>> relay) throws Exception {
        try (Relay server = new Relay(FEEDERS + 1, relay)) {
            String line = RsConvergence.run("--server", "127.0.0.1:" + server.port(), "--feeders", "" + FEEDERS,
                    "--prefixes", "" + PREFIXES, "--idle", "2", "--timeout", "60", "--connect-timeout", "30");
            assertTrue(line.startsWith("result "), line);
            return Arrays.stream(line.substring(7).split(" "))
                    .map(kv -> kv.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        }
    }

    /** A message-level relay: answers each OPEN with its own and a KEEPALIVE, copies UPDATEs to the others. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> sockets = new ArrayList<>();
        private final Map<Socket, OutputStream> outs = new ConcurrentHashMap<>();
        private final Function<byte[], List<byte[]>> relay;

        Relay(int clients, Function<byte[], List<byte[]>> relay) throws IOException {
            this.relay = relay;
            server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            Thread accept = new Thread(() -> {
                try {
                    for (int i = 0; i < clients; i++) {
                        Socket s = server.accept();
                        synchronized (sockets) {
                            sockets.add(s);
                        }
                        outs.put(s, s.getOutputStream());
                        Thread t = new Thread(() -> serve(s), "relay-" + i);
                        t.setDaemon(true);
                        t.start();
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "relay-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket s) {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                byte[] head = new byte[19];
                while (true) {
                    in.readFully(head);
                    int length = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
                    byte[] m = Arrays.copyOf(head, length);
                    in.readFully(m, 19, length - 19);
                    if (m[18] == 1) {
                        byte[] open = RsConvergenceTest.open();
                        write(s, open);
                        byte[] k = Arrays.copyOf(open, 19);
                        k[17] = 19;
                        k[18] = 4;
                        write(s, k);
                    } else if (m[18] == 2) {
                        for (byte[] out : relay.apply(m)) {
                            for (Socket other : List.copyOf(outs.keySet())) {
                                if (other != s) {
                                    write(other, out);
                                }
                            }
                        }
                    } else if (m[18] == 3) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private void write(Socket s, byte[] m) throws IOException {
            OutputStream out = outs.get(s);
            synchronized (out) {
                out.write(m);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /** The relay's OPEN: AS 64500, hold 180, identifier 127.0.0.1, the 4-octet AS capability. */
    private static byte[] open() {
        byte[] m = new byte[19 + 10 + 8];
        Arrays.fill(m, 0, 16, (byte) 0xff);
        m[17] = (byte) m.length;
        m[18] = 1;
        m[19] = 4;
        m[20] = (byte) (64500 >>> 8);
        m[21] = (byte) 64500;
        m[23] = (byte) 180;
        m[24] = 127;
        m[27] = 1;
        m[28] = 8;
        byte[] caps = {2, 6, 65, 4, 0, 0, (byte) (64500 >>> 8), (byte) 64500};
        System.arraycopy(caps, 0, m, 29, caps.length);
        return m;
    }

    /** Splits back-to-back messages. */
    private static List<byte[]> split(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < data.length; ) {
            int length = ((data[p + 16] & 0xff) << 8) | (data[p + 17] & 0xff);
            out.add(Arrays.copyOfRange(data, p, p + length));
            p += length;
        }
        return out;
    }
}
