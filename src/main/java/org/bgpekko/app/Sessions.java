// How the speaker reaches its peers: Peers over Pekko TCP (Netty epoll for TCP-MD5/GTSM), registered with the listener.
package org.bgpekko.app;

import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.EpollTransport;
import org.bgpekko.peer.Listener;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.TcpTransport;

final class Sessions {
    private Sessions() {}

    /**
     * Starts the listener when {@code exabgp.tcp.bind} is not empty and returns the factory of TCP Peers, each
     * registered with that listener under its neighbour and local addresses, with its socket settings. A neighbour
     * with TCP-MD5 or GTSM settings connects with Netty's epoll sockets, the others with Pekko's.
     *
     * @param nativeListener listen with epoll sockets from the start (a neighbour of the configuration needs them)
     */
    static Started start(ActorContext<?> ctx, Settings settings, BgpSpeaker.Parts parts, boolean nativeListener) {
        TcpTransport transport = new TcpTransport(ctx.getSystem());
        Peer.Options options = Peer.Options.of(settings, Version.current());
        ActorRef<Listener.Command> listener = settings.tcp().listen()
                ? ctx.spawn(supervised(parts.listener(Listener.create(settings.tcp().bind(), settings.tcp().port(),
                        Map.of(), nativeListener))), "listener")
                : null;
        return new Started((neighbor, rib, parent, events) -> Behaviors.setup(peerCtx -> {
            if (listener != null) {
                listener.tell(new Listener.Register(neighbor.peerAddress(), neighbor.localAddress(),
                        peerCtx.getSelf(), neighbor.tcp()));
            }
            return Peer.create(neighbor, options, neighbor.tcp().needsNativeSocket()
                    ? new EpollTransport(neighbor.tcp()) : transport, rib, parent, events);
        }), listener);
    }

    /** The factory of TCP Peers, and the listener (null when the speaker does not listen). */
    record Started(BgpSpeaker.PeerFactory peers, ActorRef<Listener.Command> listener) {}

    /**
     * The listener's failure outcome: it resumes. It keeps no state per connection, only the registrations and its
     * bound sockets, which a restart would lose (every neighbour refused, the port still bound): the message that
     * failed (one accepted connection) is dropped and the next is handled as usual.
     */
    static Behavior<Listener.Command> supervised(Behavior<Listener.Command> listener) {
        return Behaviors.supervise(listener).onFailure(SupervisorStrategy.resume());
    }
}
