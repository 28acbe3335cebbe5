// A connection with no socket: the Peer's end of an in-memory byte pipe (the simulation, tests).
package org.bgpekko.peer;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.Open;

/**
 * The other end ({@link Remote}) gets what the Peer writes, whole messages, several per write (all the Peer has
 * queued: what a socket's buffer takes at once), and acknowledges each write with {@link #consumed()} when it has
 * read it (one that stops reading stops acknowledging: the Peer's writes stop as on a full socket). What the other
 * end sends ({@link #send}) goes through the stream's own framing and decoding ({@link InboundDecoder}), so malformed
 * bytes get the answer they would get over TCP, and reaches the Peer one message per pull. Not thread-safe: the
 * simulation calls it from its one thread, the Peer from its actor.
 */
public final class MemoryConnection implements Connection {
    /** The other end of the pipe. */
    public interface Remote {
        /** The messages of one write of the Peer, in order; acknowledge them with one {@link #consumed()} once read. */
        void received(List<ByteString> messages);

        /** The Peer closed its end (after its writes). */
        void closed();
    }

    private final long connId;
    private final ActorRef<Peer.Command> peer;
    private final InboundDecoder decoder;
    private final InetSocketAddress local;
    private final InetSocketAddress remoteAddress;
    private Remote remote;
    private final ArrayDeque<InboundDecoder.Item> inbound = new ArrayDeque<>();
    private int pulls;
    private boolean remoteClosed;
    private boolean closed;

    private MemoryConnection(long connId, Open localOpen, ActorRef<Peer.Command> peer, InetSocketAddress local,
                             InetSocketAddress remoteAddress, Remote remote) {
        this.connId = connId;
        this.peer = peer;
        this.decoder = new InboundDecoder(localOpen);
        this.local = local;
        this.remoteAddress = remoteAddress;
        this.remote = remote;
    }

    /** An outgoing connection the Peer asked for ({@link Transport#connect}) is up. */
    public static MemoryConnection connected(long connId, Open localOpen, ActorRef<Peer.Command> peer,
                                             InetSocketAddress local, InetSocketAddress remoteAddress, Remote remote) {
        MemoryConnection c = new MemoryConnection(connId, localOpen, peer, local, remoteAddress, remote);
        peer.tell(new Peer.Connected(connId, c));
        return c;
    }

    /** The outgoing connection {@code connId} the Peer asked for could not be opened. */
    public static void refused(long connId, ActorRef<Peer.Command> peer, String reason) {
        peer.tell(new Peer.ConnectFailed(connId, reason));
    }

    /** An incoming connection (as the Listener would hand over): the Peer binds it with {@code attach}. */
    public static Transport.Incoming incoming(InetSocketAddress local, InetSocketAddress remoteAddress,
                                              java.util.function.Consumer<MemoryConnection> attached,
                                              Runnable rejected) {
        return new Transport.Incoming() {
            @Override
            public InetSocketAddress remoteAddress() {
                return remoteAddress;
            }

            @Override
            public Connection attach(long connId, Open localOpen, ActorRef<Peer.Command> peer) {
                MemoryConnection c = new MemoryConnection(connId, localOpen, peer, local, remoteAddress,
                        null);
                attached.accept(c);
                return c;
            }

            @Override
            public void reject() {
                rejected.run();
            }
        };
    }

    /** Sets the other end of an incoming connection (in the {@code attached} callback of {@link #incoming}). */
    public void remote(Remote r) {
        this.remote = r;
    }

    // ---- the other end

    /** The other end sends bytes (any: whole messages, parts of one, garbage). */
    public void send(ByteString bytes) {
        if (remoteClosed || closed) {
            return;
        }
        inbound.addAll(decoder.feed(bytes));
        deliver();
    }

    /** The other end read the last write of the Peer: the Peer may write again. */
    public void consumed() {
        if (!closed) {
            peer.tell(new Peer.Written(connId));
        }
    }

    /** The other end closes (or the link breaks): the Peer hears of it after what it was sent before. */
    public void closeRemote() {
        if (remoteClosed || closed) {
            return;
        }
        remoteClosed = true;
        deliver();
    }

    public boolean isClosed() {
        return closed;
    }

    private void deliver() {
        while (pulls > 0 && !inbound.isEmpty()) {
            pulls--;
            peer.tell(new Peer.Inbound(connId, inbound.poll()));
        }
        if (remoteClosed && inbound.isEmpty() && !closed) {
            closed = true;
            peer.tell(new Peer.Closed(connId, "connection closed by the peer"));
        }
    }

    // ---- the Peer's end

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void write(ByteString message) {
        writeAll(List.of(message));
    }

    @Override
    public boolean writesBatches() {
        return true;
    }

    @Override
    public void writeAll(List<ByteString> messages) {
        if (closed) {
            return;
        }
        if (remote != null) {
            remote.received(messages);
        }
    }

    @Override
    public void pull() {
        pulls++;
        deliver();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (remote != null) {
            remote.closed();
        }
        peer.tell(new Peer.Closed(connId, "closed by us"));
    }
}
