// The Listener hands an accepted socket to the passive Peer of that address, and refuses unknown addresses.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ListenerTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @Test
    void incomingConnectionReachesItsPassivePeer() throws Exception {
        String text = "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65001; hold-time 30; passive true; family { ipv4 unicast; } }";
        NeighborConfig n = ConfigParser.parse(Path.of("listen.conf"), text).neighbors().get(0);
        TestProbe<Rib.Command> rib = KIT.createTestProbe();
        TestProbe<Peer.Stopped> parent = KIT.createTestProbe();
        Peer.Options o = new Peer.Options(179, 0, false, 60, Duration.ofSeconds(3), "bgpekko/test");
        ActorRef<Peer.Command> peer = KIT.spawn(Peer.create(n, o, new TcpTransport(KIT.system()), rib.ref(),
                parent.ref()));
        ActorRef<Listener.Command> listener = KIT.spawn(Listener.create(List.of("127.0.0.1"), 0,
                Map.of(n.peerAddress(), peer)));
        TestProbe<Listener.Bound> bound = KIT.createTestProbe();
        String address = null;
        for (int i = 0; i < 50 && address == null; i++) {
            listener.tell(new Listener.GetBound(bound.ref()));
            List<String> a = bound.receiveMessage().addresses();
            address = a.isEmpty() ? null : a.get(0);
            if (address == null) {
                Thread.sleep(50);
            }
        }
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[19];
            in.readFully(header);
            assertEquals(1, header[18]); // the passive peer sends its OPEN on the accepted connection
            byte[] open = new byte[(header[16] & 0xFF) << 8 | header[17] & 0xFF];
            System.arraycopy(header, 0, open, 0, 19);
            in.readFully(open, 19, open.length - 19);
            open[27]++;
            s.getOutputStream().write(open);
            s.getOutputStream().write(TestSide.KEEPALIVE);
            rib.expectMessageClass(Rib.PeerUp.class, Duration.ofSeconds(5));
        }
        rib.expectMessageClass(Rib.PeerDown.class, Duration.ofSeconds(5));
        listener.tell(new Listener.Unregister(IpAddress.of(InetAddress.getLoopbackAddress())));
    }
}
