// Incoming connections and RFC 4271 section 6.8 collision detection: an incoming connection racing the FSM's one.
package org.bgpekko.peer;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.wire.Open;

final class Collision {
    private Collision() {}

    /**
     * A connection the Listener accepted. The Peer attaches it itself, so it owns the connection before any of its
     * messages can arrive. Idle, Connect, Active: it becomes the FSM's connection (an outgoing one still opening is
     * dropped when it connects). OpenSent, OpenConfirm: it gets our OPEN and races the FSM's connection (one
     * candidate at a time: a newer one replaces it with Cease 6/7). Established: Cease 6/7, as ExaBGP. Refused while
     * the Peer stops or is disabled.
     */
    static Behavior<Command> onIncoming(PeerFsm fsm, Peer.Incoming in) {
        if (fsm.stopping.active() || fsm.disabled) {
            in.connection().reject();
            return Behaviors.same();
        }
        long connId = fsm.nextConnId();
        Link link = fsm.links.add(new Link(connId, false, in.connection().attach(connId, fsm.localOpen,
                fsm.ctx.getSelf())));
        fsm.ctx.getLog().debug("{}: incoming {} in {}", fsm.id, link, fsm.state);
        switch (fsm.state) {
            case IDLE, ACTIVE, CONNECT -> {
                return fsm.takeIncoming(link);
            }
            case OPEN_SENT, OPEN_CONFIRM -> {
                if (fsm.candidate != null) {
                    fsm.links.close(fsm.candidate, Cease.collision());
                }
                fsm.candidate = link;
                link.send(fsm.localOpen);
                link.connection.pull();
                return Behaviors.same();
            }
            default -> {
                fsm.links.close(link, Cease.alreadyEstablished());
                return Behaviors.same();
            }
        }
    }

    /**
     * The candidate's first message. On its OPEN the BGP identifiers decide: the connection opened by the speaker
     * with the higher identifier stays, the other gets Cease 6/7 (Connection Collision Resolution). When both
     * connections were opened by the peer, the newer one stays.
     */
    static Behavior<Command> onCandidateInbound(PeerFsm fsm, Link candidate, Peer.Inbound in) {
        candidate.connection.pull();
        InboundDecoder.Item item = in.item();
        if (!(item.message() instanceof Open open)) {
            fsm.links.close(candidate, item.error() != null ? item.error().toNotification() : null);
            fsm.candidate = null;
            return Behaviors.same();
        }
        candidate.received = open;
        Link current = fsm.current;
        if (keepCurrent(current, fsm.routerId, open.bgpIdentifier())) {
            fsm.ctx.getLog().info("{}: collision, keeping {} (our id is higher), closing {}", fsm.id, current,
                    candidate);
            fsm.links.close(candidate, Cease.collision());
            fsm.candidate = null;
            return Behaviors.same();
        }
        fsm.ctx.getLog().info("{}: collision, keeping {}, closing {}", fsm.id, candidate, current);
        fsm.links.close(current, Cease.collision());
        return fsm.adopt(candidate);
    }

    /** True when the FSM's connection wins over an incoming one. */
    static boolean keepCurrent(Link current, long localId, long remoteId) {
        return current.outgoing && localId > remoteId;
    }
}
