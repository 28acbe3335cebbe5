// A simulated exchange member: a BGP speaker written with our wire codec, on the simulation's thread.
package org.bgpekko.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.bgpekko.peer.MemoryConnection;
import org.bgpekko.peer.Negotiation;
import org.bgpekko.peer.Peer;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * It accepts the route server's connection (or connects, when the server's neighbour is passive), sends its OPEN
 * (4-octet AS, IPv4 unicast, route refresh), a KEEPALIVE for the server's OPEN, then its table and End-of-RIB, and a
 * KEEPALIVE every third of the hold time. It keeps what the server sends it as its Adj-RIB-In of IPv4 unicast
 * prefixes, and logs each session change and UPDATE. Everything it sends and reads crosses the link with the
 * simulation's latency. What a test or scenario can make it do: announce, withdraw, go down (with a Cease or
 * without a word), come back, stop and resume reading, send malformed messages.
 */
public final class SimMember {
    /** Where the member's session stands. */
    public enum State { DOWN, CONNECTED, OPEN_CONFIRM, ESTABLISHED }

    final Simulation sim;
    private final String name;
    private final long asn;
    private final InetAddress address;
    private final int holdTime;
    private final Open open;
    /** The member's own routes, in the order it first announced them: prefix key -> attributes. */
    private final LinkedHashMap<Long, PathAttributes> table = new LinkedHashMap<>();
    /** What it received from the server, in pages shared with the members that received the same. */
    private final HeldRoutes received;
    private ActorRef<Peer.Command> serverPeer;
    private boolean serverPassive;

    private boolean up = true;
    private boolean reading = true;
    private boolean silent;
    private State state = State.DOWN;
    private MemoryConnection conn;
    private SessionOptions options = SessionOptions.DEFAULT;
    private final ArrayDeque<ByteString> unread = new ArrayDeque<>();
    private Runnable keepalive = () -> { };
    private long session;

    private long updates;
    private long sessionsUp;
    private long sessionsDropped;
    private long lastChange = -1;
    private long notificationsReceived;

