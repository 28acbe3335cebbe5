// What a Peer tells the ApiGateway for the helpers: neighbour changes and messages, only when some helper wants them.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.api.EventContext;
import org.bgpekko.api.EventRoutes;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.nlri.IpAddress;

final class PeerEvents {
    private final ActorRef<ApiGateway.Command> gateway;
    private final NeighborConfig config;
    private final PeerId id;
    private final boolean changes;
    private final boolean received;
    private final boolean sent;
    private Session session;

    /** @param gateway where events go, or null when the speaker runs no helpers */
    PeerEvents(ActorRef<ApiGateway.Command> gateway, NeighborConfig config) {
        this.gateway = gateway;
        this.config = config;
        this.id = PeerId.of(config);
        this.changes = gateway != null && config.apis().stream().anyMatch(a -> a.neighborChanges());
        this.received = gateway != null && EventRoutes.wantsMessages(config, true);
        this.sent = gateway != null && EventRoutes.wantsMessages(config, false);
    }

    void connected(Link link) {
        if (changes) {
            publish(link, "connected", null, null, null);
        }
    }

    void up(Link link, Session s) {
        session = s;
        if (changes) {
            publish(link, "up", null, null, null);
        }
    }

    void down(Link link, String reason) {
        if (changes && session != null) {
            publish(link, "down", null, null, reason);
        }
        session = null;
    }

    void received(Link link, BgpMessage m) {
        if (received) {
            publish(link, "message", EventContext.RECEIVE, m, null);
        }
    }

    void sent(Link link, BgpMessage m) {
        if (sent) {
            publish(link, "message", EventContext.SEND, m, null);
        }
    }

    void sentKeepalive(Link link) {
        sent(link, Keepalive.INSTANCE);
    }

    /** The Rib's encoded UPDATEs, decoded again only when a helper wants them. */
    void sentBatch(Link link, List<Bytes> messages) {
        if (sent) {
            SessionOptions o = session != null ? session.options() : SessionOptions.DEFAULT;
            messages.forEach(b -> sent(link, MessageCodec.decode(b.toArray(), o)));
        }
    }

    private void publish(Link link, String kind, String direction, BgpMessage m, String reason) {
        String local = address(link == null ? null : link.connection.localAddress(),
                config.localAddress() == null ? "" : config.localAddress().toString());
        String peer = address(link == null ? null : link.connection.remoteAddress(), config.peerAddress().toString());
        long peerAs = session != null ? session.peerAs() : config.peerAs();
        gateway.tell(new ApiGateway.PeerEvent(id, kind, direction, m, reason, local, peer, config.localAs(), peerAs,
                session));
    }

    private static String address(InetSocketAddress a, String fallback) {
        return a == null ? fallback : IpAddress.of(a.getAddress()).toString();
    }
}
