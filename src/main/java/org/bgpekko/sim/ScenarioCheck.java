// Checks what a scenario's entries refer to and resolves it into a plan: members, helpers, timed events, checks.
package org.bgpekko.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.sim.Scenario.AssertionFields;
import org.bgpekko.sim.Scenario.EventFields;
import org.bgpekko.sim.ScenarioException.Where;

final class ScenarioCheck {
    private ScenarioCheck() {}

    static final long FIRST_ASN = 64501;

    record PlannedMember(String name, String group, long asn, String address, int holdTime, Scenario.Routes routes) {}

    record PlannedEvent(Duration at, Where where, EventFields f, String action, List<String> targets) {}

    record PlannedAssertion(Duration at, Where where, AssertionFields f, List<String> targets, String text) {}

    record Plan(Scenario scenario, List<PlannedMember> members, Map<String, List<String>> groups, Path configFile,
                String configText, String template, Map<String, List<SimHelper.Step>> helpers,
                List<PlannedEvent> events, List<PlannedAssertion> assertions, Duration until, Duration latency,
                long seed, boolean logUpdates) {}

    static void check(Scenario s) {
        plan(s);
    }

    static Plan plan(Scenario s) {
        Path file = s.file();
        Where top = new Where(1, 1);
        List<PlannedMember> members = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        long nextAsn = FIRST_ASN;
        int index = 0;
        if (s.members().isEmpty()) {
            throw new ScenarioException(file, top, "no members (a list under 'members:')");
        }
        for (Scenario.Member m : s.members()) {
            var f = m.f();
            if (f.name() == null || !f.name().matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                throw new ScenarioException(file, m.where(), "a member needs a name of letters, digits, _ . - "
                        + "(starting with a letter)");
            }
            int count = f.count() == null ? 1 : f.count();
            if (count < 1 || count > 100_000) {
                throw new ScenarioException(file, m.where(), "count must be 1 to 100000, not " + count);
            }
            long asn = f.asn() == null ? nextAsn : f.asn();
            if (asn < 1 || asn + count - 1 > 0xFFFFFFFFL) {
                throw new ScenarioException(file, m.where(), "asn out of range: " + asn);
            }
            int hold = f.holdTime() == null ? 90 : f.holdTime();
            if (hold != 0 && hold < 3) {
                throw new ScenarioException(file, m.where(), "hold-time must be 0 or at least 3");
            }
            checkRoutes(file, m.where(), f.routes());
            List<String> names = new ArrayList<>();
            int width = String.valueOf(count).length();
            for (int i = 1; i <= count; i++) {
                String name = count == 1 ? f.name() : f.name() + String.format("%0" + Math.max(2, width) + "d", i);
                if (groups.containsKey(name)) {
                    throw new ScenarioException(file, m.where(), "member name " + name + " is used twice");
                }
                index++;
                members.add(new PlannedMember(name, f.name(), asn + i - 1, Simulation.memberAddress(index), hold,
                        f.routes()));
                names.add(name);
                groups.put(name, List.of(name));
            }
            if (count > 1) {
                if (groups.containsKey(f.name())) {
                    throw new ScenarioException(file, m.where(), "member name " + f.name() + " is used twice");
                }
                groups.put(f.name(), List.copyOf(names));
            }
            nextAsn = Math.max(nextAsn, asn + count);
        }
        groups.put("all", members.stream().map(PlannedMember::name).toList());

        var rs = s.routeServer() == null ? new Scenario.RouteServer(null, null, null) : s.routeServer();
        if (rs.config() != null && rs.configFile() != null) {
            throw new ScenarioException(file, top, "route-server has both config and config-file: give one");
        }
        Path configFile = file.resolveSibling(file.getFileName() + " (route-server config)");
        String configText = rs.config() == null ? "" : rs.config();
        if (rs.configFile() != null) {
            configFile = file.toAbsolutePath().resolveSibling(rs.configFile()).normalize();
            try {
                configText = Files.readString(configFile);
            } catch (IOException e) {
                throw new ScenarioException(file, top, "cannot read route-server config-file " + configFile + ": "
                        + e.getMessage());
            }
        }

        Map<String, List<SimHelper.Step>> helpers = new LinkedHashMap<>();
        for (Scenario.Helper h : s.helpers()) {
            if (h.name() == null || h.script() == null) {
                throw new ScenarioException(file, top, "a helper needs a name and a script");
            }
            List<SimHelper.Step> steps = new ArrayList<>();
            for (Scenario.Step st : h.script()) {
                if (st.lines() == null || st.lines().isEmpty()) {
                    throw new ScenarioException(file, top, "helper " + h.name() + ": a step needs lines");
                }
                steps.add(new SimHelper.Step(duration(file, top, st.at(), "at"), st.lines()));
            }
            helpers.put(h.name(), steps);
        }

        List<PlannedEvent> events = new ArrayList<>();
        Duration last = Duration.ZERO;
        for (Scenario.Event e : s.events()) {
            PlannedEvent pe = event(file, e, groups, helpers);
            events.add(pe);
            last = max(last, pe.at());
            if (pe.action().equals("flap")) {
                Duration every = pe.f().every() == null ? Duration.ZERO : duration(file, e.where(), pe.f().every(),
                        "every");
                int times = pe.f().times() == null ? 1 : pe.f().times();
                last = max(last, pe.at().plus(every.multipliedBy(times)));
            }
        }
        List<PlannedAssertion> assertions = new ArrayList<>();
        for (Scenario.Assertion a : s.assertions()) {
            PlannedAssertion pa = assertion(file, a, groups);
            assertions.add(pa);
            if (pa.at() != null) {
                last = max(last, pa.at());
            }
        }
        Duration until = s.until() == null ? last.plus(Duration.ofSeconds(30)) : duration(file, top, s.until(),
                "until");
        Duration latency = s.latency() == null ? Duration.ofMillis(1) : duration(file, top, s.latency(), "latency");
        return new Plan(s, members, groups, configFile, configText,
                rs.template() == null ? "member" : rs.template(), helpers, events, assertions, until, latency,
                s.seed() == null ? 1 : s.seed(), s.logUpdates() == null || s.logUpdates());
    }

