// The connections one Peer holds open: each closes by flushing, then is aborted after a linger time.
package org.bgpekko.peer;

import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.wire.Notification;

/**
 * Every connection the Peer accepted or opened is here until its stream ended ({@code Peer.Closed}) or its linger
 * time ran out; a connection leaves only with its stream completed (no socket is left in CLOSE-WAIT).
 */
final class Links {
    record LingerExpired(long connId) implements Command {}

    private record LingerKey(long connId) {}

    private final Map<Long, Link> byId = new HashMap<>();
    private final TimerScheduler<Command> timers;

    Links(TimerScheduler<Command> timers) {
        this.timers = timers;
    }

    Link add(Link link) {
        byId.put(link.id, link);
        return link;
    }

    Link get(long connId) {
        return byId.get(connId);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    int size() {
        return byId.size();
    }

    /** Writes what is queued and {@code n} (if any), closes, and aborts after a linger time. */
    void close(Link link, Notification n) {
        link.abandonRib();
        if (n != null) {
            link.send(n);
        }
        link.close();
        timers.startSingleTimer(new LingerKey(link.id), new LingerExpired(link.id), TcpTransport.LINGER);
    }

    /** The stream of {@code connId} ended: our side is completed too (the socket closes); returns the link if known. */
    Link closed(long connId) {
        timers.cancel(new LingerKey(connId));
        Link link = byId.remove(connId);
        if (link != null) {
            link.drop();
        }
        return link;
    }

    /** The linger time of a closing connection ran out: it is aborted. */
    void lingerExpired(long connId) {
        Link gone = byId.remove(connId);
        if (gone != null) {
            gone.drop();
        }
    }

    /** Drops every connection at once (the Peer stops). */
    void dropAll() {
        byId.values().forEach(Link::drop);
        byId.clear();
    }
}
