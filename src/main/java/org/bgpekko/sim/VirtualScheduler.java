// Pekko's scheduler for a simulated ActorSystem: every timer is a timer of its SimLoop, in virtual time.
package org.bgpekko.sim;

import com.typesafe.config.Config;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.Scheduler;
import org.apache.pekko.event.LoggingAdapter;
import org.bgpekko.peer.TimerClock;
import scala.concurrent.ExecutionContext;
import scala.concurrent.duration.FiniteDuration;

/**
 * Configured as {@code pekko.scheduler.implementation}, with {@code bgpekko.sim.loop} naming the loop. A timer that
 * fires hands its task to the execution context it was given (an actor's dispatcher: the loop's ready queue). Its
 * clock ({@link TimerClock}) is the loop's virtual time, which Peers read for their deadlines.
 */
public final class VirtualScheduler implements Scheduler, TimerClock {
    private final SimLoop loop;

    public VirtualScheduler(Config config, LoggingAdapter log, ThreadFactory threadFactory) {
        this.loop = SimLoop.byId(config.getString("bgpekko.sim.loop"));
    }

    @Override
    public Cancellable scheduleOnce(FiniteDuration delay, Runnable runnable, ExecutionContext executor) {
        return new Once(delay.toNanos(), runnable, executor);
    }

    @Override
    public Cancellable schedule(FiniteDuration initialDelay, FiniteDuration interval, Runnable runnable,
                                ExecutionContext executor) {
        return new Repeating(initialDelay.toNanos(), Math.max(1, interval.toNanos()), runnable, executor);
    }

    @Override
    public long nanoTime() {
        return loop.nanos();
    }

    @Override
    public double maxFrequency() {
        return 1.0e9; // one tick per virtual nanosecond
    }

    private final class Once implements Cancellable {
        private final SimLoop.Timer timer;

        Once(long delay, Runnable runnable, ExecutionContext executor) {
            this.timer = loop.schedule(delay, () -> executor.execute(runnable));
        }

        @Override
        public boolean cancel() {
            return timer.cancel();
        }

        @Override
        public boolean isCancelled() {
            return timer.cancelled;
        }
    }

    private final class Repeating implements Cancellable {
        private final long interval;
        private final Runnable runnable;
        private final ExecutionContext executor;
        private SimLoop.Timer timer;
        private volatile boolean cancelled;

        Repeating(long delay, long interval, Runnable runnable, ExecutionContext executor) {
            this.interval = interval;
            this.runnable = runnable;
            this.executor = executor;
            this.timer = loop.schedule(delay, this::fire);
        }

        private void fire() {
            if (cancelled) {
                return;
            }
            timer = loop.schedule(interval, this::fire); // at a fixed rate: due times stay on the grid
            executor.execute(runnable);
        }

        @Override
        public synchronized boolean cancel() {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            timer.cancel();
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
