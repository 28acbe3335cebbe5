// The session a conformance case negotiates: the test peer echoes the speaker's OPEN, so both sides offer the same.
package org.bgpekko.testing;

import java.util.List;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Negotiation;
import org.bgpekko.peer.OpenBuilder;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;

public final class EchoSession {
    private EchoSession() {}

    public static SessionOptions options(NeighborConfig n) {
        Open open = OpenBuilder.build(n, "bgpekko");
        return Negotiation.options(open, open);
    }

    public static List<Family> families(NeighborConfig n) {
        Open open = OpenBuilder.build(n, "bgpekko");
        return Negotiation.families(open, open);
    }

    /** The session with the test peer answering as AS {@code peerAs} (ExaBGP's option:asn). */
    public static Session of(NeighborConfig n, long peerAs) {
        Open open = OpenBuilder.build(n, "bgpekko");
        return new Session(PeerId.of(n), 1, Negotiation.options(open, open), Negotiation.families(open, open),
                n.localAddress(), n.peerAddress(), n.localAs(), peerAs, open, open);
    }
}
