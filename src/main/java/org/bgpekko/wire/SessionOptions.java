// What an OPEN exchange negotiated and every codec call must respect (RFC 4271, 4760, 6793, 7911, 8950, 8654).
package org.bgpekko.wire;

import java.util.Set;

/**
 * @param asn4 4-octet AS numbers in AS_PATH/AGGREGATOR (RFC 6793): the peer is a NEW speaker
 * @param addPathReceive families whose received NLRI carry a path identifier (RFC 7911)
 * @param addPathSend families whose sent NLRI carry a path identifier
 * @param extendedNextHop families that may carry an IPv6 next hop for IPv4 NLRI (RFC 8950)
 * @param maxMessageSize 4096, or 65535 once extended messages are negotiated (RFC 8654)
 * @param externalPeer the peer is in another AS (eBGP): LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST it sends are
 *     discarded (RFC 4271 section 5.1.5, RFC 7606 sections 7.5, 7.9, 7.10) and confederation segments in its
 *     AS_PATH are malformed (RFC 5065 section 5)
 * @param families the families both OPENs agreed on (RFC 4760 section 6): MP_REACH_NLRI and MP_UNREACH_NLRI of
 *     other families are discarded. Null outside a session (decoding a message on its own): every family
 */
public record SessionOptions(
        boolean asn4,
        Set<Family> addPathReceive,
        Set<Family> addPathSend,
        Set<Family> extendedNextHop,
        int maxMessageSize,
        boolean externalPeer,
        Set<Family> families) {

    public static final int STANDARD_MAX = 4096;
    public static final int EXTENDED_MAX = 65535;

    /** 4-octet AS on, nothing else: the context ExaBGP's decode command assumes. */
    public static final SessionOptions DEFAULT = new SessionOptions(true, Set.of(), Set.of(), Set.of(), STANDARD_MAX);

    /** A session before OPEN negotiation finished: 2-octet AS semantics, standard size. */
    public static final SessionOptions LEGACY = new SessionOptions(false, Set.of(), Set.of(), Set.of(), STANDARD_MAX);

    public SessionOptions {
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
        extendedNextHop = Set.copyOf(extendedNextHop);
        families = families == null ? null : Set.copyOf(families);
        if (maxMessageSize < STANDARD_MAX || maxMessageSize > EXTENDED_MAX) {
            throw new IllegalArgumentException("maximum message size must be 4096..65535: " + maxMessageSize);
        }
    }

    /** Options outside a known session: an internal peer, every family. */
    public SessionOptions(boolean asn4, Set<Family> addPathReceive, Set<Family> addPathSend,
                          Set<Family> extendedNextHop, int maxMessageSize) {
        this(asn4, addPathReceive, addPathSend, extendedNextHop, maxMessageSize, false, null);
    }

    public boolean addPathReceive(Family f) {
        return addPathReceive.contains(f);
    }

    public boolean addPathSend(Family f) {
        return addPathSend.contains(f);
    }

    /** True when routes of {@code f} may be received: the family was negotiated, or no OPENs are known. */
    public boolean negotiated(Family f) {
        return families == null || families.contains(f);
    }

    public SessionOptions withAsn4(boolean on) {
        return new SessionOptions(on, addPathReceive, addPathSend, extendedNextHop, maxMessageSize, externalPeer,
                families);
    }

    public SessionOptions withAddPath(Set<Family> receive, Set<Family> send) {
        return new SessionOptions(asn4, receive, send, extendedNextHop, maxMessageSize, externalPeer, families);
    }

    public SessionOptions withExtendedNextHop(Set<Family> nextHopFamilies) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, nextHopFamilies, maxMessageSize, externalPeer,
                families);
    }

    public SessionOptions withMaxMessageSize(int size) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, extendedNextHop, size, externalPeer, families);
    }

    /** The same options for a session with an external (true) or internal (false) peer. */
    public SessionOptions withExternalPeer(boolean external) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, extendedNextHop, maxMessageSize, external,
                families);
    }

    /** The same options restricted to the negotiated {@code negotiated} families (null: every family). */
    public SessionOptions withFamilies(Set<Family> negotiated) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, extendedNextHop, maxMessageSize, externalPeer,
                negotiated);
    }
}
