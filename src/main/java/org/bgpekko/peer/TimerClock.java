// The clock of the scheduler a Peer's timers run on: a simulation's virtual time, Pekko's ManualTime, or the JVM's.
package org.bgpekko.peer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.Scheduler;

/**
 * A deadline kept by a Peer (the send hold timer's, restarted at every message written) must be read on the clock
 * its timers fire by: the simulation's {@code VirtualScheduler} tells its virtual time ({@link #nanoTime}); Pekko's
 * test scheduler (ManualTime, {@code ExplicitlyTriggeredScheduler}) tells its own by {@code currentTimeMs()}; any
 * other scheduler runs on real time, {@link System#nanoTime}.
 */
public interface TimerClock {
    /** Nanoseconds on this scheduler's clock (any origin; only differences count). */
    long nanoTime();

    /** The clock of {@code scheduler}. */
    static LongSupplier of(Scheduler scheduler) {
        if (scheduler instanceof TimerClock c) {
            return c::nanoTime;
        }
        MethodHandle ms;
        try {
            ms = MethodHandles.publicLookup().findVirtual(scheduler.getClass(), "currentTimeMs",
                    MethodType.methodType(long.class)).bindTo(scheduler);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return System::nanoTime;
        }
        return () -> {
            try {
                return (long) ms.invokeExact() * 1_000_000L;
            } catch (Throwable t) {
                throw new IllegalStateException("the scheduler's clock failed", t);
            }
        };
    }
}
