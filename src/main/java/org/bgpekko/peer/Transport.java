// Opens outgoing connections for a Peer: Pekko Streams Tcp in production, in memory in tests.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.wire.Open;

public interface Transport {
    /**
     * Connects to {@code remote}; reports {@code Peer.Connected(connId, connection)} or
     * {@code Peer.ConnectFailed(connId, reason)} to {@code peer}.
     *
     * @param localOpen our OPEN: the stream stage derives the decoding options from it and the peer's OPEN
     * @return aborts the attempt (and the connection, if it was made): for a Peer that gives up on it
     */
    Runnable connect(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
                 Open localOpen, ActorRef<Peer.Command> peer);

    /** An accepted connection not yet bound to a Peer (from the {@link Listener}). */
    interface Incoming {
        InetSocketAddress remoteAddress();

        /**
         * Binds it to {@code peer} and returns it: called by the Peer itself, so it owns the connection before anything
         * of it can arrive (nothing does before its first {@link Connection#pull()}).
         */
        Connection attach(long connId, Open localOpen, ActorRef<Peer.Command> peer);

        /** Closes it without a word (no Peer wants it). */
        void reject();
    }
}
