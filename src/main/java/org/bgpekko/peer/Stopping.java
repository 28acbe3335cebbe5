// How a Peer stops: Cease when Established, the last NOTIFICATION flushed (at most STOP_WAIT), every socket closed.
package org.bgpekko.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.peer.Peer.Command;

final class Stopping {
    record StopNow() implements Command {}

    private record StopKey() {}

    /** How long a stop waits for the final NOTIFICATION to be written. */
    static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private final PeerFsm fsm;
    private final List<ActorRef<Peer.Stopped>> replies = new ArrayList<>();

    Stopping(PeerFsm fsm) {
        this.fsm = fsm;
    }

    boolean active() {
        return !replies.isEmpty();
    }

    Behavior<Command> onShutdown(Peer.Shutdown s) {
        replies.add(s.replyTo());
        if (replies.size() > 1) {
            return Behaviors.same();
        }
        fsm.timerScheduler.cancel(PeerFsm.RetryTick.class);
        fsm.timerScheduler.startSingleTimer(new StopKey(), new StopNow(), STOP_WAIT);
        if (fsm.candidate != null) {
            fsm.links.close(fsm.candidate, null);
            fsm.candidate = null;
        }
        if (fsm.current != null) {
            boolean established = fsm.state == PeerFsm.State.ESTABLISHED;
            return fsm.closeWith(fsm.current, established ? Cease.shutdown() : null, "shutdown");
        }
        return fsm.afterClose();
    }

    /** Like a shutdown: the last NOTIFICATION leaves and the socket closes before the parent hears of it. */
    Behavior<Command> stopAtAttemptLimit() {
        replies.add(fsm.parent);
        fsm.timerScheduler.startSingleTimer(new StopKey(), new StopNow(), STOP_WAIT);
        return stoppingState();
    }

    /** Waits (at most STOP_WAIT) for the last NOTIFICATION to be written and every socket closed. */
    Behavior<Command> stoppingState() {
        if (fsm.links.isEmpty()) {
            return stopNow();
        }
        fsm.state = PeerFsm.State.IDLE;
        return fsm.common(Behaviors.receive(Command.class));
    }

    /** A connection ended: when stopping and none is left, stop now. */
    Behavior<Command> whenDrained() {
        return active() && fsm.current == null && fsm.links.isEmpty() ? stopNow() : Behaviors.same();
    }

    Behavior<Command> stopNow() {
        fsm.abandonConnecting();
        fsm.links.dropAll();
        replies.forEach(r -> r.tell(new Peer.Stopped(fsm.id)));
        return Behaviors.stopped();
    }
}
