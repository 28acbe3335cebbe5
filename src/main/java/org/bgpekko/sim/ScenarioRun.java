// Runs a scenario: builds the simulation from its plan, fires its events, checks its assertions, samples the tables.
package org.bgpekko.sim;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.bgpekko.sim.ScenarioCheck.Plan;
import org.bgpekko.sim.ScenarioCheck.PlannedAssertion;
import org.bgpekko.sim.ScenarioCheck.PlannedEvent;
import org.bgpekko.sim.ScenarioCheck.PlannedMember;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * One random stream (the seed) draws every member's routes in member order, a second one (seed + 1) what events
 * draw, so the same scenario and seed give the same run. The routes held by each member are sampled
 * {@link #SAMPLES} times over the run for the report's plot.
 */
public final class ScenarioRun {
    static final int SAMPLES = 200;

    /** One member's line of the summary table. */
    public record Row(String name, long asn, String state, int routes, long updates, long sessionsUp, long dropped,
                      long lastChangeNanos) {}

    /** One assertion's outcome. */
    public record Outcome(String text, boolean ok, String detail) {}

    /** What a run gives: the table, the assertions' outcomes, the log's digest, the samples of routes held. */
    public record Result(String name, long seed, Duration until, List<Row> rows, List<Outcome> outcomes,
                         String digest, long events, long wallMillis, long peakHeapBytes, long[] sampleNanos,
                         Map<String, int[]> samples, Set<String> eventMembers, long foreignPosts) {
        public boolean ok() {
            return outcomes.stream().allMatch(Outcome::ok);
        }

        public List<Outcome> failed() {
            return outcomes.stream().filter(o -> !o.ok()).toList();
        }
    }

    private ScenarioRun() {}

    /**
     * @param seed the seed (null: the scenario's)
     * @param until the end (null: the scenario's)
     * @param events where the JSONL event log goes (null: nowhere; its digest is still made)
     * @param progress gets a progress line from time to time (wall clock: it is not part of the run)
     */
    public static Result run(Scenario scenario, Long seed, Duration until, Writer events, Consumer<String> progress) {
        Plan plan = ScenarioCheck.plan(scenario);
        long s = seed == null ? plan.seed() : seed;
        Duration end = until == null ? plan.until() : until;
        long wallStart = System.nanoTime();
        Random routes = new Random(s);
        LongSet used = new LongOpenHashSet(); // membership only, never iterated
        Simulation.Builder b = Simulation.builder().seed(s).latency(plan.latency()).logUpdates(plan.logUpdates())
                .config(plan.configFile(), plan.configText()).template(plan.template());
        if (events != null) {
            b.events(events);
        }
        plan.helpers().forEach(b::helper);
        for (PlannedMember m : plan.members()) {
            Map<Long, PathAttributes> table = m.routes() == null || m.routes().count() == 0 ? Map.of()
                    : RouteGenerator.routes(routes, m.routes(), m.routes().count(), m.asn(), address(m.address()),
                    used);
            b.member(m.name(), m.asn(), m.address(), m.holdTime(), table);
        }
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> eventMembers = new LinkedHashSet<>();
        try (Simulation sim = b.start()) {
            Random draws = new Random(s + 1);
            for (PlannedEvent e : plan.events()) {
                if (!e.action().equals("helper-restart")) {
                    eventMembers.addAll(e.targets());
                }
                schedule(sim, plan, e, draws, routes, used);
            }
            for (PlannedAssertion a : plan.assertions()) {
                if (a.at() != null) {
                    sim.at(a.at(), () -> outcomes.add(check(sim, a)));
                }
            }
            List<SimMember> members = sim.members();
            long step = Math.max(1, end.toNanos() / SAMPLES);
            long[] times = new long[SAMPLES + 1];
            Map<String, int[]> samples = new LinkedHashMap<>();
            members.forEach(m -> samples.put(m.name(), new int[SAMPLES + 1]));
            long lastPrint = 0;
            long peak = 0;
            for (int k = 0; k <= SAMPLES; k++) {
                long t = Math.min(end.toNanos(), k * step);
                sim.runUntil(Duration.ofNanos(t));
                times[k] = t;
                for (SimMember m : members) {
                    samples.get(m.name())[k] = m.routeCount();
                }
                Runtime rt = Runtime.getRuntime();
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                long now = System.nanoTime();
                if (progress != null && (now - lastPrint > 250_000_000L || k == SAMPLES)) {
                    lastPrint = now;
                    progress.accept(progressLine(t, end, members, sim.log().lines()));
                }
            }
            sim.runUntil(end);
            for (PlannedAssertion a : plan.assertions()) {
                if (a.at() == null) {
                    outcomes.add(check(sim, a));
                }
            }
            List<Row> rows = members.stream().map(m -> new Row(m.name(), m.asn(), m.state().name().toLowerCase(),
                    m.routeCount(), m.updates(), m.sessionsUp(), m.sessionsDropped(), m.lastChangeNanos())).toList();
            long wall = (System.nanoTime() - wallStart) / 1_000_000;
            return new Result(scenario.name() == null ? String.valueOf(scenario.file().getFileName())
                    : scenario.name(), s, end, rows, outcomes, sim.log().digest(), sim.log().lines(), wall, peak,
                    times, samples, eventMembers, sim.foreignPosts());
        }
    }

    private static String progressLine(long t, Duration end, List<SimMember> members, long events) {
        long up = members.stream().filter(SimMember::established).count();
        long held = members.stream().mapToLong(SimMember::routeCount).sum();
        return String.format(java.util.Locale.ROOT, "t=%8ss/%ss  sessions %d/%d up  routes held %,d  events %,d",
                Durations.seconds(t), Durations.seconds(end.toNanos()), up, members.size(), held, events);
    }

    private static void schedule(Simulation sim, Plan plan, PlannedEvent e, Random draws, Random routes,
                                 LongSet used) {
        var f = e.f();
        List<SimMember> targets = e.action().equals("helper-restart") ? List.of()
                : e.targets().stream().map(sim::member).toList();
        switch (e.action()) {
            case "down" -> sim.at(e.at(), () -> targets.forEach(m -> m.down(true)));
            case "drop" -> sim.at(e.at(), () -> targets.forEach(m -> m.down(false)));
            case "up" -> sim.at(e.at(), () -> targets.forEach(SimMember::up));
            case "stop-reading" -> sim.at(e.at(), () -> targets.forEach(SimMember::stopReading));
            case "resume-reading" -> sim.at(e.at(), () -> targets.forEach(SimMember::resumeReading));
            case "malformed" -> sim.at(e.at(), () -> targets.forEach(m -> m.sendMalformed(f.kind())));
            case "helper-restart" -> sim.at(e.at(), () -> {
                SimHelper h = sim.helper(e.targets().get(0));
                if (h != null) {
                    h.kill();
                }
            });
            case "reload" -> sim.at(e.at(), sim::reload);
            case "announce" -> sim.at(e.at(), () -> targets.forEach(m -> {
                Scenario.Routes spec = specOf(plan, m.name());
                m.announceAll(RouteGenerator.routes(routes, spec, f.count(), m.asn(), m.address(), used));
            }));
            case "withdraw" -> sim.at(e.at(), () -> targets.forEach(m -> {
                List<Long> own = m.ownKeys();
                int n = Math.min(f.count(), own.size());
                List<Long> pick = new ArrayList<>(own);
                java.util.Collections.shuffle(pick, draws);
                m.withdraw(pick.subList(0, n));
            }));
            case "flap" -> {
                Duration downFor = f.downFor() == null ? Duration.ofSeconds(10) : Durations.parse(f.downFor());
                Duration every = f.every() == null ? downFor.multipliedBy(2) : Durations.parse(f.every());
                int times = f.times() == null ? 1 : f.times();
                for (int k = 0; k < times; k++) {
                    Duration t = e.at().plus(every.multipliedBy(k));
                    sim.at(t, () -> targets.forEach(m -> m.down(false)));
                    sim.at(t.plus(downFor), () -> targets.forEach(SimMember::up));
                }
            }
            default -> throw new IllegalStateException("unplanned action " + e.action());
        }
    }

    private static Scenario.Routes specOf(Plan plan, String member) {
        for (PlannedMember m : plan.members()) {
            if (m.name().equals(member) && m.routes() != null) {
                return m.routes();
            }
        }
        return new Scenario.Routes(0, null, null, null, null);
    }

    private static Outcome check(Simulation sim, PlannedAssertion a) {
        var f = a.f();
        List<String> wrong = new ArrayList<>();
        if (f.convergedBefore() != null) {
            long quiet = f.quiet() == null ? 1_000_000_000L : Durations.parse(f.quiet()).toNanos();
            long t = sim.now().toNanos();
            for (String name : a.targets()) {
                SimMember m = sim.member(name);
                if (!m.established()) {
                    wrong.add(name + " not established");
                } else if (m.lastChangeNanos() > t - quiet) {
                    wrong.add(name + " changed at " + Durations.seconds(m.lastChangeNanos()) + "s");
                }
            }
        } else if (Boolean.TRUE.equals(f.noSessionDropped())) {
            for (String name : a.targets()) {
                SimMember m = sim.member(name);
                if (m.sessionsDropped() > 0) {
                    wrong.add(name + " dropped " + m.sessionsDropped() + " time(s)");
                }
            }
        } else {
            for (String name : a.targets()) {
                int held = sim.member(name).routeCount();
                boolean ok = f.routes() != null ? held == f.routes() : held >= f.routesAtLeast();
                if (!ok) {
                    wrong.add(name + " holds " + held);
                }
            }
        }
        String detail = wrong.isEmpty() ? "" : wrong.size() <= 5 ? String.join("; ", wrong)
                : String.join("; ", wrong.subList(0, 5)) + "; and " + (wrong.size() - 5) + " more";
        return new Outcome(a.text(), wrong.isEmpty(), detail);
    }

    private static InetAddress address(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