    private static void checkRoutes(Path file, Where w, Scenario.Routes r) {
        if (r == null) {
            return;
        }
        if (r.count() == null || r.count() < 0 || r.count() > 10_000_000) {
            throw new ScenarioException(file, w, "routes needs a count (0 to 10000000)");
        }
        if (r.prefixLengths() != null) {
            for (var e : r.prefixLengths().entrySet()) {
                if (e.getKey() < 8 || e.getKey() > 32 || e.getValue() < 0) {
                    throw new ScenarioException(file, w, "prefix-lengths: lengths 8 to 32, weights >= 0");
                }
            }
        }
        range(file, w, r.asPathLength(), "as-path-length", 1, 64);
        range(file, w, r.communities(), "communities", 0, 64);
        if (r.attributeSets() != null && r.attributeSets() < 1) {
            throw new ScenarioException(file, w, "attribute-sets must be at least 1");
        }
    }

    private static void range(Path file, Where w, List<Integer> r, String what, int min, int max) {
        if (r != null && (r.size() != 2 || r.get(0) < min || r.get(1) > max || r.get(0) > r.get(1))) {
            throw new ScenarioException(file, w, what + " is [min, max] with " + min + " <= min <= max <= " + max);
        }
    }

    private static final List<String> ACTIONS = List.of("down", "drop", "up", "flap", "stop-reading",
            "resume-reading", "malformed", "announce", "withdraw", "helper-restart", "reload");

