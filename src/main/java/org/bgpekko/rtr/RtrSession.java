// The router side of the RPKI-Router protocol (RFC 8210 sections 5-8) as pure state: PDUs in, what to do out.
package org.bgpekko.rtr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Bytes;

/**
 * Single-threaded (the RTR client actor owns it) and free of I/O and time: it is told what the cache sent and answers
 * with the PDUs to send, the data to hand to the route server, and whether the connection must end. The data set
 * lasts across connections (a Serial Query follows a reconnection) until it expires ({@link #expire}).
 *
 * <p>A response is applied whole at its End of Data, never in part: until then the route server keeps the previous
 * set (RFC 8210 section 5.8: the router may apply changes only when the response is complete).
 */
public final class RtrSession {
    /** RFC 8210 section 6 defaults, used until an End of Data (version 1) says otherwise. */
    public static final long DEFAULT_REFRESH = 3600;
    public static final long DEFAULT_RETRY = 600;
    public static final long DEFAULT_EXPIRE = 7200;

    /**
     * What changed in the VRP set at an End of Data: {@code replace} is true for the first delivery of this session
     * object (the receiver drops what it held before and takes {@code announced} as the whole set), false for a
     * difference from the previous delivery.
     */
    public record Delivery(boolean replace, List<RtrPdu.Vrp> announced, List<RtrPdu.Vrp> withdrawn) {
        public Delivery {
            announced = List.copyOf(announced);
            withdrawn = List.copyOf(withdrawn);
        }
    }

    /**
     * The answer to a PDU: what to send (in order), the data to deliver (or null), and, when {@code close} is not
     * null, the reason the connection ends after the sends. {@code reconnectNow} asks for a new connection at once
     * (after a version downgrade); {@code refresh} is the seconds until the next Serial Query, or -1.
     */
    public record Outcome(List<RtrPdu> send, Delivery delivery, String close, boolean reconnectNow, long refresh) {
        static final Outcome NOTHING = new Outcome(List.of(), null, null, false, -1);

        static Outcome send(RtrPdu pdu) {
            return new Outcome(List.of(pdu), null, null, false, -1);
        }

        static Outcome close(String reason) {
            return new Outcome(List.of(), null, reason, false, -1);
        }

        /** Report an error to the cache and end the connection. */
        static Outcome error(int code, Bytes pdu, String text) {
            return new Outcome(List.of(new RtrPdu.ErrorReport(code, pdu, text)), null,
                    "sent Error Report " + RtrPdu.ErrorReport.name(code) + ": " + text, false, -1);
        }
    }

    private int version = RtrCodec.VERSION_1;
    /** The cache's Session ID, or -1 before the first End of Data (and after expiry). */
    private int sessionId = -1;
    private long serial;
    private long refresh = DEFAULT_REFRESH;
    private long retry = DEFAULT_RETRY;
    private long expire = DEFAULT_EXPIRE;
    private final Set<RtrPdu.Vrp> current = new HashSet<>();
    private boolean delivered;

    /** The version of this connection is settled (the cache sent a PDU in it). */
    private boolean negotiated;
    /** A query is outstanding: a Cache Response (or Cache Reset) is expected. */
    private boolean queried;
    private boolean serialQuery;
    /** Between Cache Response and End of Data. */
    private boolean inResponse;
    /** The response answers a Reset Query: it is the whole set. */
    private boolean fullResponse;
    private int responseSession;
    private final Set<RtrPdu.Vrp> added = new HashSet<>();
    private final Set<RtrPdu.Vrp> removed = new HashSet<>();

    public int version() {
        return version;
    }

    public long retry() {
        return retry;
    }

    public long expireSeconds() {
        return expire;
    }

    /** A query was sent and its response (up to End of Data, or a Cache Reset) has not arrived whole. */
    public boolean responseOwed() {
        return queried || inResponse;
    }

    /** The number of VRPs held. */
    public int size() {
        return current.size();
    }

    /** A new connection is up: the query to send (Serial Query when a data set is held, else Reset Query). */
    public RtrPdu connected() {
        negotiated = false;
        inResponse = false;
        added.clear();
        removed.clear();
        queried = true;
        serialQuery = sessionId >= 0;
        return serialQuery ? new RtrPdu.SerialQuery(sessionId, serial) : new RtrPdu.ResetQuery();
    }

    /** The refresh timer fired: a Serial Query, or null when a response is under way or no set is held. */
    public RtrPdu refresh() {
        if (queried || inResponse || sessionId < 0) {
            return null;
        }
        queried = true;
        serialQuery = true;
        return new RtrPdu.SerialQuery(sessionId, serial);
    }

    /**
     * The data is older than its expire interval (RFC 8210 section 6): it is dropped; the next connection starts with
     * a Reset Query.
     *
     * @return the delivery that withdraws everything (null when nothing was held)
     */
    public Delivery expire() {
        sessionId = -1;
        if (current.isEmpty()) {
            return null;
        }
        Delivery d = new Delivery(false, List.of(), new ArrayList<>(current));
        current.clear();
        return d;
    }

    /** A PDU that could not be decoded: reported to the cache, and the connection ends. */
    public Outcome malformed(RtrCodec.Malformed m) {
        return Outcome.error(m.code(), m.pdu(), m.text());
    }