    SimMember(Simulation sim, String name, long asn, InetAddress address, int holdTime) {
        this.sim = sim;
        this.name = name;
        this.asn = asn;
        this.address = address;
        this.holdTime = holdTime;
        this.received = new HeldRoutes(sim.routes);
        this.open = new Open(4, asn > 0xFFFF ? 23456 : (int) asn, holdTime,
                Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(address.getAddress()).getInt()),
                List.of(new Multiprotocol(Family.IPV4_UNICAST), new RouteRefresh(), new FourOctetAs(asn)));
    }

    public String name() {
        return name;
    }

    public long asn() {
        return asn;
    }

    public InetAddress address() {
        return address;
    }

    public State state() {
        return state;
    }

    public boolean established() {
        return state == State.ESTABLISHED;
    }

    /** UPDATEs received from the server, over all sessions. */
    public long updates() {
        return updates;
    }

    /** Sessions that ended other than by this member's own choice (the server closed, or a NOTIFICATION came). */
    public long sessionsDropped() {
        return sessionsDropped;
    }

    public long sessionsUp() {
        return sessionsUp;
    }

    public long notificationsReceived() {
        return notificationsReceived;
    }

    /** The virtual time (nanoseconds) of the last change to what it holds, or -1 if it never held anything. */
    public long lastChangeNanos() {
        return lastChange;
    }

    /** How many IPv4 unicast routes it holds from the server. */
    public int routeCount() {
        return received.size();
    }

    /** What it holds from the server, by prefix text ({@code 192.0.2.0/24}), sorted. */
    public Map<String, PathAttributes> routes() {
        Map<String, PathAttributes> out = new LinkedHashMap<>();
        received.sorted().forEach((k, v) -> out.put(Prefixes.text(k), v));
        return Collections.unmodifiableMap(out);
    }

    /** The attributes it holds for {@code prefix}, or null. */
    public PathAttributes route(String prefix) {
        return received.get(Prefixes.key(prefix));
    }

    /** How many routes of its own it announces. */
    public int announcedCount() {
        return table.size();
    }

    // ------------------------------------------------------------------ what it does

    /** Announces (or replaces) a route; sent at once when established, else with the table at the next session. */
    public void announce(String prefix, PathAttributes attributes) {
        announce(Prefixes.key(prefix), attributes);
    }

    void announce(long key, PathAttributes attributes) {
        sim.routes.prefix(key);
        table.put(key, attributes);
        if (established()) {
            sendAnnounce(Map.of(key, attributes));
        }
    }

    /** Announces many routes at once, packed per attribute set. */
    void announceAll(Map<Long, PathAttributes> routes) {
        routes.keySet().forEach(sim.routes::prefix); // a member's own prefixes numbered together
        table.putAll(routes);
        if (established()) {
            sendAnnounce(routes);
        }
    }

    public void withdraw(String prefix) {
        withdraw(List.of(Prefixes.key(prefix)));
    }

    void withdraw(List<Long> keys) {
        List<Long> gone = new ArrayList<>();
        for (long k : keys) {
            if (table.remove(k) != null) {
                gone.add(k);
            }
        }
        if (established() && !gone.isEmpty()) {
            NlriBlock.Builder b = NlriBlock.builder(Family.IPV4_UNICAST, false);
            gone.forEach(k -> b.addIpv4(Nlri.NO_PATH_ID, k >>> 8, (int) (k & 0xff)));
            for (byte[] m : UpdatePacker.withdraw(PathAttributes.EMPTY, b.build(), options, UpdatePacker.UNLIMITED)) {
                write(m);
            }
        }
    }

    /** The member's own routes' keys, in announcement order. */
    List<Long> ownKeys() {
        return new ArrayList<>(table.keySet());
    }

    /** Goes down: a Cease (administrative shutdown) when {@code graceful}, else the link just breaks; refuses until {@link #up}. */
    public void down(boolean graceful) {
        up = false;
        if (conn != null) {
            if (graceful && state != State.DOWN) {
                write(MessageCodec.encode(Notification.cease(Notification.CEASE_ADMINISTRATIVE_SHUTDOWN,
                        "simulated member down"), options));
            }
            closeOwn("down");
        }
        log("member-down", "graceful", graceful);
    }

    /** Comes back: accepts the server's next connection attempt (or connects, to a passive server neighbour). */
    public void up() {
        if (up) {
            return;
        }
        up = true;
        log("member-up");
        if (serverPassive) {
            sim.loop.after(sim.latencyNanos, this::connectOut);
        }
    }

    /**
     * Goes silent without closing: no more KEEPALIVEs, nothing read (a crashed router whose TCP stays up): the
     * server's hold timer is what ends the session.
     */
    public void silent() {
        silent = true;
        reading = false;
        log("silent");
    }

    /** Stops reading what the server sends: after one write, the server's writes wait (a full socket). */
    public void stopReading() {
        reading = false;
        log("stop-reading");
    }

    public void resumeReading() {
        if (reading) {
            return;
        }
        reading = true;
        log("resume-reading");
        if (conn != null && !unread.isEmpty()) {
            List<ByteString> write = new ArrayList<>(unread); // at most one write: the server waits for its ack
            unread.clear();
            readAll(write);
        }
    }

    /** Sends a malformed message: {@code marker} (a broken header: the server must close), or {@code origin} (an UPDATE
     * with an ORIGIN of 9: RFC 7606 treat-as-withdraw, the session stays). */
    public void sendMalformed(String kind) {
        log("malformed", "kind", kind);
        if (conn == null) {
            return;
        }
        switch (kind) {
            case "marker" -> {
                byte[] b = MessageCodec.encode(Keepalive.INSTANCE, options);
                b[0] = 0;
                write(b);
            }
            case "origin" -> write(Malformed.badOrigin(asn, address, options));
            default -> throw new IllegalArgumentException("unknown malformed message " + kind
                    + " (marker or origin)");
        }
    }

    // ------------------------------------------------------------------ the session

    boolean accepting() {
        return up && conn == null;
    }

    /** The server connects: {@code make} builds our end once we are known to accept. */
    MemoryConnection accept(InetSocketAddress local, Function<MemoryConnection.Remote, MemoryConnection> make) {
        long s = ++session;
        conn = make.apply(remote(s));
        started(s);
        return conn;
    }

    /** The server's Peer for this member (for a passive server neighbour, the member connects to it). */
    void serverPeer(ActorRef<Peer.Command> peer, boolean passive) {
        this.serverPeer = peer;
        this.serverPassive = passive;
        if (passive && up && conn == null) {
            sim.loop.after(sim.latencyNanos, this::connectOut);
        }
    }

    private void connectOut() {
        if (!up || conn != null || serverPeer == null) {
            return;
        }
        long s = ++session;
        InetSocketAddress self = new InetSocketAddress(address, 179);
        serverPeer.tell(new Peer.Incoming(MemoryConnection.incoming(sim.serverAddress, self, c -> {
            conn = c;
            c.remote(remote(s));
            started(s);
        }, () -> {
            if (session == s) {
                log("refused");
                sim.loop.after(RECONNECT_NANOS, this::connectOut);
            }
        })));
    }

    private static final long RECONNECT_NANOS = 5_000_000_000L;

    private void started(long s) {
        state = State.CONNECTED;
        options = SessionOptions.DEFAULT;
        log("connected");
        write(MessageCodec.encode(open, SessionOptions.DEFAULT));
    }

    /** Our end of session {@code s}: what the server writes arrives one latency later. */
    private MemoryConnection.Remote remote(long s) {
        return new MemoryConnection.Remote() {
            @Override
            public void received(List<ByteString> messages) {
                sim.loop.after(sim.latencyNanos, () -> {
                    if (session != s || conn == null) {
                        return;
                    }
                    if (!reading) {
                        unread.addAll(messages); // one write, acknowledged when read
                        return;
                    }
                    readAll(messages);
                });
            }

            @Override
            public void closed() {
                sim.loop.after(sim.latencyNanos, () -> {
                    if (session == s && conn != null) {
                        ended("closed by the server", true);
                    }
                });
            }
        };
    }

    /** Reads the messages of one write of the server, in order, then acknowledges it (unless the session ended). */
    private void readAll(List<ByteString> messages) {
        MemoryConnection c = conn;
        for (ByteString m : messages) {
            handle(m);
            if (c != conn) {
                return; // the session ended on this message: the rest is dropped with the connection
            }
        }
        c.consumed();
    }

    private void handle(ByteString bytes) {
        byte[] raw = bytes.toArrayUnsafe(); // the array the server wrote, when whole (never written to)
        ReceivedUpdate shared = sim.routes.decoded(raw, options);
        if (shared != null) {
            update(shared);
            return;
        }
        BgpMessage m;
        try {
            m = MessageCodec.decode(raw, options);
        } catch (NotificationException e) {
            log("undecodable", "error", e.getMessage());
            write(MessageCodec.encode(e.toNotification(), options));
            closeOwn("undecodable");
            return;
        }
        if (m instanceof Open o) {
            options = sim.routes.options(Negotiation.options(open, o));
            state = State.OPEN_CONFIRM;
            write(MessageCodec.encode(Keepalive.INSTANCE, options));
        } else if (m instanceof Keepalive) {
            if (state == State.OPEN_CONFIRM) {
                sessionEstablished();
            }
        } else if (m instanceof Update u) {
            update(sim.routes.received(raw, options, u));
        } else if (m instanceof Notification n) {
            notificationsReceived++;
            log("notification", "code", n.code(), "subcode", n.subcode());
            ended("notification " + n.code() + "/" + n.subcode(), true);
        }
    }

    private void sessionEstablished() {
        state = State.ESTABLISHED;
        sessionsUp++;
        log("established");
        if (!table.isEmpty()) {
            sendAnnounce(table);
        }
        write(UpdatePacker.endOfRib(Family.IPV4_UNICAST, options));
        long every = Math.max(1, holdTime / 3) * 1_000_000_000L;
        long s = session;
        keepalive.run();
        keepalive = sim.loop.after(every, new Runnable() {
            @Override
            public void run() {
                if (session == s && state == State.ESTABLISHED && !silent) {
                    write(MessageCodec.encode(Keepalive.INSTANCE, options));
                    keepalive = sim.loop.after(every, this);
                }
            }
        });
    }

    private void update(ReceivedUpdate u) {
        updates++;
        int withdrawn = u.applyTo(received);
        if (u.announced() + withdrawn > 0) {
            lastChange = sim.loop.nanos();
        }
        if (sim.logUpdates) {
            log("update", "announced", u.announced(), "withdrawn", withdrawn, "held", received.size(), "eor",
                    u.eor(), "first", u.first() < 0 ? "" : Prefixes.text(u.first()));
        }
        sim.updateReceived(this);
    }

    private void sendAnnounce(Map<Long, PathAttributes> routes) {
        LinkedHashMap<PathAttributes, NlriBlock.Builder> bySet = new LinkedHashMap<>();
        routes.forEach((k, a) -> bySet.computeIfAbsent(a, x -> NlriBlock.builder(Family.IPV4_UNICAST, false))
                .addIpv4(Nlri.NO_PATH_ID, k >>> 8, (int) (k & 0xff)));
        bySet.forEach((a, b) -> {
            for (byte[] m : UpdatePacker.announce(a, Bytes.EMPTY, b.build(), options, UpdatePacker.UNLIMITED)) {
                write(m);
            }
        });
    }

    private void write(byte[] message) {
        MemoryConnection c = conn;
        if (c == null) {
            return;
        }
        ByteString b = ByteString.fromArrayUnsafe(message);
        sim.loop.after(sim.latencyNanos, () -> c.send(b)); // a closed connection drops it
    }

    /** We close: after what we wrote, the link closes. */
    private void closeOwn(String why) {
        MemoryConnection c = conn;
        sim.loop.after(sim.latencyNanos, c::closeRemote);
        ended(why, false);
    }

    private void ended(String why, boolean dropped) {
        boolean wasEstablished = state == State.ESTABLISHED;
        conn = null;
        session++;
        state = State.DOWN;
        keepalive.run();
        keepalive = () -> { };
        unread.clear();
        silent = false; // a stalled or silent router that loses its session comes back as new
        reading = true;
        if (dropped) {
            sessionsDropped++;
        }
        log("session-down", "reason", why, "established", wasEstablished, "dropped", dropped);
        if (!received.isEmpty()) {
            received.clear(); // the routes of a session go with it
            lastChange = sim.loop.nanos();
        }
        if (up && serverPassive) {
            sim.loop.after(RECONNECT_NANOS, this::connectOut);
        }
    }

    /** Logs an event of this member with its fields, given as name, value pairs. */
    private void log(String event, Object... fields) {
        ObjectNode n = sim.log.event(event);
        n.put("member", name);
        for (int i = 0; i < fields.length; i += 2) {
            n.putPOJO((String) fields[i], fields[i + 1]);
        }
        sim.log.log(n);
    }
}
