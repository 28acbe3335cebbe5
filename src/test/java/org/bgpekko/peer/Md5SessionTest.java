// Two bgpekko Peers on loopback with TCP-MD5: the same password establishes, another one never does (RFC 2385).
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The passive side listens on 127.0.0.1 through a {@link Listener} that starts on Pekko's sockets and moves to native
 * ones when the neighbour with a password registers (as on a reload that adds one); the active side connects from
 * 127.0.0.2 with an {@link EpollTransport}, as {@code app.Sessions} wires them.
 */
class Md5SessionTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Peer.Options OPTIONS = new Peer.Options(179, 0, false, 60, Duration.ofSeconds(2), "bgpekko/test");

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    static NeighborConfig neighbor(String peer, String local, String settings) {
        String text = "neighbor " + peer + " { router-id " + local.replace("127.", "10.") + "; local-address " + local
                + "; local-as 65001; peer-as 65001; hold-time 30; " + settings + " family { ipv4 unicast; } }";
        return ConfigParser.parse(Path.of("md5.conf"), text).neighbors().get(0);
    }

    static ActorRef<Peer.Command> spawn(NeighborConfig n, TestProbe<Rib.Command> rib) {
        return KIT.spawn(Peer.create(n, OPTIONS, n.tcp().needsNativeSocket() ? new EpollTransport(n.tcp())
                : new TcpTransport(KIT.system()), rib.ref(), KIT.<Peer.Stopped>createTestProbe().ref()));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** A passive Peer for 127.0.0.2 with {@code password}, registered with a Listener on 127.0.0.1:port. */
    static TestProbe<Rib.Command> passive(int port, String password) throws Exception {
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), port, Map.of()));
        ListenerTest.bound(listener, 1); // on Pekko's socket
        NeighborConfig n = neighbor("127.0.0.2", "127.0.0.1", "passive true; md5-password \"" + password + "\";");
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        listener.tell(new Listener.Register(n.peerAddress(), n.localAddress(), spawn(n, rib), n.tcp()));
        // the listener moved to a native socket holding the key: a connection without it is dropped
        for (int i = 0; ; i++) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress("127.0.0.2", 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                if (i == 40) {
                    throw new AssertionError("the listener still accepts connections without the MD5 key");
                }
                Thread.sleep(100);
            } catch (SocketTimeoutException e) {
                return rib;
            } catch (java.net.SocketException e) {
                // refused between the unbind and the native bind, or reset: accepted on Pekko's socket as it closed
                Thread.sleep(50);
            }
        }
    }

    @Test
    void theSamePasswordEstablishesBothSides() throws Exception {
        int port = freePort();
        TestProbe<Rib.Command> passiveRib = passive(port, "pass word");
        TestProbe<Rib.Command> activeRib = KIT.createTestProbe();
        spawn(neighbor("127.0.0.1", "127.0.0.2", "connect " + port + "; md5-password \"pass word\";"), activeRib);
        Rib.PeerUp up = activeRib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10));
        assertEquals("127.0.0.2", up.session().localAddress().toString());
        assertEquals("127.0.0.1", passiveRib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(10)).session()
                .localAddress().toString());
    }

    /** An active Peer with {@code settings} never establishes with the passive one of "pass word". */
    static void neverEstablishes(String settings) throws Exception {
        int port = freePort();
        TestProbe<Rib.Command> passiveRib = passive(port, "pass word");
        TestProbe<Rib.Command> activeRib = KIT.createTestProbe();
        spawn(neighbor("127.0.0.1", "127.0.0.2", "connect " + port + "; " + settings), activeRib);
        activeRib.expectNoMessage(Duration.ofSeconds(6)); // three 2-second attempts, each SYN dropped
        passiveRib.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void anotherPasswordNeverEstablishes() throws Exception {
        neverEstablishes("md5-password \"pass w0rd\";");
    }

    @Test
    void noPasswordNeverEstablishes() throws Exception {
        neverEstablishes(""); // Pekko's TCP
    }
}
