// Turns a flush of Adj-RIB-Out changes into the UPDATE messages ExaBGP 5 would write, a batch at a time.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * The rules are those of conformance README section 8: changes by attribute set in order of first use (IPv4
 * unicast withdrawals in the withdrawn routes field, other families in MP_UNREACH_NLRI beside the withdraw's
 * attributes); IPv4 unicast NLRI of one set share UPDATEs unless {@code group-updates false}, in ExaBGP's NLRI
 * order; other families go one NLRI per UPDATE. iBGP gets ORIGIN IGP, an empty AS_PATH and LOCAL_PREF 100 when
 * missing; eBGP gets AS_PATH [local AS] when missing and never LOCAL_PREF.
 *
 * <p>Lazy: {@link #encode} writes the next UPDATEs of a {@link Flush} into one {@link Batch} and remembers where it
 * stopped, so only the batch in flight exists as bytes. A packed run is cut exactly as it would be in one go.
 */
final class UpdateEncoder {
    /** The parts of a flush, in order: changes, BoRR, re-sent routes, EoRR, End-of-RIB, ROUTE-REFRESH requests. */
    static final int PARTS = 6;
    private static final int GROUPS = 0;
    private static final int BEGIN_REFRESH = 1;
    private static final int REFRESHED = 2;
    private static final int END_REFRESH = 3;
    private static final int END_OF_RIB = 4;
    private static final int REFRESH_REQUESTS = 5;

    private static final IpAddress NO_NEXT_HOP = IpAddress.ipv4(0);

    private final Session session;
    private final boolean grouped;
    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;

    UpdateEncoder(Session session, boolean groupUpdates, NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        this.session = session;
        this.grouped = groupUpdates;
        this.slots = slots;
        this.attrs = attrs;
    }

    /**
     * The messages of one {@code Peer.Send}: at most {@code limit} bytes (a larger message goes alone); a message
     * that does not fit any more is kept in the flush's overflow and starts the next batch.
     */
    static final class Batch implements Consumer<byte[]> {
        private final int limit;
        private final ArrayDeque<byte[]> overflow;
        private final List<Bytes> messages = new ArrayList<>();
        private int size;

        Batch(int limit, ArrayDeque<byte[]> overflow) {
            this.limit = limit;
            this.overflow = overflow;
            while (!overflow.isEmpty() && fits(overflow.peek())) {
                add(overflow.poll());
            }
        }

        @Override
        public void accept(byte[] m) {
            if (overflow.isEmpty() && fits(m)) {
                add(m);
            } else {
                overflow.add(m);
            }
        }

        boolean full() {
            return size >= limit || !overflow.isEmpty();
        }

        /** Bytes left before the limit. */
        int room() {
            return Math.max(1, limit - size);
        }

        List<Bytes> messages() {
            return messages;
        }

        private boolean fits(byte[] m) {
            return messages.isEmpty() || size + m.length <= limit;
        }

        private void add(byte[] m) {
            messages.add(Bytes.of(m));
            size += m.length;
        }
    }

    /** Writes the next UPDATEs of {@code f} into {@code batch}, until the batch is full or the flush is done. */
    void encode(Flush f, Batch batch) {
        while (f.part < PARTS && !batch.full()) {
            switch (f.part) {
                case GROUPS -> groups(f, batch);
                case BEGIN_REFRESH, END_REFRESH -> refreshMarkers(f, batch,
                        f.part == BEGIN_REFRESH ? RouteRefreshMessage.BEGIN : RouteRefreshMessage.END);
                case REFRESHED -> refreshed(f, batch);
                case END_OF_RIB -> each(f, batch, f.endOfRib, family -> endOfRib(family));
                default -> each(f, batch, f.refreshRequests, family -> MessageCodec.encode(
                        new RouteRefreshMessage(family, RouteRefreshMessage.REQUEST), session.options()));
            }
        }
    }

    /** Every message of a flush at once (tests, and small tables). */
    List<byte[]> encodeAll(Flush f) {
        List<byte[]> out = new ArrayList<>();
        while (!f.done()) {
            Batch b = new Batch(Integer.MAX_VALUE, f.overflow);
            encode(f, b);
            b.messages().forEach(m -> out.add(m.toArray()));
        }
        return out;
    }

    /** The End-of-RIB of one family. */
    byte[] endOfRib(Family family) {
        return UpdatePacker.endOfRib(family, session.options());
    }

    private void nextPart(Flush f) {
        f.part++;
        f.index = 0;
        f.position = 0;
    }

    private void each(Flush f, Batch batch, List<Family> families,
                      java.util.function.Function<Family, byte[]> message) {
        while (f.index < families.size() && !batch.full()) {
            batch.accept(message.apply(families.get(f.index++)));
        }
        if (f.index >= families.size()) {
            nextPart(f);
        }
    }

    private void refreshMarkers(Flush f, Batch batch, int subtype) {
        List<Family> enhanced = f.refresh.entrySet().stream()
                .filter(e -> e.getValue() && session.families().contains(e.getKey())).map(e -> e.getKey()).toList();
        each(f, batch, enhanced, family -> MessageCodec.encode(new RouteRefreshMessage(family, subtype),
                session.options()));
    }

    /** Routes re-sent by a refresh: one UPDATE each, in table order. */
    private void refreshed(Flush f, Batch batch) {
        while (f.index < f.refreshSlots.length && !batch.full()) {
            int slot = f.refreshSlots[f.index];
            OutboundAttributes route = attrs.get(f.refreshAttrs[f.index]);
            f.index++;
            Family family = slots.family(slot);
            if (session.families().contains(family)) {
                announceOne(route, slots.nlri(slot), batch);
            }
        }
        if (f.index >= f.refreshSlots.length) {
            nextPart(f);
        }
    }

    /**
     * The changes of each attribute set and family, in queue order: each run of announcements, and with
     * {@code group-updates} each run of IPv4 withdrawals, goes out packed (in ExaBGP's NLRI order); otherwise one
     * UPDATE per change. (ExaBGP would put an IPv4 run of both kinds in one UPDATE; keeping runs apart keeps the
     * order of the commands on the wire: decisions D8.)
     */
    private void groups(Flush f, Batch batch) {
        while (f.index < f.groups.size() && !batch.full()) {
            Flush.Group g = f.groups.get(f.index);
            if (f.position >= g.entries().length || !session.families().contains(g.family())) {
                f.index++;
                f.position = 0;
                f.runEnd = -1;
                continue;
            }
            if (f.runEnd < 0) {
                startRun(f, g);
                if (f.runEnd < 0) {
                    continue; // a run that is not written
                }
            }
            OutboundAttributes route = attrs.get(g.attr());
            boolean announce = (g.entries()[f.position] & 1) == 1;
            if (f.packed != null) {
                f.packedOffset = announce ? announcePacked(route, f.packed, f.packedOffset, batch)
                        : UpdatePacker.withdraw(PathAttributes.EMPTY, f.packed, f.packedOffset, batch.room(),
                                session.options(), UpdatePacker.UNLIMITED, batch);
                if (f.packedOffset >= f.packed.byteLength()) {
                    endRun(f);
                }
                continue;
            }
            while (f.position < f.runEnd && !batch.full()) {
                int slot = g.entries()[f.position++] >>> 1;
                if (announce) {
                    announceOne(route, slots.nlri(slot), batch);
                } else {
                    withdrawOne(route, slots.nlri(slot), f.includeWithdraw, batch);
                }
            }
            if (f.position >= f.runEnd) {
                f.runEnd = -1;
            }
        }
        if (f.index >= f.groups.size()) {
            nextPart(f);
        }
    }

    /** Finds the end of the run at the cursor; a packed run is sorted into wire form (skipped when not written). */
    private void startRun(Flush f, Flush.Group g) {
        int[] entries = g.entries();
        int kind = entries[f.position] & 1;
        int end = f.position;
        while (end < entries.length && (entries[end] & 1) == kind) {
            end++;
        }
        f.runEnd = end;
        Family family = g.family();
        boolean packed;
        if (kind == 1) {
            IpAddress nextHop = attrs.get(g.attr()).nextHop().orElse(session.localAddress());
            boolean ipv4Field = family.equals(Family.IPV4_UNICAST) && nextHop.isIpv4();
            packed = grouped && (ipv4Field || family.safi() == Family.SAFI_MCAST_VPN);
        } else {
            packed = grouped && family.equals(Family.IPV4_UNICAST);
            if (packed && !f.includeWithdraw) {
                f.position = end; // ExaBGP's first flush: no IPv4 withdrawal at all
                f.runEnd = -1;
                return;
            }
        }
        if (packed) {
            f.packed = ExaBgpOrder.block(family, session.options().addPathSend(family), slots, entries, f.position,
                    end);
            f.packedOffset = 0;
        }
    }

    private static void endRun(Flush f) {
        f.position = f.runEnd;
        f.runEnd = -1;
        f.packed = null;
    }

    private int announcePacked(OutboundAttributes route, NlriBlock block, int from, Batch batch) {
        IpAddress nextHop = route.nextHop().orElse(session.localAddress());
        Family family = block.family();
        return UpdatePacker.announce(withNextHop(route, family, nextHop), mpNextHop(family, nextHop), block, from,
                batch.room(), session.options(), UpdatePacker.UNLIMITED, batch);
    }

    private void announceOne(OutboundAttributes route, Nlri nlri, Consumer<byte[]> out) {
        IpAddress nextHop = route.nextHop().orElse(session.localAddress());
        Family family = nlri.family();
        UpdatePacker.announce(withNextHop(route, family, nextHop), mpNextHop(family, nextHop),
                block(family, List.of(nlri)), session.options(), 1, out);
    }

    private PathAttributes withNextHop(OutboundAttributes route, Family family, IpAddress nextHop) {
        PathAttributes a = withDefaults(route);
        return nextHop.isIpv4() && usesNextHopAttribute(family) ? a.with(new NextHop(nextHop)) : a;
    }

    /**
     * One withdrawal: IPv4 unicast in the withdrawn routes field, other families in MP_UNREACH_NLRI beside the
     * withdraw's attributes (none for unicast and multicast). The first flush of a session keeps no IPv4
     * withdrawal and, for the other non-unicast families, only the attributes (api-flow).
     */
    private void withdrawOne(OutboundAttributes route, Nlri nlri, boolean includeWithdraw, Consumer<byte[]> out) {
        Family family = nlri.family();
        if (family.equals(Family.IPV4_UNICAST)) {
            if (includeWithdraw) {
                UpdatePacker.withdraw(PathAttributes.EMPTY, block(family, List.of(nlri)), session.options(), 1)
                        .forEach(out);
            }
        } else if (includeWithdraw) {
            PathAttributes a = isUnicast(family) ? PathAttributes.EMPTY : withdrawAttributes(family, route);
            UpdatePacker.withdraw(a, block(family, List.of(nlri)), session.options(), 1).forEach(out);
        } else if (!isUnicast(family)) {
            NlriBlock none = NlriBlock.empty(Family.IPV4_UNICAST);
            out.accept(MessageCodec.encode(new Update(none, withdrawAttributes(family, route), none),
                    session.options()));
        }
    }

    /**
     * What an MP withdrawal carries besides MP_UNREACH_NLRI: the withdraw's attributes, and NEXT_HOP when it named
     * an IPv4 next hop (api-vpnv4); 0.0.0.0 is what a withdrawal without next hop gets, so it adds none.
     */
    private PathAttributes withdrawAttributes(Family family, OutboundAttributes route) {
        PathAttributes a = withDefaults(route);
        return route.nextHop().filter(nh -> nh.isIpv4() && !nh.equals(NO_NEXT_HOP) && usesNextHopAttribute(family))
                .map(nh -> a.with(new NextHop(nh))).orElse(a);
    }

    /** Adds ExaBGP's default attributes for this session and drops LOCAL_PREF towards external peers. */
    PathAttributes withDefaults(OutboundAttributes route) {
        PathAttributes a = route.attributes();
        if (!a.has(PathAttribute.ORIGIN)) {
            a = a.with(Origin.IGP);
        }
        if (!a.has(PathAttribute.AS_PATH)) {
            a = a.with(session.ibgp() ? AsPath.EMPTY : AsPath.sequence(session.localAs()));
        }
        if (session.ibgp() && !a.has(PathAttribute.LOCAL_PREF)) {
            a = a.with(new LocalPref(100));
        } else if (!session.ibgp()) {
            a = a.without(PathAttribute.LOCAL_PREF);
        }
        return a;
    }

    /**
     * The MP_REACH_NLRI next hop: the address, behind a zero route distinguisher for VPN families; for FlowSpec the
     * redirect address alone, or nothing when the route has none (0.0.0.0).
     */
    static Bytes mpNextHop(Family family, IpAddress nextHop) {
        if (isFlow(family) && nextHop.equals(NO_NEXT_HOP)) {
            return Bytes.EMPTY;
        }
        WireWriter w = new WireWriter(24);
        if (family.safi() == Family.SAFI_MPLS_VPN) {
            w.put32(0).put32(0);
        }
        nextHop.write(w);
        return w.toBytes(0, w.position());
    }

    private NlriBlock block(Family family, List<Nlri> nlri) {
        return NlriBlock.of(family, session.options().addPathSend(family), nlri);
    }

    /**
     * ExaBGP sends an IPv4 next hop in NEXT_HOP too, except for FlowSpec (SAFI 133, 134: never, conformance README
     * section 8) and VPLS (conf-l2vpn: in MP_REACH_NLRI only).
     */
    private static boolean usesNextHopAttribute(Family f) {
        return !isFlow(f) && f.safi() != Family.SAFI_VPLS;
    }

    /** FlowSpec: an empty MP_REACH_NLRI next hop without a redirect address. */
    private static boolean isFlow(Family f) {
        return f.safi() == Family.SAFI_FLOW || f.safi() == Family.SAFI_FLOW_VPN;
    }

    private static boolean isUnicast(Family f) {
        return f.safi() == Family.SAFI_UNICAST || f.safi() == Family.SAFI_MULTICAST;
    }
}
