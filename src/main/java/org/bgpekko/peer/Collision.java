// RFC 4271 section 6.8 collision detection: an incoming connection racing the one the FSM runs on.
package org.bgpekko.peer;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.wire.Open;

final class Collision {
    private Collision() {}

    /**
     * The candidate's first message. On its OPEN the BGP identifiers decide: the connection opened by the speaker
     * with the higher identifier stays, the other gets Cease 6/7 (Connection Collision Resolution). When both
     * connections were opened by the peer, the newer one stays.
     */
    static Behavior<Command> onCandidateInbound(PeerFsm fsm, Link candidate, Peer.Inbound in) {
        candidate.connection.pull();
        InboundDecoder.Item item = in.item();
        if (!(item.message() instanceof Open open)) {
            fsm.closeLink(candidate, item.error() != null ? item.error().toNotification() : null);
            fsm.clearCandidate();
            return Behaviors.same();
        }
        candidate.received = open;
        Link current = fsm.current();
        if (keepCurrent(current, fsm.routerId, open.bgpIdentifier())) {
            fsm.ctx.getLog().info("{}: collision, keeping {} (our id is higher), closing {}", fsm.id, current,
                    candidate);
            fsm.closeLink(candidate, Cease.collision());
            fsm.clearCandidate();
            return Behaviors.same();
        }
        fsm.ctx.getLog().info("{}: collision, keeping {}, closing {}", fsm.id, candidate, current);
        fsm.closeLink(current, Cease.collision());
        return fsm.adopt(candidate);
    }

    /** True when the FSM's connection wins over an incoming one. */
    static boolean keepCurrent(Link current, long localId, long remoteId) {
        return current.outgoing && localId > remoteId;
    }
}
