// What `bgpekko run` does with each ExaBGP environment setting: applied; refused when it asks for something bgpekko
// cannot do yet; or accepted with a warning when it only tunes ExaBGP's Python internals. Nothing is read and ignored.
package org.bgpekko.config.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

public final class SettingSupport {
    /** How a setting is treated. */
    public enum Kind {
        /** bgpekko does what the setting says. */
        APPLIED,
        /** Refused (run exits with 1) when its value asks for what bgpekko cannot do yet. */
        REFUSED,
        /** A knob of ExaBGP's Python implementation with no meaning here: a warning when it is not the default. */
        NO_EFFECT
    }

    /**
     * @param unsupported the values that ask for what bgpekko cannot do (REFUSED), or that are not the default
     *     (NO_EFFECT); never true for an APPLIED setting
     * @param why the explanation given with the refusal or warning
     */
    public record Entry(String key, Kind kind, Predicate<Object> unsupported, String why) {}

    /** What {@link #check} found: lines to print, each naming the setting and its value. */
    public record Findings(List<String> refused, List<String> warnings) {}

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    private static final String FOREGROUND = "run it under a service manager (systemd) that sets the user, umask and "
            + "pid file";
    private static final String LOG_COMPONENTS = "bgpekko logs per component, not per ExaBGP topic; choose what to "
            + "log with exabgp.log.level, -d or a logback.xml";

    static {
        noEffect("profile.enable", "Python's profiler; profile the JVM with JDK Flight Recorder instead");
        noEffect("profile.file", "Python's profiler; profile the JVM with JDK Flight Recorder instead");
        noEffect("pdb.enable", "Python's debugger");
        refusedUnlessDefault("daemon.pid", "bgpekko writes no pid file yet; " + FOREGROUND);
        refusedUnlessDefault("daemon.user", "bgpekko does not change its user; " + FOREGROUND);
        refusedUnlessDefault("daemon.daemonize", "bgpekko runs in the foreground; " + FOREGROUND);
        applied("daemon.drop"); // false is what bgpekko does; true only matters as root, see check()
        refusedUnlessDefault("daemon.umask", "the JVM cannot set its umask; " + FOREGROUND);
        applied("log.enable");
        applied("log.level");
        refused("log.destination", v -> !v.equals("stdout") && !v.equals("stderr"),
                "bgpekko logs to stderr, as ExaBGP 5 does for stdout and stderr; redirect it, or give a logback.xml "
                        + "with -Dlogback.configurationFile=FILE for syslog or a file");
        applied("log.all"); // bgpekko logs every component at the chosen level: what log.all asks for
        for (String topic : List.of("configuration", "reactor", "daemon", "processes", "network", "statistics",
                "packets", "rib", "message", "timers", "routes", "parser", "short")) {
            noEffect("log." + topic, LOG_COMPONENTS);
        }
        applied("tcp.once"); // through tcp.attempts, as ExaBGP reads it
        applied("tcp.attempts");
        refusedUnlessDefault("tcp.delay", "bgpekko connects to its neighbors at once; remove the setting");
        applied("tcp.bind");
        applied("tcp.port");
        noEffect("tcp.acl", "ExaBGP does not implement it either");
        applied("bgp.passive");
        applied("bgp.openwait");
        noEffect("cache.attributes", "bgpekko always shares identical attribute sets");
        noEffect("cache.nexthops", "bgpekko always shares identical attribute sets");
        applied("api.ack");
        noEffect("api.chunk", "the pacing of ExaBGP's Python loop for show commands");
        noEffect("api.encoder", "ExaBGP 5 reads it but uses the encoder of each process, as bgpekko does");
        refusedUnlessDefault("api.compact", "the compact JSON form of unicast NLRI is not implemented; remove the "
                + "setting");
        applied("api.respawn");
        applied("api.terminate");
        applied("api.batch_window"); // bgpekko's own (docs/environment.md)
        applied("api.batch_latency");
        applied("api.cli"); // false is what bgpekko does: it has no CLI pipe or socket yet (docs/environment.md)
        noEffect("api.pipename", "bgpekko has no CLI pipe yet; helper processes are its API");
        noEffect("api.socketname", "bgpekko has no CLI socket yet; helper processes are its API");
        noEffect("reactor.speed", "the loop time of ExaBGP's Python reactor");
        noEffect("reactor.asyncio", "the event loop of ExaBGP's Python reactor");
        noEffect("debug.pdb", "Python's debugger");
        noEffect("debug.memory", "Python's memory report");
        applied("debug.configuration"); // a configuration error always stops bgpekko
        refusedUnlessDefault("debug.selfcheck", "check a configuration with bgpekko validate --dump instead");
        refusedUnlessDefault("debug.route", "decode a route with bgpekko decode instead");
        noEffect("debug.defensive", "fault injection in ExaBGP's Python code");
        applied("debug.rotate");
    }

    private SettingSupport() {}

    private static void put(String key, Kind kind, Predicate<Object> unsupported, String why) {
        SettingCatalog.get(key); // a typo here fails at class load, and SettingSupportTest covers every key
        TABLE.put(key, new Entry(key, kind, unsupported, why));
    }

    private static void applied(String key) {
        put(key, Kind.APPLIED, v -> false, "");
    }

    private static void refused(String key, Predicate<Object> unsupported, String why) {
        put(key, Kind.REFUSED, unsupported, why);
    }

    private static void refusedUnlessDefault(String key, String why) {
        Object byDefault = SettingCatalog.get(key).defaultValue();
        put(key, Kind.REFUSED, v -> !v.equals(byDefault), why);
    }

    private static void noEffect(String key, String why) {
        Object byDefault = SettingCatalog.get(key).defaultValue();
        put(key, Kind.NO_EFFECT, v -> !v.equals(byDefault), why);
    }

    /** How the setting {@code key} ("tcp.port") is treated. */
    public static Entry of(String key) {
        Entry e = TABLE.get(SettingCatalog.get(key).key());
        if (e == null) {
            throw new IllegalStateException("no support entry for " + key);
        }
        return e;
    }

    /**
     * The refusals and warnings for {@code s}; {@code root} is whether the process runs as root (ExaBGP would
     * then drop its privileges to exabgp.daemon.user, which bgpekko cannot do).
     */
    public static Findings check(Settings s, boolean root) {
        List<String> refused = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Setting setting : SettingCatalog.ALL) {
            Entry e = of(setting.key());
            Object value = s.get(setting.key());
            if (!e.unsupported().test(value)) {
                continue;
            }
            String named = setting.dottedName() + "=" + setting.write(value);
            if (e.kind() == Kind.REFUSED) {
                refused.add(named + " is not supported by bgpekko yet (" + e.why() + ")");
            } else {
                warnings.add(named + " has no effect in bgpekko (" + e.why() + ")");
            }
        }
        if (root && s.daemon().drop()) {
            warnings.add("running as root: bgpekko does not drop its privileges to exabgp.daemon.user ("
                    + FOREGROUND + ")");
        }
        return new Findings(refused, warnings);
    }
}
