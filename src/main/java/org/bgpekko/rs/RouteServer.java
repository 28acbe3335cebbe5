// The route server (RFC 7947): candidates per prefix in decision order, and each client's best path sent to it.
package org.bgpekko.rs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Pure data, single-threaded (the Rib actor owns it). What a client sends, after the receive rules, is kept in its
 * Adj-RIB-In by the Rib (RFC 7947 section 2.1) and handed here as changes; each prefix keeps one candidate per
 * client in decision order ({@link Decision}). A client's best path is the first candidate it may receive: never
 * its own (no path hiding, section 2.3.2.1), and never one it cannot be sent (an IPv6 next hop for IPv4 without
 * extended next hop). ADD-PATH clients get every candidate they may receive, each with the path identifier of its
 * source (client index + 1). There is no Loc-RIB per client: when a prefix's candidates change, each client's
 * best before and after is compared, and the prefix is queued for the clients whose best changed; {@link #next}
 * turns queued prefixes into UPDATEs when the client's Peer wants more (lazy, paced like the Adj-RIB-Out).
 *
 * <p>IPv4 and IPv6 unicast are relayed; other families are not (their routes stay in the Adj-RIB-In).
 */
public final class RouteServer {
    /** The Adj-RIB-In attribute store as the route server uses it: canonical bytes, reference counts. */
    public interface AttributeSource {
        byte[] canonical(int id);

        /** The id of these canonical bytes, interned if new, with one more reference. */
        int intern(byte[] canonical);

        void retain(int id);

        void release(int id);
    }

    /** The operator's own routes (configuration, helpers) for a client: they win over relayed ones. */
    public interface OperatorRoutes {
        /** Does the operator announce this unicast prefix (no path identifier) to the client? */
        boolean announces(int client, Family family, long hi, long lo, int length);

        /** May the operator announce anything to the client? A client it does is not in an update group. */
        default boolean any(int client) {
            return true;
        }
    }

    /**
     * The session of a client as the route server needs it.
     *
     * @param routerId the BGP identifier of the client's OPEN (decision tie-breaker, RFC 4271 section 9.1.2.2 f)
     * @param external the client is in another AS than the route server (eBGP)
     * @param endOfRib the families whose End-of-RIB follows the first pass (empty with manual-eor)
     */
    public record ClientSession(SessionOptions options, List<Family> families, long routerId, IpAddress address,
                                boolean external, List<Family> endOfRib) {
        public ClientSession {
            families = List.copyOf(families);
            endOfRib = List.copyOf(endOfRib);
        }
    }

    private final AttributeSource store;
    private final OperatorRoutes operator;
    final Ranks ranks = new Ranks();
    final Prefixes prefixes = new Prefixes();
    private final Decision decision;
    private final List<Client> clients = new ArrayList<>();
    private final RelayWriter writer;
    private final ServerPolicy policy;
    /** The update groups (docs/decisions.md D18), in creation order. */
    private final Map<UpdateGroup.Key, UpdateGroup> groups = new LinkedHashMap<>();
    /** The clients with a session that are written on their own (no group), rebuilt when null. */
    private List<Client> solo;
    /** The bound of each group's log in bytes; 0: no groups, every client is written on its own (tests compare). */
    private final int logLimit;
    private final PrefixLimits limits = new PrefixLimits();
    /** The last set the policy's ingress gave ({@link #held}), and its id: one reference is this cache's. */
    private byte[] lastIngress;
    private int lastIngressId = -1;
    private final Propagation propagation = new Propagation(this);
    private final CandidateLists candidates;
    /** {@link #apply}'s prefix indices of one block (reused). */
    private int[] indices = new int[256];

    public RouteServer(AttributeSource store, OperatorRoutes operator) {
        this(store, operator, ServerPolicy.NONE);
    }

    public RouteServer(AttributeSource store, OperatorRoutes operator, ServerPolicy policy) {
        this(store, operator, policy, UpdateGroup.LOG_LIMIT);
    }

    /** @param logLimit the bound of an update group's log in bytes; 0 writes every client on its own */
    RouteServer(AttributeSource store, OperatorRoutes operator, ServerPolicy policy, int logLimit) {
        this.logLimit = logLimit;
        this.store = store;
        this.operator = operator;
        this.policy = policy;
        this.decision = new Decision(ranks, clients, policy);
        this.writer = new RelayWriter(this);
        this.candidates = new CandidateLists(prefixes, ranks, store, policy, decision, propagation);
    }

    /** A new client: its index (stable while it is configured). */
    public int addClient() {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i) == null) {
                clients.set(i, new Client(i));
                return i;
            }
        }
        clients.add(new Client(clients.size()));
        return clients.size() - 1;
    }

    /**
     * Where client {@code c}'s IPv4 unicast Adj-RIB-In keeps its routes: in this route server's prefix index, one
     * look-up a received route instead of two (docs/decisions.md D7). Before the client is removed, its routes there
     * must have gone or moved ({@code AdjRibIn#detach}).
     */
    public IndexedRoutes indexedRoutes(int c) {
        return new IndexedRoutes(prefixes, c);
    }

    /** The client was removed from the configuration: its session is over and its paths are gone. */
    public void removeClient(int c) {
        sessionDown(c);
        for (int p = 0; p < prefixes.capacity(); p++) {
            int[] cand = prefixes.candidates(p);
            if (cand != null && CandidateLists.indexOf(cand, c) >= 0) {
                candidates.remove(c, p);
            }
        }
        Client cl = clients.get(c);
        cl.filtered.keySet().forEach(prefixes::release);
        cl.filtered.clear();
        clients.set(c, null);
    }

    /** The client's session is up: the whole table is its first flush, then End-of-RIB. */
    public void sessionUp(int c, ClientSession s) {
        Client cl = clients.get(c);
        sessionDown(c);
        cl.session = s;
        cl.kinds = 0;
        cl.addPathKinds = 0;
        for (Family f : s.families()) {
            int k = Prefixes.kind(f);
            if (k >= 0) {
                cl.kinds |= 1 << k;
                if (s.options().addPathSend(f)) {
                    cl.addPathKinds |= 1 << k;
                }
            }
        }
        cl.initial = true;
        cl.cursor = 0;
        membershipChanged();
        cl.setOver(Prefixes.IPV4, false);
        cl.setOver(Prefixes.IPV6, false);
    }

    /**
     * The client's session ended: what it was sent and had queued is forgotten. Its own paths go with the
     * withdrawals of its Adj-RIB-In, which the caller applies first ({@link #apply}).
     */
    public void sessionDown(int c) {
        Client cl = clients.get(c);
        if (cl == null || cl.session == null) {
            return;
        }
        if (cl.group != null) {
            cl.group.drop(cl);
        }
        cl.session = null;
        while (cl.hasQueued()) {
            prefixes.release(cl.poll());
        }
        for (int p = cl.sent.nextSetBit(0); p >= 0; p = cl.sent.nextSetBit(p + 1)) {
            prefixes.release(p);
        }
        cl.sent.clear();
        cl.pathsSent.forEach((p, sources) -> {
            for (int i = 0; i < sources.length; i++) {
                prefixes.release(p);
            }
        });
        cl.pathsSent.clear();
        cl.initial = false;
        membershipChanged();
    }

    /**
     * What changed in client {@code source}'s Adj-RIB-In: {@code attributeId} (an id of the store) for the NLRI of
     * {@code nlri}, or -1 when they were withdrawn.
     *
     * @return true when some client has something new to be sent
     */
    public boolean apply(int source, Family family, int attributeId, NlriBlock nlri) {
        int kind = Prefixes.kind(family);
        if (kind < 0 || nlri.isEmpty() || nlri.addPath()) {
            return false;
        }
        // first every prefix's index, in a loop that does nothing else: the look-ups (a cache miss each in a large
        // table) overlap instead of waiting one by one between the decisions
        if (indices.length < nlri.size()) {
            indices = new int[Math.max(nlri.size(), 2 * indices.length)];
        }
        int[] at = indices;
        boolean announce = attributeId >= 0;
        int[] count = {0};
        nlri.forEachPrefix((pathId, hi, lo, length) -> at[count[0]++] = announce
                ? prefixes.index(kind, hi, lo, length) : prefixes.find(kind, hi, lo, length));
        return apply(source, kind, attributeId, at, count[0]);
    }

    /**
     * {@link #apply(int, Family, int, NlriBlock)} of IPv4 unicast routes of an Adj-RIB-In kept in this route server's
     * prefix index ({@link #indexedRoutes}): the first {@code n} of {@code at} are the indices of the changed
     * prefixes, as that Adj-RIB-In gave them, so nothing is looked up.
     */
    public boolean apply(int source, int attributeId, int[] at, int n) {
        return apply(source, Prefixes.IPV4, attributeId, at, n);
    }

    private boolean apply(int source, int kind, int attributeId, int[] at, int n) {
        boolean announce = attributeId >= 0;
        boolean queued = false;
        byte[] canonical = announce ? store.canonical(attributeId) : null;
        Client src = clients.get(source);
        ServerPolicy.Limit limit = policy.limit(source);
        for (int i = 0; i < n; i++) {
            int p = at[i];
            if (announce) {
                queued |= take(src, kind, p, attributeId, canonical, limit);
            } else if (p >= 0 && prefixes.candidates(p) != null) { // null: freed by the same prefix earlier in it
                int before = standing(src, p);
                if (before == 0) {
                    queued |= candidates.remove(source, p);
                }
                unfilter(src, p); // last: the index may be freed with it
                src.count(kind, before, -1);
            }
        }
        limits.settle(src, kind, limit);
        return queued;
    }

    /** Client {@code src}'s route for a prefix, with attribute set {@code attr}: checked, then a candidate or kept out. */
    private boolean take(Client src, int kind, long hi, long lo, int length, int attr, byte[] canonical, ServerPolicy.Limit limit) {
        return take(src, kind, prefixes.index(kind, hi, lo, length), attr, canonical, limit);
    }

    /** {@link #take} for prefix index {@code p} (made by {@link Prefixes#index}, perhaps with no reference yet). */
    private boolean take(Client src, int kind, int p, int attr, byte[] canonical, ServerPolicy.Limit limit) {
        int source = src.index;
        int before = standing(src, p);
        int code = limits.admit(src, kind, limit, before,
                policy.importCheck(source, kind, prefixes.hi(p), prefixes.lo(p), prefixes.length(p), attr, canonical));
        boolean queued = false;
        if (code == 0) {
            byte[] in = policy.ingress(source, canonical);
            queued = in == null ? candidates.announce(source, p, attr, canonical)
                    : candidates.announce(source, p, held(in), in);
            unfilter(src, p); // after: the candidate holds the prefix index now
        } else {
            if (src.filtered.put(p, code) == 0) {
                prefixes.retain(p);
            }
            if (before == 0) {
                queued = candidates.remove(source, p);
            }
        }
        src.count(kind, before, -1);
        src.count(kind, code, 1);
        return queued;
    }

    /** The id of a set the policy's ingress gave: the previous one when it gave the same array again. */
    private int held(byte[] in) {
        if (in != lastIngress) {
            int id = store.intern(in);
            if (lastIngressId >= 0) {
                store.release(lastIngressId);
            }
            lastIngress = in;
            lastIngressId = id;
        }
        return lastIngressId;
    }

    /**
     * The policy changed (a reload, a new ROA): client {@code source}'s route for a unicast prefix, still in its
     * Adj-RIB-In with attribute set {@code attr}, is checked again. It stays, becomes or stops being a candidate, or
     * is kept out for another reason; the clients whose best path changed get the prefix queued, nobody else.
     *
     * @return true when some client has something new to be sent
     */
    public boolean recheck(int source, Family family, long hi, long lo, int length, int attr, byte[] canonical) {
        int kind = Prefixes.kind(family);
        Client src = clients.get(source);
        if (kind < 0 || src == null) {
            return false;
        }
        ServerPolicy.Limit limit = policy.limit(source);
        boolean queued = take(src, kind, hi, lo, length, attr, canonical, limit);
        limits.settle(src, kind, limit);
        return queued;
    }

    /**
     * After client {@code source}'s routes were checked again: a limit its routes now exceed (one lowered by a reload,
     * or rejected routes that count now) is reported as reached ({@link #limitHits}), once.
     */
    public void recheckLimit(int source) {
        Client src = clients.get(source);
        ServerPolicy.Limit limit = policy.limit(source);
        if (src != null && limit != null) {
            limits.recheck(src, limit);
        }
    }

    /**
     * Where client {@code src}'s route for prefix {@code p} stands: 0 a candidate, its code when the policy keeps it
     * out ({@link Client#filtered}), {@link Client#ABSENT} when the client has none.
     */
    private int standing(Client src, int p) {
        if (CandidateLists.indexOf(prefixes.candidates(p), src.index) >= 0) {
            return 0;
        }
        int code = src.filtered.get(p);
        return code == 0 ? Client.ABSENT : code;
    }

    /** The max-prefix limits reached since the last call, in order (the caller logs and acts on them). */
    public List<ServerPolicy.LimitHit> limitHits() {
        return limits.drain();
    }

    /**
     * Why client {@code c}'s route for a unicast prefix is not a candidate: 0 when it is one (or unknown here), a
     * positive reject code when the import policy filtered it, a negative one when it is kept but announced to
     * nobody.
     */
    public int filtered(int c, Family family, long hi, long lo, int length) {
        int kind = Prefixes.kind(family);
        Client cl = c >= 0 && c < clients.size() ? clients.get(c) : null;
        if (kind < 0 || cl == null) {
            return 0;
        }
        int p = prefixes.find(kind, hi, lo, length);
        return p < 0 ? 0 : cl.filtered.get(p);
    }

    private void unfilter(Client src, int p) {
        if (src.filtered.remove(p) != 0) {
            prefixes.release(p);
        }
    }

    /** The operator's route for {@code nlri} was withdrawn from client {@code c}: a relayed one may take its place. */
    public boolean operatorWithdrew(int c, Nlri nlri) {
        Client cl = clients.get(c);
        if (cl == null || !cl.up() || !(nlri instanceof InetNlri n) || n.pathId() != Nlri.NO_PATH_ID) {
            return false;
        }
        int kind = Prefixes.kind(n.family());
        if (kind < 0) {
            return false;
        }
        int p = prefixes.find(kind, n.prefix().hi(), n.prefix().lo(), n.prefix().length());
        return p >= 0 && prefixes.hasCandidates(p) && queue(cl, p);
    }

    /** True when client {@code c} has relayed routes (or its first End-of-RIB) waiting. */
    public boolean pending(int c) {
        Client cl = clients.get(c);
        return cl != null && cl.up() && (cl.initial || cl.hasQueued() || cl.group != null && cl.group.pending(cl));
    }

    /** The next UPDATEs for client {@code c}, about {@code limit} bytes; empty when nothing is waiting. */
    public List<byte[]> next(int c, int limit) {
        Client cl = clients.get(c);
        if (cl == null || !cl.up()) {
            return List.of();
        }
        if (cl.group != null && operator.any(c)) {
            cl.group.leave(cl); // the operator's routes for it win: written on its own
        }
        if (cl.group != null) {
            return cl.group.next(cl, limit);
        }
        List<byte[]> out = writer.write(cl, limit);
        if (logLimit > 0 && !cl.initial && !cl.hasQueued() && !operator.any(c)) {
            UpdateGroup.Key key = new UpdateGroup.Key(cl.session.options(), cl.kinds, cl.session.external(),
                    policy.exportIdentity(c));
            groups.computeIfAbsent(key, k -> new UpdateGroup(k, this)).join(cl);
        }
        return out;
    }

    /** The update group of client {@code c}, or null when it is written on its own (tests, diagnostics). */
    UpdateGroup group(int c) {
        Client cl = clients.get(c);
        return cl == null ? null : cl.group;
    }

    /** The clients written on their own. */
    List<Client> solo() {
        if (solo == null) {
            solo = new ArrayList<>();
            for (Client cl : clients) {
                if (cl != null && cl.up() && cl.group == null) {
                    solo.add(cl);
                }
            }
        }
        return solo;
    }

    /** A client came, went, joined or left a group. */
    void membershipChanged() {
        solo = null;
    }

    void dissolved(UpdateGroup g) {
        groups.remove(g.key);
    }

    int logLimit() {
        return logLimit;
    }

    RelayWriter writer() {
        return writer;
    }

    /** Receives one relayed route of a client's table ({@link #relayed}). */
    @FunctionalInterface
    public interface RelayedRoute {
        /**
         * @param nlri the prefix, with the path identifier it has towards an ADD-PATH client
         * @param source the client index the path came from
         * @param attributes the attributes as the client is sent them (without MP attributes)
         * @param mpNextHop the MP_REACH_NLRI next-hop field, or null when the route goes in the NLRI field
         */
        void route(InetNlri nlri, int source, PathAttributes attributes, Bytes mpNextHop);
    }

    /**
     * The relayed routes client {@code c} is to hold (sent, or decided and waiting to be sent), from prefix index
     * {@code from} on, until at least {@code max} routes were given: each prefix's best path for it (every path it
     * may receive with ADD-PATH), not the prefixes its operator announces. Nothing while its session is down.
     *
     * @return the index to go on from, or -1 when the whole table was walked
     */
    public int relayed(int c, int from, int max, RelayedRoute sink) {
        return RelayedTable.walk(this, c, from, max, sink);
    }

    /**
     * Every prefix is looked at again for every client whose session is up (its export policy changed for every
     * route, e.g. GRACEFUL_SHUTDOWN added for maintenance): its best path is sent again.
     *
     * @return true when some client has something to be sent
     */
    public boolean reexport() {
        boolean queued = false;
        for (Client cl : clients) {
            if (cl == null || !cl.up()) {
                continue;
            }
            if (cl.group != null) {
                cl.group.leave(cl); // on its own until it caught up: the group's log holds what was sent before
            }
            for (int p = 0; p < prefixes.capacity(); p++) {
                if (prefixes.hasCandidates(p) && cl.has(prefixes.kind(p))) {
                    queued |= queue(cl, p);
                }
            }
        }
        return queued;
    }

    /**
     * Client {@code target}'s export policy changed (a reload): {@code before} answers as the policy did. Over the
     * candidates as they stand, each prefix whose best path for it, or the attributes it is sent, differ is queued;
     * nothing else is sent again. Call it before the import checks are run again ({@link #recheck}), which queue what
     * changes with the candidates.
     *
     * @return true when the client has something to be sent
     */
    public boolean exportChanged(int target, ServerPolicy before) {
        Client cl = target >= 0 && target < clients.size() ? clients.get(target) : null;
        if (cl == null || !cl.up()) {
            return false;
        }
        return new ExportDiff(this, cl, before, policy, decision.with(before)).run();
    }

    /** Number of prefixes with at least one reference. */
    public int prefixCount() {
        return prefixes.size();
    }

    /** Number of candidate paths over every prefix (tests, diagnostics). */
    public long pathCount() {
        long n = 0;
        for (int p = 0; p < prefixes.capacity(); p++) {
            int[] c = prefixes.candidates(p);
            n += c == null ? 0 : c.length / 2;
        }
        return n;
    }

    /**
     * The export attributes of a set for a session; the common case (external client, 4-octet AS) is computed once
     * per set and kept while a candidate holds the set, so clients alike share it (an update group's attributes).
     */
    ExportAttributes export(int target, int attr, int kind, boolean external, SessionOptions options) {
        if (policy.rewrites(target, attr)) {
            return ExportAttributes.of(policy.exportCanonical(target, attr, store.canonical(attr)), kind, external,
                    options);
        }
        if (!external || !options.asn4()) {
            return ExportAttributes.of(store.canonical(attr), kind, external, options);
        }
        ExportAttributes cached = ranks.export(attr, kind);
        if (cached == null) {
            cached = ExportAttributes.of(store.canonical(attr), kind, true, options);
            ranks.setExport(attr, kind, cached);
        }
        return cached;
    }

    /** The update groups, in creation order. */
    java.util.Collection<UpdateGroup> groups() {
        return groups.values();
    }

    int clientCount() {
        return clients.size();
    }

    Client client(int c) {
        return clients.get(c);
    }

    OperatorRoutes operator() {
        return operator;
    }

    AttributeSource store() {
        return store;
    }

    Decision decision() {
        return decision;
    }

    ServerPolicy policy() {
        return policy;
    }

    /** Queues a prefix for a client; the queue holds a reference to the prefix. */
    boolean queue(Client cl, int p) {
        if (cl.initial && p >= cl.cursor) {
            return false; // the first pass reaches it
        }
        if (cl.queue(p)) {
            prefixes.retain(p);
        }
        return true;
    }
}
