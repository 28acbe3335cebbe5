// The effective ExaBGP environment settings: a typed value for every setting, a typed view per section, and the version override.
package org.bgpekko.config.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param values  every setting of {@link SettingCatalog#ALL} by key ("tcp.port"), in catalog order, holding a value of
 *                its type's Java type (Boolean, Integer, Double, String, List of String, LogLevel, ApiEncoder)
 * @param version the program version ExaBGP reads from {@code exabgp_version} (the software-version capability and
 *                the JSON "exabgp" field), when set
 */
public record Settings(Map<String, Object> values, Optional<String> version) {
    public Settings {
        Objects.requireNonNull(version, "version");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Setting s : SettingCatalog.ALL) {
            Object v = values.get(s.key());
            if (v == null) {
                throw new IllegalArgumentException("no value for " + s.key());
            }
            copy.put(s.key(), checked(s, v));
        }
        if (values.size() != copy.size()) {
            throw new IllegalArgumentException("unknown settings in " + values.keySet());
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** ExaBGP's built-in defaults. */
    public static Settings defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        SettingCatalog.ALL.forEach(s -> values.put(s.key(), s.defaultValue()));
        return new Settings(values, Optional.empty());
    }

    /** The value of a setting by key ("tcp.port"). */
    public Object get(String key) {
        SettingCatalog.get(key);
        return values.get(key);
    }

    /** A copy with one setting changed (what ExaBGP's command-line flags do after loading, e.g. --passive). */
    public Settings with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(SettingCatalog.get(key).key(), value);
        return new Settings(changed, version);
    }

    /** Whether the setting holds ExaBGP's default (how `exabgp env --diff` decides). */
    public boolean isDefault(String key) {
        return SettingCatalog.get(key).defaultValue().equals(values.get(key));
    }

    public Profile profile() {
        return new Profile(bool("profile.enable"), text("profile.file"));
    }

    public Pdb pdb() {
        return new Pdb(bool("pdb.enable"));
    }

    public Daemon daemon() {
        return new Daemon(text("daemon.pid"), text("daemon.user"), bool("daemon.daemonize"), bool("daemon.drop"),
                integer("daemon.umask"));
    }

    public Log log() {
        return new Log(bool("log.enable"), (LogLevel) values.get("log.level"), text("log.destination"),
                bool("log.all"), bool("log.configuration"), bool("log.reactor"), bool("log.daemon"),
                bool("log.processes"), bool("log.network"), bool("log.statistics"), bool("log.packets"),
                bool("log.rib"), bool("log.message"), bool("log.timers"), bool("log.routes"), bool("log.parser"),
                bool("log.short"));
    }

    public Tcp tcp() {
        return new Tcp(bool("tcp.once"), integer("tcp.attempts"), integer("tcp.delay"),
                ValueType.castList(values.get("tcp.bind")), integer("tcp.port"), bool("tcp.acl"));
    }

    public Bgp bgp() {
        return new Bgp(bool("bgp.passive"), integer("bgp.openwait"));
    }

    public Cache cache() {
        return new Cache(bool("cache.attributes"), bool("cache.nexthops"));
    }

    public Api api() {
        return new Api(bool("api.ack"), integer("api.chunk"), (ApiEncoder) values.get("api.encoder"),
                bool("api.compact"), bool("api.respawn"), bool("api.terminate"), bool("api.cli"),
                text("api.pipename"), text("api.socketname"), (Double) values.get("api.batch_window"),
                (Double) values.get("api.batch_latency"));
    }

    public Reactor reactor() {
        return new Reactor((Double) values.get("reactor.speed"), bool("reactor.asyncio"));
    }

    public Debug debug() {
        return new Debug(bool("debug.pdb"), bool("debug.memory"), bool("debug.configuration"),
                bool("debug.selfcheck"), text("debug.route"), bool("debug.defensive"), bool("debug.rotate"));
    }

    /** exabgp.profile.*: profiling of the program. */
    public record Profile(boolean enable, String file) {}

    /** exabgp.pdb.*: start a debugger on faults. */
    public record Pdb(boolean enable) {}

    /** exabgp.daemon.*: pid file, user, backgrounding, privilege drop, umask (an int, e.g. 0137). */
    public record Daemon(String pid, String user, boolean daemonize, boolean drop, int umask) {}

    /** exabgp.log.*: where and what to log; shortFormat is log.short. */
    public record Log(boolean enable, LogLevel level, String destination, boolean all, boolean configuration,
            boolean reactor, boolean daemon, boolean processes, boolean network, boolean statistics, boolean packets,
            boolean rib, boolean message, boolean timers, boolean routes, boolean parser, boolean shortFormat) {}

    /** exabgp.tcp.*: listening (bind, port), connection attempts (0 = unlimited), delay, once (deprecated). */
    public record Tcp(boolean once, int attempts, int delay, List<String> bind, int port, boolean acl) {
        public Tcp {
            bind = List.copyOf(bind);
        }

        /** ExaBGP listens only when tcp.bind names at least one address. */
        public boolean listen() {
            return !bind.isEmpty();
        }
    }

    /** exabgp.bgp.*: force all peers passive, seconds to wait for an OPEN. */
    public record Bgp(boolean passive, int openwait) {}

    /** exabgp.cache.*: attribute caching. */
    public record Cache(boolean attributes, boolean nexthops) {}

    /**
     * exabgp.api.*: helper processes and the CLI; {@code batchWindow} and {@code batchLatency} (milliseconds) are
     * bgpekko's: when a batch of a helper's lines ends.
     */
    public record Api(boolean ack, int chunk, ApiEncoder encoder, boolean compact, boolean respawn, boolean terminate,
            boolean cli, String pipename, String socketname, double batchWindow, double batchLatency) {}

    /** exabgp.reactor.*: main loop time in seconds. */
    public record Reactor(double speed, boolean asyncio) {}

    /** exabgp.debug.*: internal switches, not printed by `env`. */
    public record Debug(boolean pdb, boolean memory, boolean configuration, boolean selfcheck, String route,
            boolean defensive, boolean rotate) {}

    private boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    private int integer(String key) {
        return (Integer) values.get(key);
    }

    private String text(String key) {
        return (String) values.get(key);
    }

    private static Object checked(Setting s, Object v) {
        if (!s.type().javaType().isInstance(v)) {
            throw new IllegalArgumentException(s.key() + " holds a " + s.type().javaType().getSimpleName()
                    + ", not " + v.getClass().getSimpleName());
        }
        if (v instanceof List<?> list) {
            if (!list.stream().allMatch(x -> x instanceof String ip && IpLiteral.isValid(ip))) {
                throw new IllegalArgumentException(s.key() + " holds IP addresses, not " + list);
            }
            return List.copyOf(list);
        }
        int max = s.type() == ValueType.PORT ? 65535 : s.type() == ValueType.UMASK ? 0777 : Integer.MAX_VALUE;
        if (v instanceof Integer i && (i < 0 || i > max)
                || v instanceof Double d && (!Double.isFinite(d) || d < 0)
                || s.type() == ValueType.USER && ValueType.unquote((String) v).isEmpty()) {
            throw new IllegalArgumentException(s.key() + ": " + v + " is not " + s.type().expected());
        }
        return v;
    }
}
