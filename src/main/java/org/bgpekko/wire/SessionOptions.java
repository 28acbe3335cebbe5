// What an OPEN exchange negotiated and every codec call must respect (RFC 6793, 7911, 8950, 8654).
package org.bgpekko.wire;

import java.util.Set;

/**
 * @param asn4 4-octet AS numbers in AS_PATH/AGGREGATOR (RFC 6793)
 * @param addPathReceive families whose received NLRI carry a path identifier (RFC 7911)
 * @param addPathSend families whose sent NLRI carry a path identifier
 * @param extendedNextHop families that may carry an IPv6 next hop for IPv4 NLRI (RFC 8950)
 * @param maxMessageSize 4096, or 65535 once extended messages are negotiated (RFC 8654)
 */
public record SessionOptions(
        boolean asn4,
        Set<Family> addPathReceive,
        Set<Family> addPathSend,
        Set<Family> extendedNextHop,
        int maxMessageSize) {

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
        if (maxMessageSize < STANDARD_MAX || maxMessageSize > EXTENDED_MAX) {
            throw new IllegalArgumentException("maximum message size must be 4096..65535: " + maxMessageSize);
        }
    }

    public boolean addPathReceive(Family f) {
        return addPathReceive.contains(f);
    }

    public boolean addPathSend(Family f) {
        return addPathSend.contains(f);
    }

    public SessionOptions withAsn4(boolean on) {
        return new SessionOptions(on, addPathReceive, addPathSend, extendedNextHop, maxMessageSize);
    }

    public SessionOptions withAddPath(Set<Family> receive, Set<Family> send) {
        return new SessionOptions(asn4, receive, send, extendedNextHop, maxMessageSize);
    }

    public SessionOptions withExtendedNextHop(Set<Family> families) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, families, maxMessageSize);
    }

    public SessionOptions withMaxMessageSize(int size) {
        return new SessionOptions(asn4, addPathReceive, addPathSend, extendedNextHop, size);
    }
}
