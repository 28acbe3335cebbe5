// What two OPENs agree on (RFC 4271 section 4.2, RFC 5492) and the OPEN checks of RFC 4271 section 6.2.
package org.bgpekko.peer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.UnknownCapability;

/**
 * @param options the codec options of the session
 * @param families negotiated families, ascending
 * @param holdTime the smaller of the two hold times (0: no keepalives, no hold timer)
 * @param keepalive seconds between KEEPALIVEs: hold time / 3
 * @param peerAs the peer's real AS (the 4-octet capability when both sides sent one)
 */
public record Negotiation(SessionOptions options, List<Family> families, int holdTime, int keepalive, long peerAs) {
    /** RFC 4271 section 4.2: a non-zero hold time is at least 3 seconds. */
    public static final int MIN_HOLD_TIME = 3;

    public Negotiation {
        families = List.copyOf(families);
    }

    /**
     * Checks the received OPEN against the neighbour's configuration (RFC 4271 section 6.2) and negotiates.
     * Unknown capabilities are ignored; malformed ones that
     * change the encoding are not (2/0).
     *
     * @throws NotificationException the NOTIFICATION to send when the OPEN is not acceptable
     */
    public static Negotiation of(Open sent, Open received, long configuredPeerAs, long localAs) {
        return of(sent, received, configuredPeerAs, localAs, false);
    }

    /**
     * ... and the BGP roles of RFC 9234 when {@code sent} carries one: with {@code strictRole} the peer must send
     * one too.
     */
    public static Negotiation of(Open sent, Open received, long configuredPeerAs, long localAs, boolean strictRole) {
        if (received.version() != Open.VERSION) {
            throw new NotificationException(2, 1, Bytes.of((byte) 0, (byte) Open.VERSION),
                    "unsupported BGP version " + received.version());
        }
        boolean asn4 = sent.capability(FourOctetAs.class).isPresent()
                && received.capability(FourOctetAs.class).isPresent();
        long peerAs = asn4 ? received.asn() : received.myAs();
        if (configuredPeerAs != org.bgpekko.config.NeighborConfig.AUTO_AS && peerAs != configuredPeerAs) {
            throw text(2, 2, "ASN in OPEN (" + peerAs + ") did not match ASN expected (" + configuredPeerAs + ")");
        }
        if (received.bgpIdentifier() == 0) {
            throw text(2, 3, "0.0.0.0 is an invalid router_id");
        }
        if (peerAs == localAs && received.bgpIdentifier() == sent.bgpIdentifier()) {
            throw text(2, 3, "BGP Identifier collision, same router-id (" + dotted(received.bgpIdentifier())
                    + ") on both sides of this IBGP session");
        }
        if (received.holdTime() > 0 && received.holdTime() < MIN_HOLD_TIME) {
            throw text(2, 6, "Hold Time is invalid (" + received.holdTime() + ")");
        }
        checkMultiSession(sent, received);
        checkMalformed(received);
        checkRole(sent, received, strictRole);
        int hold = Math.min(sent.holdTime(), received.holdTime());
        SessionOptions options = options(sent, received);
        return new Negotiation(options, families(sent, received), hold, hold / 3, peerAs);
    }

    /** The codec options two OPENs agree on; used by the stream stage too, before the Peer saw the OPEN. */
    public static SessionOptions options(Open sent, Open received) {
        boolean asn4 = sent.capability(FourOctetAs.class).isPresent()
                && received.capability(FourOctetAs.class).isPresent();
        Map<Family, Integer> ours = addPathModes(sent);
        Map<Family, Integer> theirs = addPathModes(received);
        Set<Family> send = new HashSet<>();
        Set<Family> receive = new HashSet<>();
        for (Map.Entry<Family, Integer> e : ours.entrySet()) {
            int their = theirs.getOrDefault(e.getKey(), 0);
            if ((e.getValue() & AddPath.SEND) != 0 && (their & AddPath.RECEIVE) != 0) {
                send.add(e.getKey());
            }
            if ((e.getValue() & AddPath.RECEIVE) != 0 && (their & AddPath.SEND) != 0) {
                receive.add(e.getKey());
            }
        }
        Set<ExtendedNextHop.Entry> ourNh = nextHops(sent);
        Set<Family> nh = nextHops(received).stream().filter(ourNh::contains)
                .map(ExtendedNextHop.Entry::family).collect(Collectors.toSet());
        boolean extended = sent.capability(ExtendedMessage.class).isPresent()
                && received.capability(ExtendedMessage.class).isPresent();
        // receive-side rules (issue 11): an external peer's iBGP-only attributes are discarded, and MP attributes
        // of families not negotiated are not stored
        boolean external = (asn4 ? sent.asn() : sent.myAs()) != (asn4 ? received.asn() : received.myAs());
        return new SessionOptions(asn4, receive, send, nh,
                extended ? SessionOptions.EXTENDED_MAX : SessionOptions.STANDARD_MAX, external,
                new HashSet<>(families(sent, received)));
    }

