// Builds the OPEN a neighbour sends, capability by capability, in the order and form ExaBGP 5 uses.
package org.bgpekko.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bgpekko.config.CapabilityConfig;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Fqdn;
import org.bgpekko.wire.capability.GracefulRestart;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.SoftwareVersion;

/**
 * Capability order: MP (one per family, ascending), 4-octet AS, extended next hop, ADD-PATH, graceful restart,
 * then route refresh, enhanced route refresh, operational and extended message, which ExaBGP lists but never sends
 * (their value is empty, and it drops empty capabilities), FQDN, software version, multi-session.
 */
public final class OpenBuilder {
    /** RFC 6793: the 2-octet My AS of a speaker whose AS needs 4 octets. */
    public static final int AS_TRANS = 23456;

    /** Every family ExaBGP registers a codec for: its default when a neighbour has no family block. */
    public static final List<Family> EXABGP_FAMILIES = List.of(
            f(1, 1), f(1, 2), f(1, 4), f(1, 5), f(1, 85), f(1, 128), f(1, 132), f(1, 133), f(1, 134),
            f(2, 1), f(2, 2), f(2, 4), f(2, 5), f(2, 85), f(2, 128), f(2, 133), f(2, 134),
            f(25, 65), f(25, 70), f(16388, 71), f(16388, 72));

    /** ADD-PATH is offered for these families only, in this order. */
    static final List<Family> ADD_PATH_ORDER = List.of(f(1, 1), f(2, 1), f(1, 4), f(2, 4), f(1, 128), f(2, 128),
            f(1, 85), f(2, 85));

    /** Extended next hop (RFC 8950) is offered for IPv4 NLRI of these families with an IPv6 next hop only. */
    static final List<Family> NEXT_HOP_ORDER = List.of(f(1, 1), f(1, 2), f(1, 4), f(1, 128));

    private OpenBuilder() {}

    private static Family f(int afi, int safi) {
        return new Family(afi, safi);
    }

    /** The families a neighbour announces, ascending (AFI, SAFI). */
    public static List<Family> families(NeighborConfig n) {
        return n.families().isEmpty() ? EXABGP_FAMILIES : List.copyOf(new TreeSet<>(n.families()));
    }

    /** The BGP identifier: the configured router-id, else the IPv4 local address (the parser checked one exists). */
    public static long routerId(NeighborConfig n) {
        if (n.routerId() >= 0) {
            return n.routerId();
        }
        if (n.localAddress() != null && n.localAddress().isIpv4()) {
            return n.localAddress().lo();
        }
        throw new IllegalArgumentException("neighbor " + n.peerAddress() + " has no router-id");
    }

    /** The graceful-restart time announced, or -1 when the capability is off. */
    static int gracefulRestartTime(NeighborConfig n) {
        int gr = n.capability().gracefulRestart();
        if (gr == CapabilityConfig.GR_DISABLED) {
            return -1;
        }
        return gr <= 0 ? n.holdTime() : gr;
    }

    /**
     * The OPEN of neighbour {@code n}.
     *
     * @param softwareVersion the text of the software-version capability (ExaBGP: "ExaBGP/" + exabgp_version)
     */
    public static Open build(NeighborConfig n, String softwareVersion) {
        CapabilityConfig cap = n.capability();
        List<Family> families = families(n);
        List<Capability> caps = new ArrayList<>();
        for (Family f : families) {
            caps.add(new Multiprotocol(f));
        }
        if (cap.asn4()) {
            caps.add(new FourOctetAs(n.localAs()));
        }
        if (cap.nexthop() || !n.nextHop().isEmpty()) {
            List<ExtendedNextHop.Entry> entries = new ArrayList<>();
            for (Family f : NEXT_HOP_ORDER) {
                Integer nh = n.nextHop().get(f);
                if (nh != null && nh == Family.AFI_IPV6 && families.contains(f)
                        && families.contains(new Family(nh, f.safi()))) {
                    entries.add(new ExtendedNextHop.Entry(f, nh));
                }
            }
            addIfNotEmpty(caps, entries.isEmpty() ? null : new ExtendedNextHop(entries));
        }
        if (cap.addPath() != 0) {
            Set<Family> wanted = n.addPathFamilies().isEmpty() ? Set.copyOf(families) : n.addPathFamilies();
            List<AddPath.Entry> entries = new ArrayList<>();
            for (Family f : ADD_PATH_ORDER) {
                if (wanted.contains(f) && families.contains(f)) {
                    entries.add(new AddPath.Entry(f, cap.addPath()));
                }
            }
            addIfNotEmpty(caps, entries.isEmpty() ? null : new AddPath(entries));
        }
        int grTime = gracefulRestartTime(n);
        if (grTime >= 0) {
            List<GracefulRestart.Entry> entries = new ArrayList<>();
            for (Family f : families) {
                entries.add(new GracefulRestart.Entry(f, GracefulRestart.FORWARDING_STATE));
            }
            // ExaBGP always acts as if it restarted (its FORCE_GRACEFUL): Restart State bit set.
            caps.add(new GracefulRestart(GracefulRestart.RESTART_STATE, grTime & 0xFFF, entries));
        }
        // route-refresh, enhanced route-refresh, operational, extended-message: empty values, never sent.
        if (n.hostName() != null && !n.hostName().isEmpty()) {
            caps.add(new Fqdn(n.hostName(), n.domainName() == null ? "" : n.domainName()));
        }
        if (cap.softwareVersion()) {
            caps.add(new SoftwareVersion(softwareVersion));
        }
        if (cap.multiSession()) {
            caps.add(new MultiSession(Bytes.of((byte) 0)));
            caps.add(new MultiSession(Bytes.of((byte) Capability.MULTIPROTOCOL)));
        }
        if (n.role().enabled()) { // RFC 9234 (ExaBGP has no roles: last, after what ExaBGP sends)
            caps.add(new BgpRole(n.role().localRole()));
        }
        int myAs = n.localAs() > 0xFFFF ? AS_TRANS : (int) n.localAs();
        return new Open(Open.VERSION, myAs, n.holdTime(), routerId(n), caps);
    }

    private static void addIfNotEmpty(List<Capability> caps, Capability c) {
        if (c != null) {
            caps.add(c);
        }
    }
}
