// The loop runs an ActorSystem's actors and timers on one thread, in virtual time.
package org.bgpekko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class SimLoopTest {
    record Tick(int n) {}

    @Test
    void timersFireInVirtualTimeOnTheLoopThread() {
        SimLoop loop = SimLoop.create();
        List<String> seen = new ArrayList<>();
        Thread main = Thread.currentThread();
        Behavior<Tick> b = Behaviors.withTimers(t -> {
            t.startTimerAtFixedRate("k", new Tick(0), Duration.ofSeconds(30));
            return Behaviors.receive(Tick.class).onMessage(Tick.class, m -> {
                seen.add(loop.nanos() / 1_000_000_000L + (Thread.currentThread() == main ? "" : "!"));
                return Behaviors.same();
            }).build();
        });
        ActorSystem<SpawnProtocol.Command> system = SimSystem.create(loop, "t");
        SimSystem.spawn(loop, system, b, "ticks");
        try {
            loop.runUntil(Duration.ofSeconds(100).toNanos());
            assertEquals(List.of("30", "60", "90"), seen);
            assertEquals(0, loop.foreignPosts());
        } finally {
            system.terminate();
            loop.runUntil(loop.nanos() + Duration.ofSeconds(30).toNanos());
            loop.close();
        }
    }
}