    /** A PDU from the cache, in protocol {@code pduVersion}; {@code raw} its octets (for an Error Report). */
    public Outcome received(int pduVersion, RtrPdu pdu, Bytes raw) {
        if (pduVersion != version) {
            if (!negotiated && pduVersion < version) {
                // RFC 8210 section 7: the cache speaks an older version; ask again in it
                version = pduVersion;
                return new Outcome(List.of(), null, "the cache answered in protocol version " + pduVersion
                        + ": reconnecting with it", true, -1);
            }
            if (pdu instanceof RtrPdu.ErrorReport e) {
                return Outcome.close("Error Report " + RtrPdu.ErrorReport.name(e.code()) + " from the cache: "
                        + e.text());
            }
            return Outcome.error(RtrPdu.ErrorReport.UNEXPECTED_PROTOCOL_VERSION, raw,
                    "PDU of version " + pduVersion + " in a version " + version + " session");
        }
        negotiated = true;
        if (pdu instanceof RtrPdu.ErrorReport e) {
            return errorReport(e);
        }
        if (pdu instanceof RtrPdu.SerialNotify) {
            RtrPdu q = refresh();
            return q == null ? Outcome.NOTHING : Outcome.send(q);
        }
        if (pdu instanceof RtrPdu.CacheResponse r) {
            if (!queried || inResponse) {
                return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "Cache Response without a query");
            }
            if (serialQuery && r.sessionId() != sessionId) {
                return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "Cache Response with Session ID "
                        + r.sessionId() + " to a Serial Query for Session ID " + sessionId);
            }
            queried = false;
            inResponse = true;
            fullResponse = !serialQuery;
            responseSession = r.sessionId();
            added.clear();
            removed.clear();
            return Outcome.NOTHING;
        }
        if (pdu instanceof RtrPdu.CacheReset) {
            if (!queried || !serialQuery) {
                return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "Cache Reset without a Serial Query");
            }
            serialQuery = false; // the set is kept until the new one is complete
            return Outcome.send(new RtrPdu.ResetQuery());
        }
        if (pdu instanceof RtrPdu.Prefix p) {
            if (!inResponse) {
                return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "Prefix PDU outside a response");
            }
            return prefix(p, raw);
        }
        if (pdu instanceof RtrPdu.RouterKey) {
            return inResponse ? Outcome.NOTHING // BGPsec router keys are not used
                    : Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "Router Key PDU outside a response");
        }
        if (pdu instanceof RtrPdu.EndOfData e) {
            return endOfData(e, raw);
        }
        // Serial Query, Reset Query: a router's PDUs
        return Outcome.error(RtrPdu.ErrorReport.UNSUPPORTED_PDU_TYPE, raw, "PDU type " + pdu.type()
                + " is sent by routers, not caches");
    }

    private Outcome errorReport(RtrPdu.ErrorReport e) {
        String what = "Error Report " + RtrPdu.ErrorReport.name(e.code()) + " from the cache"
                + (e.text().isEmpty() ? "" : ": " + e.text());
        if (e.code() == RtrPdu.ErrorReport.UNSUPPORTED_PROTOCOL_VERSION && version > RtrCodec.VERSION_0) {
            version--; // RFC 8210 section 7: fall back to RFC 6810
            return new Outcome(List.of(), null, what + ": reconnecting with protocol version " + version, true, -1);
        }
        return Outcome.close(what); // never answered with an Error Report (section 5.11)
    }

    /** Announce or withdraw within the response (against the set as it will be at End of Data). */
    private Outcome prefix(RtrPdu.Prefix p, Bytes raw) {
        RtrPdu.Vrp v = p.vrp();
        boolean held = fullResponse ? added.contains(v) : added.contains(v) || current.contains(v) && !removed.contains(v);
        if (p.announce()) {
            if (held) {
                return Outcome.error(RtrPdu.ErrorReport.DUPLICATE_ANNOUNCEMENT_RECEIVED, raw, "duplicate " + v);
            }
            if (!removed.remove(v)) {
                added.add(v);
            }
        } else {
            if (!held) {
                return Outcome.error(RtrPdu.ErrorReport.WITHDRAWAL_OF_UNKNOWN_RECORD, raw, "unknown " + v);
            }
            if (!added.remove(v)) {
                removed.add(v);
            }
        }
        return Outcome.NOTHING;
    }

    private Outcome endOfData(RtrPdu.EndOfData e, Bytes raw) {
        if (!inResponse) {
            return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "End of Data outside a response");
        }
        if (e.sessionId() != responseSession) {
            return Outcome.error(RtrPdu.ErrorReport.CORRUPT_DATA, raw, "End of Data with Session ID "
                    + e.sessionId() + " in a response of Session ID " + responseSession);
        }
        inResponse = false;
        List<RtrPdu.Vrp> announced = new ArrayList<>();
        List<RtrPdu.Vrp> withdrawn = new ArrayList<>();
        if (fullResponse) {
            for (RtrPdu.Vrp v : current) {
                if (!added.contains(v)) {
                    withdrawn.add(v);
                }
            }
            for (RtrPdu.Vrp v : added) {
                if (!current.contains(v)) {
                    announced.add(v);
                }
            }
        } else {
            announced.addAll(added);
            withdrawn.addAll(removed);
        }
        current.removeAll(withdrawn);
        current.addAll(announced);
        added.clear();
        removed.clear();
        sessionId = e.sessionId();
        serial = e.serial();
        if (e.refresh() >= 0) {
            refresh = e.refresh();
            retry = e.retry();
            expire = e.expire();
        }
        Delivery d = delivered ? new Delivery(false, announced, withdrawn)
                : new Delivery(true, new ArrayList<>(current), List.of());
        delivered = true;
        return new Outcome(List.of(), d, null, false, refresh);
    }
}
