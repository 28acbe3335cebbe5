// The Rib's side of the route server: which neighbours are clients, and what of theirs goes to rs.RouteServer.
package org.bgpekko.rib;

import java.time.Duration;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.Session;
import org.bgpekko.config.PrefixTable;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rs.RouteServer;
import org.bgpekko.rs.ServerPolicy;
import org.bgpekko.rs.policy.ArsPolicy;
import org.bgpekko.rtr.RtrSession;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.slf4j.Logger;

/**
 * Owned by the Rib actor. A neighbour with {@code route-server-client true} gets a client index; its Adj-RIB-In
 * changes become the route server's candidates, and when its session goes down the withdrawals of its whole
 * Adj-RIB-In take its paths away from the others. The operator's routes for a client (configuration, helpers) are
 * those of its Adj-RIB-Out and win over relayed routes for the same prefix.
 */
final class Relay implements RouteServer.AttributeSource, RouteServer.OperatorRoutes {
    private final AttributeStore store;
    private final NlriSlots slots;
    final RouteServer server;
    /** By client index. */
    private final List<PeerState> clients = new ArrayList<>();

    final RtrRoas rtrRoas = new RtrRoas();
    private final ArsPolicy policy = new ArsPolicy(this::policy, this::canonical, rtrRoas.table());

    Relay(AttributeStore store, NlriSlots slots) {
        this.store = store;
        this.slots = slots;
        this.server = new RouteServer(this, this, policy);
    }

    /** The GRACEFUL_SHUTDOWN maintenance switch (null: as configured); every relayed route is sent again. */
    void performGracefulShutdown(Boolean on) {
        policy.performGracefulShutdown(on);
        server.reexport();
    }

    /**
     * ROAs came or went over RTR: the routes they concern (those their prefixes cover) in every client's Adj-RIB-In
     * are checked again, and only what changed goes to the clients (a route now invalid leaves the candidates, one no
     * longer invalid becomes one). Finding them walks each client's unicast Adj-RIB-In once; the checks run for the
     * covered routes only.
     *
     * @return true when some client has something new to be sent
     */
    boolean roasChanged(RtrSession.Delivery d) {
        PrefixTable<Boolean> changed = rtrRoas.apply(d);
        if (changed.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (PeerState ps : clients) {
            if (ps != null && ps.config.rsPolicy() != null && ps.config.rsPolicy().general().rtr() != null) {
                any |= reevaluate(ps, null, n -> changed.anyCovering(n.prefix(), x -> true));
            }
        }
        return any;
    }

    /** A neighbour's configuration: it becomes a client, or stops being one. */
    void configured(PeerState ps) {
        boolean client = ps.config.routeServerClient();
        if (client && ps.rsClient < 0) {
            ps.rsClient = server.addClient();
            while (clients.size() <= ps.rsClient) {
                clients.add(null);
            }
            clients.set(ps.rsClient, ps);
        } else if (!client && ps.rsClient >= 0) {
            removed(ps);
        }
    }

    /** The neighbour is no longer a client (removed, or reconfigured). */
    void removed(PeerState ps) {
        if (ps.rsClient >= 0) {
            if (ps.in != null) {
                ps.in.detach(); // its IPv4 unicast routes leave the route server's prefix index first
            }
            server.removeClient(ps.rsClient);
            clients.set(ps.rsClient, null);
            ps.rsClient = -1;
        }
    }

    /**
     * Clients' route-server policies were replaced (a reload): {@code before} holds the policy each had. The export
     * of each is compared first, over the candidates as they stand, then every route of their Adj-RIBs-In is checked
     * again (RFC 7947 section 2.1: they were all kept); only what changed is queued. True when some client has
     * something new to be sent.
     */
    boolean policyChanged(Map<PeerState, RsPolicy.Client> before) {
        Map<Integer, RsPolicy.Client> byIndex = new HashMap<>();
        before.forEach((ps, old) -> byIndex.put(ps.rsClient, old));
        ServerPolicy previous = policy.before(c -> byIndex.containsKey(c) ? byIndex.get(c) : policy(c));
        boolean queued = false;
        for (PeerState ps : before.keySet()) {
            queued |= server.exportChanged(ps.rsClient, previous);
        }
        for (PeerState ps : before.keySet()) {
            queued |= reevaluate(ps, null);
        }
        return queued;
    }

    /**
     * The import checks are run again on client {@code ps}'s routes: those of {@code prefixes} (unicast NLRI without
     * path identifier), or every one when null. For a policy that changed under the routes (a reload, ROAs). True
     * when some client has something new to be sent.
     */
    boolean reevaluate(PeerState ps, Collection<Nlri> prefixes) {
        return reevaluate(ps, prefixes, n -> true);
    }

    /** {@link #reevaluate(PeerState, Collection)} of the routes {@code which} selects among them. */
    private boolean reevaluate(PeerState ps, Collection<Nlri> prefixes, java.util.function.Predicate<InetNlri> which) {
        if (ps.rsClient < 0 || ps.in == null) {
            return false;
        }
        // by attribute set, one canonical array each: the policy parses the facts of a set once (ArsPolicy)
        Int2ObjectOpenHashMap<List<InetNlri>> bySet = new Int2ObjectOpenHashMap<>();
        AdjRibIn.RouteVisitor collect = (nlri, attr) -> {
            if (nlri instanceof InetNlri n && n.pathId() == Nlri.NO_PATH_ID && which.test(n)) {
                bySet.computeIfAbsent(attr, k -> new ArrayList<>()).add(n);
            }
        };
        if (prefixes == null) {
            for (Family f : List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST)) {
                ps.in.forEach(f, collect);
            }
        } else {
            for (Nlri n : prefixes) {
                int attr = ps.in.attributeId(n);
                if (attr >= 0) {
                    collect.route(n, attr);
                }
            }
        }
        boolean queued = false;
        for (Int2ObjectMap.Entry<List<InetNlri>> e : bySet.int2ObjectEntrySet()) {
            byte[] canonical = canonical(e.getIntKey());
            for (InetNlri n : e.getValue()) {
                queued |= server.recheck(ps.rsClient, n.family(), n.prefix().hi(), n.prefix().lo(),
                        n.prefix().length(), e.getIntKey(), canonical);
            }
        }
        server.recheckLimit(ps.rsClient);
        return queued;
    }

