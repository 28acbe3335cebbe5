// The route server as a real process with an IPv6 session (::1) beside IPv4 ones: IPv4 and IPv6 routes relayed both ways.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.bgpekko.testing.SpeakerProcess;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerIpv6LoopbackTest {
    private static final SessionOptions OPTIONS = SessionOptions.DEFAULT.withExternalPeer(true)
            .withFamilies(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));

    /** What a client holds: its next hop ("NEXT_HOP" or the MP next hop) and the first AS of the path. */
    private record Held(String nextHop, long firstAs) {}

    /** A scripted client: one session from {@code local} to the server, and the table the server sends it. */
    private static final class Client implements AutoCloseable {
        final Map<Nlri, Held> table = new ConcurrentHashMap<>();
        private final Socket socket = new Socket();
        private final OutputStream out;

        Client(String local, String server, int port, long as) throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(server), port), 10_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            write(new Open(4, (int) as, 180, 0x0A000000L + as, List.of(new Multiprotocol(Family.IPV4_UNICAST),
                    new Multiprotocol(Family.IPV6_UNICAST), new FourOctetAs(as))));
            assertTrue(read(in) instanceof Open, "the server answers with its OPEN");
            write(new Keepalive());
            Thread reader = new Thread(() -> {
                try {
                    while (true) {
                        if (read(in) instanceof Update u) {
                            apply(u);
                        }
                    }
                } catch (IOException e) {
                    // the session ended
                }
            }, "rs-ipv6-client-" + local);
            reader.setDaemon(true);
            reader.start();
        }

        void write(BgpMessage m) throws IOException {
            out.write(MessageCodec.encode(m, OPTIONS));
            out.flush();
        }

        void announce(String prefix, String nextHop, long as) throws IOException {
            Nlri n = InetNlri.of(prefix);
            IpAddress nh = IpAddress.parse(nextHop);
            PathAttributes attrs = RsFixtures.attributes(nextHop, List.of(as));
            Bytes mp = n.family().equals(Family.IPV4_UNICAST) ? Bytes.EMPTY : nh.toBytes();
            for (byte[] m : UpdatePacker.announce(attrs, mp, NlriBlock.of(n.family(), false, n), OPTIONS,
                    UpdatePacker.UNLIMITED)) {
                out.write(m);
            }
            out.flush();
        }

        private static BgpMessage read(DataInputStream in) throws IOException {
            byte[] header = new byte[19];
            in.readFully(header);
            int length = (header[16] & 0xFF) << 8 | header[17] & 0xFF;
            byte[] m = new byte[length];
            System.arraycopy(header, 0, m, 0, 19);
            in.readFully(m, 19, length - 19);
            return MessageCodec.decode(m, OPTIONS);
        }

        private void apply(Update u) {
            u.withdrawn().forEach(table::remove);
            u.mpUnreach().ifPresent(m -> m.nlri().forEach(table::remove));
            long firstAs = u.attributes().get(AsPath.class).map(p -> p.segments().get(0).asns().get(0)).orElse(-1L);
            u.nlri().forEach(n -> table.put(n, new Held(u.attributes().get(NextHop.class).orElseThrow().address()
                    .toString(), firstAs)));
            u.mpReach().ifPresent(m -> m.nlri().forEach(n -> table.put(n,
                    new Held(IpAddress.read(m.nextHop()).toString(), firstAs))));
        }

        void await(Predicate<Map<Nlri, Held>> done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!done.test(table)) {
                assertTrue(System.nanoTime() < deadline, what + ": holds " + table);
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String neighbor(String peer, String local, long as) {
        return "neighbor " + peer + " {\n    router-id 127.0.0.1;\n    local-address " + local + ";\n"
                + "    local-as 64500;\n    peer-as " + as + ";\n    hold-time 180;\n    passive true;\n"
                + "    route-server-client true;\n    family { ipv4 unicast; ipv6 unicast; }\n}\n";
    }

    /**
     * Client A on an IPv6 session (::1) and B, C on IPv4 sessions: A's IPv4 route (IPv4 NEXT_HOP over the IPv6
     * session) and IPv6 route reach B and C, B's reach A over the IPv6 session, each with its first AS and next hop
     * unchanged; when A's session ends, its routes leave B and C.
     */
    @Test
    void ipv4AndIpv6RoutesAreRelayedOverIpv6AndIpv4Sessions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rs.conf");
        Files.writeString(file, neighbor("::1", "::1", 64601) + neighbor("127.0.0.2", "127.0.0.1", 64602)
                + neighbor("127.0.0.3", "127.0.0.1", 64603));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process speaker = SpeakerProcess.start(port, Map.of("exabgp_tcp_bind", "127.0.0.1 ::1"), dir.resolve("log"),
                file);
        try (Client a = connect("::1", "::1", port, 64601); Client b = connect("127.0.0.2", "127.0.0.1", port, 64602);
             Client c = connect("127.0.0.3", "127.0.0.1", port, 64603)) {
            a.announce("198.51.100.0/24", "192.0.2.1", 64601);
            a.announce("2001:db8:a::/48", "2001:db8::a", 64601);
            b.announce("203.0.113.0/24", "192.0.2.2", 64602);
            b.announce("2001:db8:b::/48", "2001:db8::b", 64602);
            c.await(t -> t.size() == 4, "C gets the routes of A and B");
            assertEquals(new Held("192.0.2.1", 64601), c.table.get(InetNlri.of("198.51.100.0/24")));
            assertEquals(new Held("2001:db8::a", 64601), c.table.get(InetNlri.of("2001:db8:a::/48")));
            assertEquals(new Held("2001:db8::b", 64602), c.table.get(InetNlri.of("2001:db8:b::/48")));
            a.await(t -> t.size() == 2, "A, on the IPv6 session, gets B's IPv4 and IPv6 routes");
            assertEquals(new Held("192.0.2.2", 64602), a.table.get(InetNlri.of("203.0.113.0/24")));
            assertEquals(new Held("2001:db8::b", 64602), a.table.get(InetNlri.of("2001:db8:b::/48")));
            b.await(t -> t.size() == 2, "B gets A's routes");
            assertEquals(new Held("2001:db8::a", 64601), b.table.get(InetNlri.of("2001:db8:a::/48")));

            a.close();
            c.await(t -> t.size() == 2 && !t.containsKey(InetNlri.of("2001:db8:a::/48")),
                    "A's routes leave with its session");
            b.await(t -> t.isEmpty(), "B held only A's routes");
            assertTrue(speaker.isAlive(), Files.readString(dir.resolve("log")));
        } finally {
            speaker.destroy();
            speaker.waitFor();
        }
    }

    /** Connects, retrying while the speaker starts (up to 60 s). */
    private static Client connect(String local, String server, int port, long as) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return new Client(local, server, port, as);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
