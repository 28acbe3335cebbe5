// The Established state of a Peer (RFC 4271 section 8.2.2): UPDATEs both ways, the Rib's batches, its timers.
package org.bgpekko.peer;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.peer.Peer.Command;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * Every message received restarts the hold timer; UPDATEs go to the Rib through {@link InboundToRib}, the Rib's
 * {@code Send} batches to the link, answered with {@code SendDone} once handed to the socket. Each session has a
 * new generation: what the Rib sends for an older one is dropped (and answered).
 */
final class Established {
    private final PeerFsm fsm;
    private final InboundToRib inbound;
    private long generation;
    private boolean sendPending;

    Established(PeerFsm fsm) {
        this.fsm = fsm;
        this.inbound = new InboundToRib(fsm.id, fsm.rib);
    }

    Behavior<Command> enter(Link link, Negotiation negotiation) {
        generation++;
        fsm.backoff.reset();
        Session s = new Session(fsm.id, generation, negotiation.options(), negotiation.families(),
                IpAddress.of(link.connection.localAddress().getAddress()),
                IpAddress.of(link.connection.remoteAddress().getAddress()), fsm.config.localAs(),
                negotiation.peerAs(), link.sent, link.received);
        inbound.start(generation, link);
        fsm.timers.established(link.id);
        fsm.ctx.getLog().info("{}: established (hold time {}, families {})", fsm.id, negotiation.holdTime(),
                negotiation.families());
        fsm.rib.tell(new Rib.PeerUp(s, fsm.ctx.getSelf()));
        fsm.events.up(link, s);
        String sendHold = "send hold timer expired: the peer has not read for "
                + SessionTimers.sendHoldTime(negotiation.holdTime()).toSeconds() + " s";
        return fsm.common(Behaviors.receive(Command.class)
                .onMessage(Peer.Inbound.class, i -> i.connId() == link.id, i -> received(link, i.item()))
                .onMessage(Peer.ReceivedAck.class, a -> {
                    if (inbound.acked(a.generation())) {
                        fsm.timers.readingResumed(link.id);
                    }
                    return Behaviors.same();
                })
                .onMessage(Peer.Send.class, s2 -> s2.generation() == generation, s2 -> {
                    link.sendRib(s2.messages());
                    fsm.events.sentBatch(link, s2.messages());
                    sendPending = true;
                    sendDoneIfDrained(link);
                    return Behaviors.same();
                })
                .onMessage(SessionTimers.SendHoldExpired.class, h -> h.connId() == link.id,
                        h -> !fsm.timers.sendHoldExpired(link.id) ? Behaviors.same() : fsm.fail(link,
                                new Notification(Notification.SEND_HOLD_TIMER_EXPIRED, 0, Bytes.EMPTY), sendHold))
                .onMessage(SessionTimers.RibStalled.class, r -> r.connId() == link.id, r -> fsm.fail(link,
                        Cease.exabgp(Notification.CEASE, 8), "the Rib did not take received UPDATEs for "
                                + SessionTimers.RIB_STALL_LIMIT.toSeconds() + " s"))
                .onMessage(Peer.Teardown.class, t -> {
                    fsm.backoff.reset();
                    return fsm.closeWith(link, Cease.teardown(t.subcode(), t.text()), "teardown " + t.subcode());
                }));
    }

    private Behavior<Command> received(Link link, InboundDecoder.Item item) {
        if (item.error() != null) {
            return fsm.fail(link, item.error().toNotification(), item.error().getMessage());
        }
        fsm.timers.received(link.id);
        if (!(item.message() instanceof Notification)) {
            fsm.events.received(link, item.message());
        }
        if (item.message() instanceof Update u) {
            if (inbound.update(u)) {
                fsm.timers.readingHeld(link.id);
            }
            return Behaviors.same();
        }
        if (item.message() instanceof Notification n) {
            return fsm.peerNotified(link, n);
        }
        if (item.message() instanceof Open) {
            return fsm.fail(link, PeerFsm.fsmError(3, null), "OPEN in Established");
        }
        if (item.message() instanceof RouteRefreshMessage r && r.subtype() == RouteRefreshMessage.REQUEST) {
            fsm.rib.tell(new Rib.RouteRefreshReceived(fsm.id, generation, r.family()));
        }
        link.connection.pull(); // KEEPALIVE (only our timer sends ours), ROUTE-REFRESH
        return Behaviors.same();
    }

    /** A write on the session's link reached the socket. */
    void written(Link link) {
        fsm.timers.sent(link.id);
        sendDoneIfDrained(link);
    }

    private void sendDoneIfDrained(Link link) {
        if (sendPending && link.ribDrained()) {
            sendPending = false;
            fsm.rib.tell(new Rib.SendDone(fsm.id, generation));
        }
    }

    /** Leaving Established: the Rib gets what was read, the answer to a batch in flight, then PeerDown. */
    void left() {
        inbound.stop();
        if (sendPending) {
            sendPending = false;
            fsm.rib.tell(new Rib.SendDone(fsm.id, generation));
        }
        fsm.rib.tell(new Rib.PeerDown(fsm.id, generation));
        fsm.events.down(null, "session closed");
    }
}