    private static PlannedEvent event(Path file, Scenario.Event e, Map<String, List<String>> groups,
                                      Map<String, List<SimHelper.Step>> helpers) {
        EventFields f = e.f();
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "down", f.down());
        put(set, "drop", f.drop());
        put(set, "up", f.up());
        put(set, "flap", f.flap());
        put(set, "stop-reading", f.stopReading());
        put(set, "resume-reading", f.resumeReading());
        put(set, "malformed", f.malformed());
        put(set, "announce", f.announce());
        put(set, "withdraw", f.withdraw());
        put(set, "helper-restart", f.helperRestart());
        put(set, "reload", Boolean.TRUE.equals(f.reload()) ? "" : null);
        if (set.size() != 1) {
            throw new ScenarioException(file, e.where(), "an event needs exactly one of " + ACTIONS + ", not "
                    + set.keySet());
        }
        if (f.at() == null) {
            throw new ScenarioException(file, e.where(), "an event needs 'at' (a virtual time, like 30s)");
        }
        Duration at = duration(file, e.where(), f.at(), "at");
        String action = set.keySet().iterator().next();
        String target = (String) set.get(action);
        List<String> targets = List.of();
        switch (action) {
            case "reload" -> { }
            case "helper-restart" -> {
                if (!helpers.containsKey(target)) {
                    throw new ScenarioException(file, e.where(), "no helper named " + target);
                }
                targets = List.of(target);
            }
            default -> targets = members(file, e.where(), target, groups);
        }
        if (action.equals("malformed") && !List.of("marker", "origin").contains(String.valueOf(f.kind()))) {
            throw new ScenarioException(file, e.where(), "malformed needs kind: marker or origin");
        }
        if ((action.equals("announce") || action.equals("withdraw")) && (f.count() == null || f.count() < 1)) {
            throw new ScenarioException(file, e.where(), action + " needs a count of routes (at least 1)");
        }
        if (action.equals("flap")) {
            if (f.times() != null && (f.times() < 1 || f.times() > 10_000)) {
                throw new ScenarioException(file, e.where(), "times must be 1 to 10000");
            }
            Duration downFor = f.downFor() == null ? Duration.ofSeconds(10) : duration(file, e.where(), f.downFor(),
                    "down-for");
            Duration every = f.every() == null ? downFor.multipliedBy(2) : duration(file, e.where(), f.every(),
                    "every");
            if (every.compareTo(downFor) <= 0) {
                throw new ScenarioException(file, e.where(), "every must be longer than down-for");
            }
        }
        return new PlannedEvent(at, e.where(), f, action, targets);
    }

    private static PlannedAssertion assertion(Path file, Scenario.Assertion a, Map<String, List<String>> groups) {
        AssertionFields f = a.f();
        int kinds = (f.routes() != null || f.routesAtLeast() != null ? 1 : 0)
                + (Boolean.TRUE.equals(f.noSessionDropped()) ? 1 : 0) + (f.convergedBefore() != null ? 1 : 0);
        if (kinds != 1) {
            throw new ScenarioException(file, a.where(), "an assertion needs exactly one of routes / routes-at-least "
                    + "(with member and at), no-session-dropped: true, converged-before");
        }
        String where = file.getFileName() + ":" + a.where().line();
        if (f.convergedBefore() != null) {
            Duration at = duration(file, a.where(), f.convergedBefore(), "converged-before");
            List<String> targets = members(file, a.where(), f.member() == null ? "all" : f.member(), groups);
            return new PlannedAssertion(at, a.where(), f, targets, where + " converged before "
                    + f.convergedBefore() + (f.member() == null ? "" : " (" + f.member() + ")"));
        }
        if (Boolean.TRUE.equals(f.noSessionDropped())) {
            List<String> targets = new ArrayList<>(groups.get("all"));
            if (f.except() != null) {
                for (String x : f.except()) {
                    targets.removeAll(members(file, a.where(), x, groups));
                }
            }
            return new PlannedAssertion(null, a.where(), f, targets, where + " no session dropped"
                    + (f.except() == null ? "" : " (except " + String.join(", ", f.except()) + ")"));
        }
        if (f.member() == null || f.at() == null) {
            throw new ScenarioException(file, a.where(), "a routes assertion needs member and at");
        }
        Duration at = duration(file, a.where(), f.at(), "at");
        List<String> targets = members(file, a.where(), f.member(), groups);
        String what = f.routes() != null ? "holds " + f.routes() : "holds at least " + f.routesAtLeast();
        return new PlannedAssertion(at, a.where(), f, targets, where + " " + f.member() + " " + what
                + " routes at " + f.at());
    }

    private static List<String> members(Path file, Where w, String name, Map<String, List<String>> groups) {
        List<String> m = groups.get(name);
        if (m == null) {
            throw new ScenarioException(file, w, "no member or member group named " + name);
        }
        return m;
    }

    private static void put(Map<String, Object> set, String key, Object value) {
        if (value != null) {
            set.put(key, value);
        }
    }

    static Duration duration(Path file, Where w, String text, String what) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, w, what + ": " + e.getMessage());
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
