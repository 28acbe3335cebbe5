// Every ExaBGP 5 environment setting, in ExaBGP's order, with its defaults and help (exabgp/environment/setup.py).
package org.bgpekko.config.env;

import static org.bgpekko.config.env.ValueType.BOOLEAN;
import static org.bgpekko.config.env.ValueType.ENCODER;
import static org.bgpekko.config.env.ValueType.INTEGER;
import static org.bgpekko.config.env.ValueType.IP_LIST;
import static org.bgpekko.config.env.ValueType.LOG_LEVEL;
import static org.bgpekko.config.env.ValueType.PORT;
import static org.bgpekko.config.env.ValueType.REAL;
import static org.bgpekko.config.env.ValueType.STRING;
import static org.bgpekko.config.env.ValueType.UMASK;
import static org.bgpekko.config.env.ValueType.USER;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class SettingCatalog {
    public static final String APPLICATION = "exabgp";

    /** The environment variable ExaBGP reads its own version from (exabgp/version.py); underscore form only. */
    public static final String VERSION_VARIABLE = "exabgp_version";

    /** Environment-only aliases of tcp.attempts (exabgp/environment/environment.py, Env.setup). */
    public static final List<String> CONNECTIONS_VARIABLES = List.of("exabgp.tcp.connections", "exabgp_tcp_connections");

    /** Variables ExaBGP sets or reads for its CLI plumbing; they are not settings, and are ignored here. */
    public static final Set<String> INTERNAL_VARIABLES = Set.of(
            "exabgp_api_cli_mode", "exabgp_cli_pipe", "exabgp_cli_socket", "exabgp_cli_transport",
            "exabgp_api_socketpath");

    /** bgpekko's own settings, which ExaBGP does not have (ExaBGP ignores them in its environment and file). */
    public static final Set<String> EXTENSIONS = Set.of("api.batch_window", "api.batch_latency");

    /** Sections `exabgp env` does not print (Env.iter_ini / iter_env). */
    public static final Set<String> HIDDEN_SECTIONS = Set.of("debug", "internal");

    private static final String LOG_DESTINATION = "where logging should log: syslog (or no setting) sends the data"
            + " to the local syslog, host:<location> to a remote syslog server, stdout to stdout, stderr to stderr,"
            + " <filename> to a file";

    public static final List<Setting> ALL = List.of(
            s("profile", "enable", BOOLEAN, "false", "toggle profiling of the code"),
            s("profile", "file", STRING, "", "profiling result file, none means stdout, no overwriting"),
            s("pdb", "enable", BOOLEAN, "false", "on program fault, start pdb the python interactive debugger"),
            s("daemon", "pid", STRING, "", "where to save the pid if we manage it"),
            s("daemon", "user", USER, "nobody", "user to run the program as"),
            s("daemon", "daemonize", BOOLEAN, "false", "should we run in the background"),
            s("daemon", "drop", BOOLEAN, "true", "drop privileges before forking processes"),
            s("daemon", "umask", UMASK, "0137", "run daemon with this umask, governs perms of logfiles etc."),
            s("log", "enable", BOOLEAN, "true", "enable logging to file or syslog"),
            s("log", "level", LOG_LEVEL, "INFO", "log message with at least the priority SYSLOG.<level>"),
            s("log", "destination", STRING, "stdout", LOG_DESTINATION),
            s("log", "all", BOOLEAN, "false", "report debug information for everything"),
            s("log", "configuration", BOOLEAN, "true", "report command parsing"),
            s("log", "reactor", BOOLEAN, "true", "report signal received, command reload"),
            s("log", "daemon", BOOLEAN, "true", "report pid change, forking, ..."),
            s("log", "processes", BOOLEAN, "true", "report handling of forked processes"),
            s("log", "network", BOOLEAN, "true", "report networking information (TCP/IP, network state,...)"),
            s("log", "statistics", BOOLEAN, "true", "report packet statistics"),
            s("log", "packets", BOOLEAN, "false", "report BGP packets sent and received"),
            s("log", "rib", BOOLEAN, "false", "report change in locally configured routes"),
            s("log", "message", BOOLEAN, "false", "report changes in route announcement on config reload"),
            s("log", "timers", BOOLEAN, "false", "report keepalives timers"),
            s("log", "routes", BOOLEAN, "false", "report received routes"),
            s("log", "parser", BOOLEAN, "false", "report BGP message parsing details"),
            s("log", "short", BOOLEAN, "true", "use short log format (not prepended with time,level,pid and source)"),
            s("tcp", "once", BOOLEAN, "false",
                    "only one tcp connection attempt per peer (for debuging scripts) - deprecated, use tcp.attempts"),
            s("tcp", "attempts", INTEGER, "0", "maximum tcp connection attempts per peer (0 for unlimited)"),
            s("tcp", "delay", INTEGER, "0",
                    "start to announce route when the minutes in the hours is a modulo of this number"),
            s("tcp", "bind", IP_LIST, "", "Space separated list of IPs to bind on when listening (no ip to disable)"),
            s("tcp", "port", PORT, "179", "port to bind on when listening"),
            s("tcp", "acl", BOOLEAN, "", "(experimental please do not use) unimplemented"),
            s("bgp", "passive", BOOLEAN, "false", "ignore the peer configuration and make all peers passive"),
            s("bgp", "openwait", INTEGER, "60",
                    "how many seconds we wait for an open once the TCP session is established"),
            s("cache", "attributes", BOOLEAN, "true",
                    "cache all attributes (configuration and wire) for faster parsing"),
            s("cache", "nexthops", BOOLEAN, "true", "cache routes next-hops (deprecated: next-hops are always cached)"),
            s("api", "ack", BOOLEAN, "true", "acknowledge api command(s) and report issues"),
            s("api", "chunk", INTEGER, "1", "maximum lines to print before yielding in show routes api"),
            s("api", "encoder", ENCODER, "json",
                    "(experimental) default encoder to use with with external API (text or json)"),
            s("api", "compact", BOOLEAN, "false", "shorter JSON encoding for IPv4/IPv6 Unicast NLRI"),
            s("api", "respawn", BOOLEAN, "true", "should we try to respawn helper processes if they dies"),
            s("api", "terminate", BOOLEAN, "false", "should we terminate ExaBGP if any helper process dies"),
            s("api", "cli", BOOLEAN, "true", "should we create a named pipe for the cli"),
            s("api", "pipename", STRING, "exabgp", "name to be used for the exabgp pipe"),
            s("api", "socketname", STRING, "exabgp", "name to be used for the exabgp Unix socket"),
            s("api", "batch_window", REAL, "2.0", "bgpekko: milliseconds without a new byte from a helper that end"
                    + " a batch of its lines (0: one read is one batch)"),
            s("api", "batch_latency", REAL, "20.0", "bgpekko: milliseconds a batch of a helper's lines may wait for"
                    + " more lines at most"),
            s("reactor", "speed", REAL, "1.0", "reactor loop time, use only if you understand the code."),
            s("reactor", "asyncio", BOOLEAN, "false", "use asyncio event loop instead of generator-based loop"),
            s("debug", "pdb", BOOLEAN, "false", "enable python debugger on errors"),
            s("debug", "memory", BOOLEAN, "false", "command line option --memory"),
            s("debug", "configuration", BOOLEAN, "false", "undocumented option: raise when parsing configuration errors"),
            s("debug", "selfcheck", BOOLEAN, "false", "does a self check on the configuration file"),
            s("debug", "route", STRING, "", "decode the route using the configuration"),
            s("debug", "defensive", BOOLEAN, "false", "generate random fault in the code in purpose"),
            s("debug", "rotate", BOOLEAN, "false", "rotate configurations file on reload (signal)"));

    private static final Map<String, Setting> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(Setting::key, x -> x, (a, b) -> a, LinkedHashMap::new));

    private SettingCatalog() {}

    private static Setting s(String section, String option, ValueType type, String defaultText, String help) {
        return new Setting(section, option, type, defaultText, help);
    }

    /** The setting named "section.option", if there is one. */
    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The setting, which must exist. */
    public static Setting get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("unknown setting " + key));
    }

    /** The sections, in ExaBGP's order. */
    public static Set<String> sections() {
        return ALL.stream().map(Setting::section).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The options of one section, in ExaBGP's order (empty for an unknown section). */
    public static List<String> options(String section) {
        return ALL.stream().filter(x -> x.section().equals(section)).map(Setting::option).toList();
    }
}
