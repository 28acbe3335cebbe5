// One connection of a Peer: its bounded outbox (one write in flight), its OPENs and its close.
package org.bgpekko.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;

/**
 * The outbox holds at most the Rib's one batch in flight plus a few control messages; KEEPALIVEs go ahead of
 * queued Rib messages, so a slow socket delays them by at most one write (a Rib batch is one write on a socket). A
 * connection that takes several messages per write ({@link Connection#writesBatches()}, the in-memory one) gets
 * everything queued in one write.
 */
final class Link {
    private static final ByteString KEEPALIVE = ByteString.fromArrayUnsafe(
            MessageCodec.encode(org.bgpekko.wire.Keepalive.INSTANCE, SessionOptions.DEFAULT));

    /** One queued write; {@code rib} marks the messages of a Rib batch. */
    private record Out(ByteString bytes, boolean rib) {}

    final long id;
    final boolean outgoing;
    final Connection connection;
    /** Our OPEN on this connection, once sent. */
    Open sent;
    /** The peer's OPEN, once received. */
    Open received;

    private final ArrayDeque<Out> queue = new ArrayDeque<>();
    private boolean inFlight;
    private int ribQueued;
    private boolean closing;
    private boolean closed;

    Link(long id, boolean outgoing, Connection connection) {
        this.id = id;
        this.outgoing = outgoing;
        this.connection = connection;
    }

    void send(BgpMessage m) {
        if (m instanceof Open o) {
            sent = o;
        }
        enqueue(new Out(ByteString.fromArrayUnsafe(MessageCodec.encode(m, SessionOptions.DEFAULT)), false), false);
    }

    /**
     * A KEEPALIVE jumps ahead of queued Rib messages (it has no ordering constraint towards UPDATEs); one still
     * waiting makes another pointless, so a socket that does not drain holds at most one.
     */
    void sendKeepalive() {
        Out head = queue.peekFirst();
        if (head == null || head.bytes() != KEEPALIVE) {
            enqueue(new Out(KEEPALIVE, false), true);
        }
    }

    /**
     * Queues a Rib batch; {@link #ribDrained()} tells when all of it was handed to the socket. On a socket (one
     * message per {@link Connection#write}) the batch's messages go as one write of their bytes in order: one
     * {@code Peer.Written}, one stream element and one send hold restart per batch of up to 64 KiB instead of one per
     * UPDATE (201 sessions of small UPDATEs spent their time and young heap on those), and a KEEPALIVE waits behind
     * at most that one write.
     */
    void sendRib(List<Bytes> messages) {
        if (messages.size() > 1 && !connection.writesBatches()) {
            add(new Out(concat(messages), true), false);
        } else {
            for (Bytes b : messages) {
                // not copied: an update group's messages are one array for all its members' sessions
                add(new Out(ByteString.fromArrayUnsafe(b.toArrayUnsafe()), true), false);
            }
        }
        pump();
    }

    /** The messages' bytes, in order, in one array (a batch is bounded by the Rib: about 64 KiB and a message). */
    static ByteString concat(List<Bytes> messages) {
        int length = 0;
        for (Bytes b : messages) {
            length = Math.addExact(length, b.length());
        }
        byte[] all = new byte[length];
        int at = 0;
        for (Bytes b : messages) {
            b.copyTo(all, at);
            at += b.length();
        }
        return ByteString.fromArrayUnsafe(all);
    }

    /** Forgets the Rib messages not yet written (the session is closing). */
    void abandonRib() {
        queue.removeIf(Out::rib);
        ribQueued = 0;
    }

    boolean ribDrained() {
        return ribQueued == 0;
    }

    /** Messages waiting for the socket (the one in flight not counted). */
    int queued() {
        return queue.size();
    }

    private void enqueue(Out out, boolean first) {
        add(out, first);
        pump();
    }

    private void add(Out out, boolean first) {
        if (closing || closed) {
            return;
        }
        if (out.rib()) {
            ribQueued++;
        }
        if (first) {
            queue.addFirst(out);
        } else {
            queue.addLast(out);
        }
    }

    /** The previous write reached the socket. */
    void written() {
        inFlight = false;
        pump();
    }

    private void pump() {
        if (inFlight || closed) {
            return;
        }
        Out next = queue.pollFirst();
        if (next == null) {
            if (closing) {
                closed = true;
                connection.close();
            }
            return;
        }
        if (next.rib()) {
            ribQueued--;
        }
        inFlight = true;
        if (queue.isEmpty() || !connection.writesBatches()) {
            connection.write(next.bytes());
            return;
        }
        List<ByteString> all = new ArrayList<>(queue.size() + 1);
        all.add(next.bytes());
        for (Out o = queue.pollFirst(); o != null; o = queue.pollFirst()) {
            if (o.rib()) {
                ribQueued--;
            }
            all.add(o.bytes());
        }
        connection.writeAll(all);
    }

    /** Writes what is queued (a final NOTIFICATION included), then closes. */
    void close() {
        closing = true;
        pump();
    }

    /** Drops what is queued and closes now (the peer is gone or we stop). */
    void drop() {
        queue.clear();
        ribQueued = 0;
        closing = true;
        if (!closed) {
            closed = true;
            connection.close();
        }
    }

    @Override
    public String toString() {
        return (outgoing ? "outgoing" : "incoming") + " connection " + id + " " + connection.remoteAddress();
    }
}