    /** {@link #reevaluate} for every client. */
    boolean reevaluateAll(Collection<Nlri> prefixes) {
        boolean queued = false;
        for (PeerState ps : clients) {
            if (ps != null) {
                queued |= reevaluate(ps, prefixes);
            }
        }
        return queued;
    }

    /** A client's session is up; End-of-RIB follows its relayed table. */
    void up(PeerState ps, Session s, List<Family> endOfRib) {
        long routerId = s.received() == null ? 0 : s.received().bgpIdentifier();
        server.sessionUp(ps.rsClient, new RouteServer.ClientSession(s.options(), s.families(), routerId,
                s.remoteAddress(), !s.ibgp(), endOfRib));
    }

    /** A client's session is going down: its paths leave the others' tables. True when others have changes. */
    boolean down(PeerState ps) {
        boolean changed = false;
        if (ps.in != null) {
            changed = changed(ps, ps.in.clear());
        }
        server.sessionDown(ps.rsClient);
        return changed;
    }

    /** Changes of a client's Adj-RIB-In. True when some client has something new to be sent. */
    boolean changed(PeerState ps, List<RibChange> changes) {
        boolean any = false;
        for (RibChange c : changes) {
            any |= c.indices() != null
                    ? server.apply(ps.rsClient, c.attributeId(), c.indices(), c.indices().length)
                    : server.apply(ps.rsClient, c.family(), c.attributeId(), c.nlri());
        }
        return any;
    }

    /**
     * Acts on the max-prefix limits clients reached (arouteserver's max_prefix.action): every one is logged;
     * {@code shutdown} closes the session with Cease / Maximum Number of Prefixes Reached (RFC 4486: AFI, SAFI and the
     * limit as data) and keeps it down until bgpekko restarts or a reload changes the client, {@code restart} the same
     * for {@code restart_after} minutes; {@code block} and {@code warning} only log (the route server blocked, or
     * took, the routes beyond the limit).
     */
    void limitsReached(Logger log) {
        for (ServerPolicy.LimitHit h : server.limitHits()) {
            PeerState ps = h.client() < clients.size() ? clients.get(h.client()) : null;
            RsPolicy.MaxPrefix m = ps == null || ps.config.rsPolicy() == null ? null : ps.config.rsPolicy().maxPrefix();
            if (m == null) {
                continue;
            }
            log.warn("{}: max-prefix limit reached: more than {} {} routes, action {}", ps.config.peerAddress(),
                    h.limit(), h.family(), m.action().name().toLowerCase(Locale.ROOT));
            if (ps.peer == null || m.action() != RsPolicy.MaxPrefixAction.SHUTDOWN
                    && m.action() != RsPolicy.MaxPrefixAction.RESTART) {
                continue;
            }
            ps.peer.tell(new Peer.Disable(maxPrefixCease(h), m.action() == RsPolicy.MaxPrefixAction.RESTART
                    ? Duration.ofMinutes(m.restartAfter()) : null));
        }
    }

    /** RFC 4486 section 4: Cease, subcode 1, data AFI (2 octets), SAFI (1), the upper bound (4). */
    static Notification maxPrefixCease(ServerPolicy.LimitHit h) {
        WireWriter w = new WireWriter(7);
        w.put16(h.family().afi()).put8(h.family().safi()).put32(h.limit());
        return new Notification(Notification.CEASE, 1, Bytes.of(w.toArray()));
    }

    /** The arouteserver policy of a client index (route-server section), or null. */
    private RsPolicy.Client policy(int client) {
        PeerState ps = client < clients.size() ? clients.get(client) : null;
        return ps == null ? null : ps.config.rsPolicy();
    }

    /** The address of client {@code c}'s neighbour, or null when it is no longer configured. */
    IpAddress address(int c) {
        PeerState ps = c < clients.size() ? clients.get(c) : null;
        return ps == null ? null : ps.config.peerAddress();
    }

    /** The clients, for handing each its next batch. */
    List<PeerState> clients() {
        return clients;
    }

    @Override
    public byte[] canonical(int id) {
        return store.get(id).wire().toArray();
    }

    @Override
    public int intern(byte[] canonical) {
        return store.acquire(new RouteAttributes(Bytes.of(canonical)));
    }

    @Override
    public void retain(int id) {
        store.retain(id);
    }

    @Override
    public void release(int id) {
        store.release(id);
    }

    @Override
    public boolean announces(int client, Family family, long hi, long lo, int length) {
        PeerState ps = clients.get(client);
        if (ps == null || ps.out.size() == 0) {
            return false;
        }
        int slot = slots.find(family, hi, lo, length);
        return slot >= 0 && ps.out.wanted(slot) >= 0;
    }

    @Override
    public boolean any(int client) {
        PeerState ps = clients.get(client);
        return ps == null || ps.out.size() > 0;
    }
}
