// The timers of one Peer's connection: hold (RFC 4271 section 4.4), keepalive, send hold (RFC 9687), busy Rib.
package org.bgpekko.peer;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.bgpekko.peer.Peer.Command;

/**
 * Every message received restarts the hold timer. Every write taken by the socket moves the send hold timer's
 * deadline (RFC 9687: it restarts when the connection progresses); the timer is not restarted for it (that was a
 * cancel and a new timer per write): when it fires before the deadline, it is set again for what remains, and only a
 * deadline passed ends the session. The deadline is read on the timers' own clock ({@link TimerClock}). While the
 * Peer does not read because the Rib has not taken the UPDATEs already read ({@link InboundToRib}), the hold timer is
 * suspended (the peer is not at fault: its messages wait unread in our socket) and a {@link #RIB_STALL_LIMIT} runs
 * instead; reading again restarts the hold timer.
 */
final class SessionTimers {
    record HoldExpired(long connId) implements Command {}

    record KeepaliveTick(long connId) implements Command {}

    record SendHoldExpired(long connId) implements Command {}

    record RibStalled(long connId) implements Command {}

    private record HoldKey() {}

    private record KeepaliveKey() {}

    private record SendHoldKey() {}

    private record RibKey() {}

    // One instance of each key: Pekko finds a timer by its key at every restart (the send hold timer's is one per
    // message written), and an identical key is found without a call to equals.
    private static final HoldKey HOLD = new HoldKey();
    private static final KeepaliveKey KEEPALIVE = new KeepaliveKey();
    private static final SendHoldKey SEND_HOLD = new SendHoldKey();
    private static final RibKey RIB = new RibKey();

    /** RFC 9687 section 3: the send hold time is the greater of 8 minutes and twice the hold time. */
    static final Duration MIN_SEND_HOLD = Duration.ofMinutes(8);
    /** How long reading may wait for the Rib to take one batch before the session is closed (Cease 6/8). */
    static final Duration RIB_STALL_LIMIT = Duration.ofMinutes(2);

    private final TimerScheduler<Command> timers;
    private final LongSupplier clock;
    /** When the send hold time ends, on {@link #clock}, unless a message is written before. */
    private long sendHoldDeadline;
    /** The negotiated hold time, or -1 before the peer's OPEN was accepted. */
    private int holdTime = -1;
    private boolean established;
    private boolean suspended;

    SessionTimers(TimerScheduler<Command> timers, LongSupplier clock) {
        this.timers = timers;
        this.clock = clock;
    }

    /** OpenSent: the large hold time of RFC 4271 section 8.2.2 ({@code exabgp.bgp.openwait}). */
    void openSent(long connId, int openWait) {
        stop();
        startHold(connId, Math.max(openWait, 1));
    }

    /**
     * The peer's OPEN was accepted (OpenConfirm): hold and keepalive timers at the negotiated hold time. With a hold
     * time of 0 none runs once Established, but the KEEPALIVE that ends OpenConfirm is still awaited at most
     * {@code openWait} seconds (RFC 4271 would wait for ever).
     */
    void negotiated(long connId, int hold, int keepalive, int openWait) {
        stop();
        holdTime = hold;
        if (hold > 0) {
            startHold(connId, hold);
            timers.startTimerAtFixedRate(KEEPALIVE, new KeepaliveTick(connId),
                    Duration.ofSeconds(Math.max(keepalive, 1)));
        } else {
            startHold(connId, Math.max(openWait, 1));
        }
    }

    /** Established: the send hold timer starts (RFC 9687), unless the hold time is 0 (then no timer at all). */
    void established(long connId) {
        established = true;
        if (holdTime > 0) {
            startSendHold(connId);
        } else {
            timers.cancel(HOLD);
        }
    }

    /** A message arrived on the connection. */
    void received(long connId) {
        if (holdTime > 0 && !suspended) {
            startHold(connId, holdTime);
        }
    }

    /** A write left for the socket: the connection progresses, the send hold time starts again. */
    void sent(long connId) {
        if (established && holdTime > 0) {
            sendHoldDeadline = clock.getAsLong() + sendHoldTime(holdTime).toNanos();
        }
    }

    /**
     * The send hold timer fired: true if the send hold time passed with nothing written; else it is set again for
     * what remains of it.
     */
    boolean sendHoldExpired(long connId) {
        if (!established || holdTime <= 0) {
            return false;
        }
        long remaining = sendHoldDeadline - clock.getAsLong();
        if (remaining <= 0) {
            return true;
        }
        timers.startSingleTimer(SEND_HOLD, new SendHoldExpired(connId), Duration.ofNanos(remaining));
        return false;
    }

    /** Reading stopped until the Rib takes what was read: the hold timer waits, the Rib's time is bounded. */
    void readingHeld(long connId) {
        suspended = true;
        timers.cancel(HOLD);
        timers.startSingleTimer(RIB, new RibStalled(connId), RIB_STALL_LIMIT);
    }

    /** Reading resumed: the hold timer runs again, from its full value. */
    void readingResumed(long connId) {
        suspended = false;
        timers.cancel(RIB);
        received(connId);
    }

    boolean suspended() {
        return suspended;
    }

    /** The connection ended: no timer of it runs any more. */
    void stop() {
        timers.cancel(HOLD);
        timers.cancel(KEEPALIVE);
        timers.cancel(SEND_HOLD);
        timers.cancel(RIB);
        holdTime = -1;
        established = false;
        suspended = false;
    }

    static Duration sendHoldTime(int holdTime) {
        Duration twice = Duration.ofSeconds(2L * holdTime);
        return twice.compareTo(MIN_SEND_HOLD) > 0 ? twice : MIN_SEND_HOLD;
    }

    private void startHold(long connId, int seconds) {
        timers.startSingleTimer(HOLD, new HoldExpired(connId), Duration.ofSeconds(seconds));
    }

    private void startSendHold(long connId) {
        Duration t = sendHoldTime(holdTime);
        sendHoldDeadline = clock.getAsLong() + t.toNanos();
        timers.startSingleTimer(SEND_HOLD, new SendHoldExpired(connId), t);
    }
}
