// Turns one flush of Adj-RIB-Out changes into the UPDATE messages ExaBGP 5 would write for a session.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class UpdateEncoder {
    private final Session session;
    private final boolean grouped;

    public UpdateEncoder(Session session, boolean groupUpdates) {
        this.session = session;
        this.grouped = groupUpdates;
    }

    /**
     * Encodes a flush. {@code includeWithdraw} is false for the first flush of a session, where ExaBGP writes no
     * IPv4 withdrawal and only the attributes of other families' withdrawals.
     */
    public void encode(PendingChanges changes, boolean includeWithdraw, Consumer<byte[]> out) {
        for (Map.Entry<OutboundAttributes, LinkedHashMap<Family, LinkedHashMap<Nlri, Change>>> g
                : changes.groups().entrySet()) {
            for (Map.Entry<Family, LinkedHashMap<Nlri, Change>> f : g.getValue().entrySet()) {
                if (session.families().contains(f.getKey())) {
                    group(g.getKey(), f.getKey(), f.getValue().values(), includeWithdraw, out);
                }
            }
        }
        for (Family f : changes.refreshFamilies()) {
            out.accept(MessageCodec.encode(new RouteRefreshMessage(f, RouteRefreshMessage.BEGIN), session.options()));
        }
        for (Change c : changes.refresh()) {
            if (session.families().contains(c.nlri().family())) {
                announce(c.attributes(), c.nlri().family(), List.of(c.nlri()), false, out);
            }
        }
        for (Family f : changes.refreshFamilies()) {
            out.accept(MessageCodec.encode(new RouteRefreshMessage(f, RouteRefreshMessage.END), session.options()));
        }
    }

    public List<byte[]> encode(PendingChanges changes, boolean includeWithdraw) {
        List<byte[]> out = new ArrayList<>();
        encode(changes, includeWithdraw, out::add);
        return out;
    }

    /** The End-of-RIB of one family. */
    public byte[] endOfRib(Family family) {
        return UpdatePacker.endOfRib(family, session.options());
    }

    /** End-of-RIB for every negotiated family, in family order. */
    public List<byte[]> endOfRib() {
        List<byte[]> out = new ArrayList<>();
        for (Family f : session.families()) {
            out.add(UpdatePacker.endOfRib(f, session.options()));
        }
        return out;
    }

    /**
     * The changes of one attribute set and family, in queue order: each run of announcements, and with
     * {@code group-updates} each run of IPv4 withdrawals, goes out packed (in ExaBGP's NLRI order); otherwise
     * one UPDATE per change. (ExaBGP would put an IPv4 run of both kinds in one UPDATE; keeping runs apart keeps
     * the order of the commands on the wire.)
     */
    private void group(OutboundAttributes route, Family family, Collection<Change> changes, boolean includeWithdraw,
                       Consumer<byte[]> out) {
        boolean packWithdrawals = grouped && family.equals(Family.IPV4_UNICAST);
        List<Change> run = new ArrayList<>();
        for (Change c : changes) {
            if (!run.isEmpty() && run.get(0).announce() != c.announce()) {
                run(route, family, run, includeWithdraw, packWithdrawals, out);
                run = new ArrayList<>();
            }
            run.add(c);
        }
        if (!run.isEmpty()) {
            run(route, family, run, includeWithdraw, packWithdrawals, out);
        }
    }

    private void run(OutboundAttributes route, Family family, List<Change> run, boolean includeWithdraw,
                     boolean packWithdrawals, Consumer<byte[]> out) {
        List<Nlri> nlri = new ArrayList<>(run.size());
        run.forEach(c -> nlri.add(c.nlri()));
        if (run.get(0).announce()) {
            announce(route, family, nlri, out);
        } else if (packWithdrawals) {
            if (includeWithdraw) {
                sortExaBgp(nlri);
                UpdatePacker.withdraw(PathAttributes.EMPTY, block(family, nlri), session.options(),
                        UpdatePacker.UNLIMITED).forEach(out);
            }
        } else {
            run.forEach(c -> withdraw(c, includeWithdraw, out));
        }
    }

    /**
     * One withdrawal: IPv4 unicast in the withdrawn routes field, other families in MP_UNREACH_NLRI beside the
     * withdraw's attributes (none for unicast and multicast). The first flush of a session keeps no IPv4
     * withdrawal and, for the other non-unicast families, only the attributes (api-flow).
     */
    private void withdraw(Change c, boolean includeWithdraw, Consumer<byte[]> out) {
        Family family = c.nlri().family();
        if (family.equals(Family.IPV4_UNICAST)) {
            if (includeWithdraw) {
                UpdatePacker.withdraw(PathAttributes.EMPTY, block(family, List.of(c.nlri())), session.options(), 1)
                        .forEach(out);
            }
        } else if (includeWithdraw) {
            PathAttributes attrs = isUnicast(family) ? PathAttributes.EMPTY
                    : withdrawAttributes(family, c.attributes());
            UpdatePacker.withdraw(attrs, block(family, List.of(c.nlri())), session.options(), 1).forEach(out);
        } else if (!isUnicast(family)) {
            NlriBlock none = NlriBlock.empty(Family.IPV4_UNICAST);
            out.accept(MessageCodec.encode(new Update(none, withdrawAttributes(family, c.attributes()), none),
                    session.options()));
        }
    }

    private void announce(OutboundAttributes route, Family family, List<Nlri> nlri, Consumer<byte[]> out) {
        IpAddress nextHop = route.nextHop().orElse(session.localAddress());
        boolean ipv4Field = family.equals(Family.IPV4_UNICAST) && nextHop.isIpv4();
        boolean packed = grouped && (ipv4Field || family.safi() == Family.SAFI_MCAST_VPN);
        if (packed) {
            sortExaBgp(nlri);
        }
        announce(route, family, nlri, packed, out);
    }

    /** Packed: as few UPDATEs as the size allows; else one UPDATE per NLRI. */
    private void announce(OutboundAttributes route, Family family, List<Nlri> nlri, boolean packed,
                          Consumer<byte[]> out) {
        IpAddress nextHop = route.nextHop().orElse(session.localAddress());
        PathAttributes attrs = withDefaults(route);
        if (nextHop.isIpv4() && usesNextHopAttribute(family)) {
            attrs = attrs.with(new NextHop(nextHop));
        }
        Bytes mpNextHop = mpNextHop(family, nextHop);
        if (packed) {
            UpdatePacker.announce(attrs, mpNextHop, block(family, nlri), session.options(), UpdatePacker.UNLIMITED,
                    out);
            return;
        }
        for (Nlri n : nlri) {
            UpdatePacker.announce(attrs, mpNextHop, block(family, List.of(n)), session.options(), 1, out);
        }
    }

    /**
     * What an MP withdrawal carries besides MP_UNREACH_NLRI: the withdraw's attributes, and NEXT_HOP when it named
     * an IPv4 next hop (api-vpnv4); 0.0.0.0 is what a withdrawal without next hop gets, so it adds none.
     */
    private PathAttributes withdrawAttributes(Family family, OutboundAttributes route) {
        PathAttributes attrs = withDefaults(route);
        return route.nextHop().filter(nh -> nh.isIpv4() && !nh.equals(NO_NEXT_HOP) && usesNextHopAttribute(family))
                .map(nh -> attrs.with(new NextHop(nh))).orElse(attrs);
    }

    private static final IpAddress NO_NEXT_HOP = IpAddress.ipv4(0);

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

    /** The MP_REACH_NLRI next hop: the address, behind a zero route distinguisher for VPN families. */
    private static Bytes mpNextHop(Family family, IpAddress nextHop) {
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

    /** ExaBGP sends an IPv4 next hop in NEXT_HOP too, except for VPLS (conf-l2vpn: in MP_REACH_NLRI only). */
    private static boolean usesNextHopAttribute(Family f) {
        return f.safi() != Family.SAFI_VPLS;
    }

    private static boolean isUnicast(Family f) {
        return f.safi() == Family.SAFI_UNICAST || f.safi() == Family.SAFI_MULTICAST;
    }

    /**
     * ExaBGP sorts the NLRI of one UPDATE by their index bytes: the path identifier (or "no-pi") followed by
     * the prefix as packed on the wire (length, then the significant address bytes).
     */
    static void sortExaBgp(List<Nlri> nlri) {
        record Keyed(byte[] key, Nlri nlri) {}
        List<Keyed> keyed = new ArrayList<>(nlri.size());
        nlri.forEach(n -> keyed.add(new Keyed(indexOf(n), n))); // one key per NLRI, not one per comparison
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        for (int i = 0; i < keyed.size(); i++) {
            nlri.set(i, keyed.get(i).nlri());
        }
    }

    private static final byte[] NO_PATH_INFO = "no-pi".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static byte[] indexOf(Nlri n) {
        NlriBlock one = NlriBlock.of(n.family(), false, List.of(n));
        byte[] prefix = one.bytes().toArray();
        WireWriter w = new WireWriter(prefix.length + 5);
        if (n.pathId() == Nlri.NO_PATH_ID) {
            w.putBytes(NO_PATH_INFO, 0, NO_PATH_INFO.length);
        } else {
            w.put32(n.pathId());
        }
        w.putBytes(prefix, 0, prefix.length);
        return w.toArray();
    }
}
