// One TCP connection as a Peer drives it: one write in flight, inbound pulled one message at a time.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * Implementations report to the Peer with {@code Peer.Inbound} (one per decoded message, after each
 * {@link #pull()}), {@code Peer.Written} (after each {@link #write}) and {@code Peer.Closed}.
 */
interface Connection {
    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /**
     * Hands complete BGP messages to the socket (one, or a Rib batch's, back to back); call again only after the
     * {@code Peer.Written} for it.
     */
    void write(ByteString message);

    /** True if {@link #writeAll} takes several messages in one write (one {@code Peer.Written} for all of them). */
    default boolean writesBatches() {
        return false;
    }

    /**
     * Hands several complete messages, in order, to the socket in one write, reported by one {@code Peer.Written};
     * only where {@link #writesBatches()}.
     */
    default void writeAll(List<ByteString> messages) {
        throw new UnsupportedOperationException("one message per write");
    }

    /** Asks for the next inbound message (the first one too: none is delivered before it): inbound backpressure. */
    void pull();

    /** Flushes what was written, then closes; aborts after a short linger if the peer does not read. */
    void close();
}
