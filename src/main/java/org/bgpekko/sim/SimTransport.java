// The Transport of the simulated route server's Peers: a connection to a member's address reaches that SimMember.
package org.bgpekko.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.peer.MemoryConnection;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.Transport;
import org.bgpekko.wire.Open;

/** The connection is answered one link latency later: up if the member accepts, refused if it is down or unknown. */
final class SimTransport implements Transport {
    private final SimLoop loop;
    private final Map<InetAddress, SimMember> members;
    private final long latency;
    private final InetSocketAddress serverAddress;

    SimTransport(SimLoop loop, Map<InetAddress, SimMember> members, long latencyNanos, InetSocketAddress server) {
        this.loop = loop;
        this.members = members;
        this.latency = latencyNanos;
        this.serverAddress = server;
    }

    @Override
    public Runnable connect(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local,
                            Duration timeout, Open localOpen, ActorRef<Peer.Command> peer) {
        boolean[] aborted = {false};
        MemoryConnection[] made = {null};
        loop.after(latency, () -> {
            if (aborted[0]) {
                return;
            }
            SimMember m = members.get(remote.getAddress());
            if (m == null || !m.accepting()) {
                MemoryConnection.refused(connId, peer, "connection refused");
                return;
            }
            made[0] = m.accept(remote, r -> MemoryConnection.connected(connId, localOpen, peer, serverAddress,
                    remote, r));
        });
        return () -> {
            aborted[0] = true;
            if (made[0] != null) {
                made[0].closeRemote();
            }
        };
    }
}