    /**
     * The intersection of both sides' MP capabilities; a side without any MP capability supports IPv4 unicast only
     * (RFC 4760 section 8). ExaBGP instead negotiates no family at all in that case.
     */
    public static List<Family> families(Open sent, Open received) {
        Set<Family> ours = mp(sent);
        Set<Family> out = new TreeSet<>();
        for (Family f : mp(received)) {
            if (ours.contains(f)) {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }

    private static Set<Family> mp(Open o) {
        List<Multiprotocol> all = o.all(Multiprotocol.class);
        return all.isEmpty() ? Set.of(Family.IPV4_UNICAST)
                : all.stream().map(Multiprotocol::family).collect(Collectors.toSet());
    }

    private static Map<Family, Integer> addPathModes(Open o) {
        return o.all(AddPath.class).stream().flatMap(a -> a.entries().stream())
                .collect(Collectors.toMap(AddPath.Entry::family, AddPath.Entry::mode, (a, b) -> b));
    }

    private static Set<ExtendedNextHop.Entry> nextHops(Open o) {
        return o.all(ExtendedNextHop.class).stream().flatMap(e -> e.entries().stream())
                .collect(Collectors.toSet());
    }

    /**
     * A capability that changes how this session's messages are encoded (multiprotocol, extended next hop, extended
     * message, 4-octet AS, ADD-PATH) but whose value does not parse cannot be ignored: negotiating without it would
     * decode the peer's UPDATEs wrongly. RFC 4271 section 6.2: an optional parameter that is recognized but malformed
     * is 2/0 (Unspecific); BIRD and FRR answer the same (RFC 5492, RFC 6793 and RFC 4760 name no subcode of their own).
     */
    private static void checkMalformed(Open received) {
        for (UnknownCapability u : received.all(UnknownCapability.class)) {
            if (NEGOTIATED.contains(u.code())) {
                throw new NotificationException(2, 0, Bytes.EMPTY, "malformed capability " + u.code() + " of "
                        + u.value().length() + " bytes");
            }
        }
    }

    private static final Set<Integer> NEGOTIATED = Set.of(Capability.MULTIPROTOCOL, Capability.EXTENDED_NEXT_HOP,
            Capability.EXTENDED_MESSAGE, Capability.FOUR_OCTET_AS, Capability.ADD_PATH);

    /**
     * RFC 9234 section 4.2, when we send a role: the peer's role must make an allowed pair with ours (table 2); several
     * role capabilities must agree; in strict mode one must be there. A role capability that is not one octet of
     * table 1 (kept as an UnknownCapability) names no role that could pair with ours: a mismatch too. Without a local
     * role the peer's role is ignored, as any capability we do not use (RFC 5492).
     */
    private static void checkRole(Open sent, Open received, boolean strict) {
        BgpRole ours = sent.capability(BgpRole.class).orElse(null);
        if (ours == null) {
            return;
        }
        List<Capability> theirs = received.capabilities().stream().filter(c -> c.code() == Capability.BGP_ROLE)
                .distinct().toList();
        if (theirs.isEmpty()) {
            if (strict) {
                throw roleMismatch("no BGP Role capability received (strict mode), local role " + ours.name());
            }
            return;
        }
        if (theirs.size() > 1) {
            throw roleMismatch("BGP Role capabilities of different values received");
        }
        if (!(theirs.get(0) instanceof BgpRole r)) {
            throw roleMismatch("malformed BGP Role capability received ("
                    + ((UnknownCapability) theirs.get(0)).value().length() + " bytes, or a role outside RFC 9234)");
        }
        if (!BgpRole.allowedPair(ours.role(), r.role())) {
            throw roleMismatch("local role " + ours.name() + " and peer role " + r.name() + " are not an allowed pair");
        }
    }

    /** RFC 9234 section 4.2: OPEN Message Error, Role Mismatch (2/11); no data is defined. */
    private static NotificationException roleMismatch(String reason) {
        return new NotificationException(2, 11, Bytes.EMPTY, "role mismatch: " + reason);
    }

    /** draft-ietf-idr-bgp-multisession as ExaBGP checks it: mandatory once we offer it, same families. */
    private static void checkMultiSession(Open sent, Open received) {
        if (sent.all(MultiSession.class).isEmpty()) {
            return;
        }
        if (received.all(MultiSession.class).isEmpty()) {
            throw text(2, 9, "multisession is mandatory with this peer");
        }
        Function<Open, Set<Family>> mp = o -> o.all(Multiprotocol.class).stream().map(Multiprotocol::family)
                .collect(Collectors.toSet());
        if (!mp.apply(sent).equals(mp.apply(received))) {
            throw text(2, 8, "when checking session id, capability 1 did not match");
        }
    }

    /** A NOTIFICATION carrying ExaBGP's explanation as ASCII data. */
    static NotificationException text(int code, int subcode, String reason) {
        return new NotificationException(code, subcode, Bytes.ascii(reason), reason);
    }

    static String dotted(long id) {
        return (id >>> 24 & 0xFF) + "." + (id >>> 16 & 0xFF) + "." + (id >>> 8 & 0xFF) + "." + (id & 0xFF);
    }
}
