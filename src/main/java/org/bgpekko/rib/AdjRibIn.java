// Adj-RIB-In of one peer session: the routes it announced, NLRI -> interned attribute id, stored compactly per family.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.bgpekko.rs.IndexedRoutes;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdateError;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Pure data, single-threaded: the Rib actor owns one per established session and shares one {@link AttributeStore}
 * among all of them. Each route holds one reference to its attribute id.
 *
 * <p>Kept: the families with a codec in {@code NlriCodecs} (IPv4/IPv6 unicast and multicast, nlri-mpls,
 * mpls-vpn, FlowSpec, mcast-vpn, mup, l2vpn vpls and evpn, bgp-ls), with or without ADD-PATH. IPv4
 * unicast/multicast without ADD-PATH is packed in a long per prefix; the rest is keyed by the identifying wire
 * bytes (see {@link WireKeyTable}). NLRI of families without a codec (kept opaque by the decoder) are ignored.
 *
 * <p>RFC 7606: with a treat-as-withdraw finding every NLRI of the UPDATE is withdrawn, except that a finding about
 * NEXT_HOP concerns the routes of the NLRI field only and one about MP_REACH_NLRI (its next hop) the routes it
 * carries only (see {@link UpdateError}); an AFI/SAFI-disable finding withdraws every route of that family and
 * ignores the family until {@link #clear}.
 */
public final class AdjRibIn {
    /** Receives one held route. */
    @FunctionalInterface
    public interface RouteVisitor {
        void route(Nlri nlri, int attributeId);
    }

    private final AttributeStore store;
    /** A route-server client's IPv4 unicast routes in the route server's prefix index, or null (its own table). */
    private IndexedRoutes indexed;
    private final TreeMap<Family, FamilyTable> tables = new TreeMap<>();
    private final Set<Family> disabled = new HashSet<>();
    private static final int SCRATCH_SIZE = 4096;

    /** Collects the wire bytes of changed NLRI; replaced when a large change (a clear) has grown it. */
    private WireWriter scratch = new WireWriter(SCRATCH_SIZE);

    public AdjRibIn(AttributeStore store) {
        this(store, null);
    }

    /**
     * @param indexed where a route-server client's IPv4 unicast routes are kept (the route server's prefix index,
     *     docs/decisions.md D7), or null to keep them in a table of this Adj-RIB-In
     */
    public AdjRibIn(AttributeStore store, IndexedRoutes indexed) {
        this.store = store;
        this.indexed = indexed;
    }

    /**
     * The IPv4 unicast routes kept in the route server's prefix index move to a table of this Adj-RIB-In (the
     * neighbour stops being a route-server client while its session is up); nothing changes for a reader.
     */
    public void detach() {
        if (indexed == null) {
            return;
        }
        if (tables.get(Family.IPV4_UNICAST) instanceof IndexedIpv4Table t) {
            tables.put(Family.IPV4_UNICAST, Ipv4Table.of(t.routes()));
        }
        indexed = null;
    }

    public AttributeStore store() {
        return store;
    }

    /**
     * Applies one received UPDATE: its withdrawals (withdrawn routes field, MP_UNREACH_NLRI), then its announcements
     * (NLRI field, MP_REACH_NLRI).
     *
     * @return what changed, in order of effect: one entry per UPDATE field that changed something (withdrawals
     *     first, then announcements: usually one or two entries); empty when nothing changed
     */
    public List<RibChange> apply(Update update) {
        List<RibChange> changes = new ArrayList<>(2);
        boolean withdrawField = false;
        boolean withdrawMp = false;
        for (UpdateError e : update.errors()) {
            if (e.action() == ErrorAction.TREAT_AS_WITHDRAW) {
                withdrawField |= e.typeCode() != PathAttribute.MP_REACH_NLRI;
                withdrawMp |= e.typeCode() != PathAttribute.NEXT_HOP;
            } else if (e.action() == ErrorAction.AFISAFI_DISABLE && e.family() != null) {
                disable(e.family(), changes);
            }
        }
        NlriBlock mpUnreach = update.mpUnreach().map(MpUnreachNlri::nlri).orElse(null);
        MpReachNlri mpReach = update.mpReach().orElse(null);
        withdraw(update.withdrawn(), changes);
        if (mpUnreach != null) {
            withdraw(mpUnreach, changes);
        }
        if (withdrawField) {
            withdraw(update.nlri(), changes);
        } else if (!update.nlri().isEmpty()) {
            announce(update.nlri(), RouteAttributes.of(update.attributes(), Bytes.EMPTY), changes);
        }
        if (mpReach != null && withdrawMp) {
            withdraw(mpReach.nlri(), changes);
        } else if (mpReach != null && !mpReach.nlri().isEmpty()) {
            announce(mpReach.nlri(), RouteAttributes.of(update.attributes(), mpReach.nextHop()), changes);
        }
        return changes;
    }

    /** Number of routes held. */
    public int size() {
        int n = 0;
        for (FamilyTable t : tables.values()) {
            n += t.size();
        }
        return n;
    }

    /** Number of routes held of one family. */
    public int size(Family family) {
        FamilyTable t = tables.get(family);
        return t == null ? 0 : t.size();
    }

    /** The families with routes held, in AFI/SAFI order. */
    public Set<Family> families() {
        Set<Family> out = new java.util.TreeSet<>();
        tables.forEach((f, t) -> {
            if (t.size() > 0) {
                out.add(f);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /**
     * The attribute id held for an NLRI, or -1. The key is the family, the path id (present exactly when the
     * session received that family with ADD-PATH), the RD of VPN routes and the prefix; labels are not part of it.
     */
    public int attributeId(Nlri nlri) {
        FamilyTable t = tables.get(nlri.family());
        return t == null ? -1 : t.get(nlri);
    }

    /** The attributes held for an NLRI, or null. */
    public RouteAttributes get(Nlri nlri) {
        int id = attributeId(nlri);
        return id < 0 ? null : store.get(id);
    }

    /**
     * Visits every route of a family, in no particular order; the NLRI carries the held label stack. Builds an
     * object per route: for bulk work prefer the NLRI blocks of {@link RibChange}.
     */
    public void forEach(Family family, RouteVisitor visitor) {
        FamilyTable t = tables.get(family);
        if (t != null) {
            t.forEach(visitor);
        }
    }

    /**
     * Drops every route (the session went down), releasing their attribute references, and forgets disabled
     * families.
     *
     * @return the withdrawals, one per family that held routes
     */
    public List<RibChange> clear() {
        List<RibChange> changes = new ArrayList<>();
        for (FamilyTable t : tables.values()) {
            removeAll(t, changes);
        }
        tables.clear();
        disabled.clear();
        return changes;
    }

    /** The families an AFI/SAFI-disable finding switched off for this session. */
    public Set<Family> disabled() {
        return Set.copyOf(disabled);
    }

    /** True when an AFI/SAFI-disable finding switched the family off for this session. */
    public boolean isDisabled(Family family) {
        return disabled.contains(family);
    }

    private void disable(Family family, List<RibChange> changes) {
        disabled.add(family);
        FamilyTable t = tables.remove(family);
        if (t != null) {
            removeAll(t, changes);
        }
    }

    private void removeAll(FamilyTable t, List<RibChange> changes) {
        scratch.truncate(0);
        t.clear(store, scratch);
        emit(t, -1, null, changes);
    }

    private void announce(NlriBlock block, RouteAttributes attributes, List<RibChange> changes) {
        FamilyTable t = table(block, true);
        if (t == null) {
            return;
        }
        int id = store.acquire(attributes);
        scratch.truncate(0);
        t.announce(block, id, store, scratch);
        emit(t, id, attributes, changes);
        store.release(id);
    }

    private void withdraw(NlriBlock block, List<RibChange> changes) {
        if (block.isEmpty()) {
            return;
        }
        FamilyTable t = table(block, false);
        if (t != null) {
            scratch.truncate(0);
            t.withdraw(block, store, scratch);
            emit(t, -1, null, changes);
        }
    }

    /** Turns what a table wrote to the scratch buffer into a change. */
    private void emit(FamilyTable t, int id, RouteAttributes attributes, List<RibChange> changes) {
        if (scratch.position() == 0) {
            return;
        }
        byte[] wire = scratch.toArray();
        if (wire.length > 16 * SCRATCH_SIZE) {
            scratch = new WireWriter(SCRATCH_SIZE);
        }
        NlriBlock.Decoding d = NlriBlock.decode(t.family(), wire, 0, wire.length, t.addPath());
        if (!d.ok()) {
            throw new IllegalStateException("changed NLRI do not re-decode: " + d.error());
        }
        int[] indices = t instanceof IndexedIpv4Table x ? x.changed() : null;
        changes.add(new RibChange(t.family(), id, attributes, d.block(), indices));
    }

    /** The table of a block's family, made on first announcement; null for a family not kept. */
    private FamilyTable table(NlriBlock block, boolean create) {
        Family f = block.family();
        if (block.isOpaque() || disabled.contains(f)) {
            return null;
        }
        FamilyTable t = tables.get(f);
        if (t == null) {
            WireKeyTable.Layout layout = WireKeyTable.layout(f);
            if (!create || layout == null) {
                return null;
            }
            if (indexed != null && f.equals(Family.IPV4_UNICAST) && !block.addPath()) {
                t = new IndexedIpv4Table(indexed);
            } else if (layout == WireKeyTable.Layout.PREFIX && f.afi() == Family.AFI_IPV4 && !block.addPath()) {
                t = new Ipv4Table(f);
            } else {
                t = new WireKeyTable(f, block.addPath());
            }
            tables.put(f, t);
        } else if (t.addPath() != block.addPath() && block.size() > 0) {
            throw new IllegalArgumentException("ADD-PATH of " + f + " changed within a session; clear() first");
        }
        return t;
    }
}
