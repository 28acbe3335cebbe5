// Creates an ActorSystem whose dispatchers and scheduler are those of one SimLoop.
package org.bgpekko.sim;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.Props;

/**
 * The default and internal dispatchers run on the loop, the scheduler is the loop's virtual clock. Starting a system
 * waits (for its logger actor), so {@link #create} starts it on a thread of its own while the loop's thread runs the
 * tasks that start posts; the system's guardian spawns nothing, and what the simulation runs is spawned afterwards
 * from the loop's thread ({@link #spawn}): from then on every task is posted by the loop's thread.
 */
public final class SimSystem {
    private SimSystem() {}

    public static Config config(SimLoop loop) {
        Config sim = ConfigFactory.parseString("""
                pekko {
                  loglevel = "WARNING"
                  stdout-loglevel = "OFF"
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  scheduler.implementation = "org.bgpekko.sim.VirtualScheduler"
                  actor.default-dispatcher { executor = "org.bgpekko.sim.SimDispatcher", throughput = 16 }
                  actor.internal-dispatcher { executor = "org.bgpekko.sim.SimDispatcher", throughput = 16 }
                  coordinated-shutdown.run-by-jvm-shutdown-hook = off
                  jvm-shutdown-hooks = off
                }
                """)
                .withValue("bgpekko.sim.loop", ConfigValueFactory.fromAnyRef(loop.id))
                .withValue("pekko.actor.default-dispatcher.sim-loop", ConfigValueFactory.fromAnyRef(loop.id))
                .withValue("pekko.actor.internal-dispatcher.sim-loop", ConfigValueFactory.fromAnyRef(loop.id));
        return sim.withFallback(ConfigFactory.load());
    }

    /** Starts a simulated system whose guardian spawns what it is asked to ({@link SpawnProtocol}). */
    public static ActorSystem<SpawnProtocol.Command> create(SimLoop loop, String name) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                result.set(ActorSystem.create(SpawnProtocol.create(), name, config(loop)));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "sim-start-" + name);
        starter.setDaemon(true);
        starter.start();
        while (result.get() == null) {
            loop.runReady();
            LockSupport.parkNanos(100_000);
        }
        loop.runReady();
        loop.startsHere();
        if (result.get() instanceof Throwable e) {
            throw new IllegalStateException("the simulated actor system did not start: " + e, e);
        }
        @SuppressWarnings("unchecked")
        ActorSystem<SpawnProtocol.Command> system = (ActorSystem<SpawnProtocol.Command>) result.get();
        return system;
    }

    /** Spawns {@code behavior} under the system's guardian, on the loop; returns its reference. */
    public static <T> ActorRef<T> spawn(SimLoop loop, ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior,
                                        String name) {
        AtomicReference<ActorRef<T>> ref = new AtomicReference<>();
        ActorRef<ActorRef<T>> reply = system.systemActorOf(
                org.apache.pekko.actor.typed.javadsl.Behaviors.<ActorRef<T>>receiveMessage(r -> {
                    ref.set(r);
                    return org.apache.pekko.actor.typed.javadsl.Behaviors.stopped();
                }), "spawned-" + name, Props.empty());
        system.tell(new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), reply));
        loop.runReady();
        if (ref.get() == null) {
            throw new IllegalStateException("could not spawn " + name);
        }
        return ref.get();
    }
}
