// An in-JVM helper program: writes its script's command lines at virtual times, keeps the answers it reads.
package org.bgpekko.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.bgpekko.api.HelperChannel;
import org.bgpekko.api.HelperLauncher;

/**
 * What the ApiGateway runs for a configured {@code process} in the simulation, in place of a program with pipes.
 * Its script's times count from its own start, as a program's would: a helper restarted (by {@link #kill}, the
 * gateway respawning it) writes its script again from the beginning. Each step's lines arrive as one batch, as
 * lines a program writes back to back do. Answers and events are logged.
 */
public final class SimHelper implements HelperChannel {
    /** One write of the script: {@code lines} at {@code at} after the helper started. */
    public record Step(Duration at, List<String> lines) {
        public Step {
            lines = List.copyOf(lines);
        }
    }

    private final Simulation sim;
    private final String name;
    private final long pid;
    private final IntConsumer onExit;
    private final List<Runnable> timers = new ArrayList<>();
    private final StringBuilder answers = new StringBuilder();
    private int answerLines;
    private long events;
    private volatile boolean alive = true;

    private SimHelper(Simulation sim, String name, long pid, List<Step> script, Consumer<List<String>> onLines,
                      IntConsumer onExit) {
        this.sim = sim;
        this.name = name;
        this.pid = pid;
        this.onExit = onExit;
        for (Step s : script) {
            timers.add(sim.loop.after(s.at().toNanos(), () -> {
                if (alive) {
                    sim.logEvent("helper-write", "helper", name, "lines", s.lines());
                    onLines.accept(s.lines());
                }
            }));
        }
    }

    /** The launcher of a simulation's helpers: the scripts by process name. */
    static HelperLauncher launcher(Simulation sim, Map<String, List<Step>> scripts) {
        long[] pids = {1000};
        return (name, command, window, onLines, onExit) -> {
            List<Step> script = scripts.get(name);
            if (script == null) {
                throw new IOException("no simulated helper for process " + name);
            }
            SimHelper h = new SimHelper(sim, name, ++pids[0], script, onLines, onExit);
            sim.helperStarted(name, h);
            sim.logEvent("helper-start", "helper", name);
            return h;
        };
    }

    /** The helper dies (exit code 137, as a killed program): the gateway respawns it as configured. */
    public void kill() {
        if (!alive) {
            return;
        }
        alive = false;
        timers.forEach(Runnable::run);
        sim.logEvent("helper-exit", "helper", name);
        sim.loop.post(() -> onExit.accept(137));
    }

    public boolean alive() {
        return alive;
    }

    public long events() {
        return events;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean offerEvent(String text) {
        flushAnswers();
        events++;
        return true;
    }

    @Override
    public void answer(String line) {
        answers.append(line).append('\n');
        answerLines++;
    }

    @Override
    public void flushAnswers() {
        if (answerLines > 0) {
            String text = answers.toString();
            answers.setLength(0);
            answerLines = 0;
            sim.logEvent("helper-read", "helper", name, "text", text);
        }
    }

    @Override
    public void notice(String text) {
        flushAnswers();
    }

    @Override
    public void applied(int lines) {
    }

    @Override
    public long droppedEvents() {
        return 0;
    }

    @Override
    public int queued() {
        return 0;
    }

    @Override
    public void stop(long graceMillis) {
        alive = false;
    }
}
