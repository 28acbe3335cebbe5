// One TCP connection as a Peer drives it: one write in flight, inbound pulled one message at a time.
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import org.apache.pekko.util.ByteString;

/**
 * Implementations report to the Peer with {@code Peer.Inbound} (one per decoded message, after each
 * {@link #pull()}), {@code Peer.Written} (after each {@link #write}) and {@code Peer.Closed}.
 */
interface Connection {
    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /** Hands one complete BGP message to the socket; call again only after the {@code Peer.Written} for it. */
    void write(ByteString message);

    /** Asks for the next inbound message (the first one too: none is delivered before it): inbound backpressure. */
    void pull();

    /** Flushes what was written, then closes; aborts after a short linger if the peer does not read. */
    void close();
}
