// Reads the settings as ExaBGP 5's Env.setup does: dotted variable, then underscore variable, then the ini file, then
// the default; then the tcp.connections and tcp.once aliases. Command-line NAME=VALUE settings act as `env NAME=VALUE`.
package org.bgpekko.config.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

public final class EnvironmentLoader {
    private EnvironmentLoader() {}

    /** A variable's text and where it came from. */
    private record Variable(String name, String value, Source source) {}

    /**
     * The effective settings.
     *
     * @param env         the process environment; only names starting with {@code exabgp.} or {@code exabgp_} are read
     * @param cliSettings {@code NAME=VALUE} with NAME as in the environment; each replaces the variable of that name
     * @param iniFile     ExaBGP's ini file, when there is one
     * @throws EnvironmentException for an unknown setting, an ill-typed value or a malformed file
     */
    public static Settings load(Map<String, String> env, List<String> cliSettings, Optional<Path> iniFile) {
        return resolve(env, cliSettings, iniFile.map(IniFile::read));
    }

    /** As {@link #load(Map, List, Optional)} with an already parsed ini file (or none). */
    public static Settings loadParsed(Map<String, String> env, List<String> cliSettings, Optional<IniFile> ini) {
        return resolve(env, cliSettings, ini);
    }

    private static Settings resolve(Map<String, String> env, List<String> cli, Optional<IniFile> ini) {
        Map<String, Variable> vars = variables(env, cli);
        vars.values().forEach(EnvironmentLoader::checkName);
        ini.ifPresent(IniSettings::check);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : SettingCatalog.ALL) {
            Optional<Object> dotted = parse(s, vars.get(s.dottedName()));
            Optional<Object> underscore = parse(s, vars.get(s.underscoreName()));
            Optional<Object> file = ini.flatMap(f -> IniSettings.value(f, s));
            values.put(s.key(), dotted.or(() -> underscore).or(() -> file).orElseGet(s::defaultValue));
        }
        aliases(vars, values);
        Optional<String> version = Optional.ofNullable(vars.get(SettingCatalog.VERSION_VARIABLE)).map(Variable::value);
        return new Settings(values, version);
    }

    /** The exabgp variables of the environment, then the command line's replacing those of the same name. */
    private static Map<String, Variable> variables(Map<String, String> env, List<String> cli) {
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (String assignment : cli) {
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? assignment : assignment.substring(0, eq);
            if (eq <= 0 || !isExabgpName(name)) {
                throw new EnvironmentException(Source.commandLine(assignment),
                        "expected NAME=VALUE with NAME as in the environment, such as exabgp.tcp.port=1790");
            }
            vars.put(name, new Variable(name, assignment.substring(eq + 1), Source.commandLine(name)));
        }
        Map<String, String> sorted = new TreeMap<>(env);
        sorted.forEach((name, value) -> {
            if (isExabgpName(name) && !vars.containsKey(name)) {
                vars.put(name, new Variable(name, value, Source.environment(name)));
            }
        });
        return vars;
    }

    /** ExaBGP looks up exact, lower-case names; EXABGP_ROOT and the like are something else. */
    private static boolean isExabgpName(String name) {
        return name.startsWith(SettingCatalog.APPLICATION + ".") || name.startsWith(SettingCatalog.APPLICATION + "_");
    }

    private static void checkName(Variable v) {
        String name = v.name();
        if (name.equals(SettingCatalog.VERSION_VARIABLE) || SettingCatalog.CONNECTIONS_VARIABLES.contains(name)
                || SettingCatalog.INTERNAL_VARIABLES.contains(name)) {
            return;
        }
        int prefix = SettingCatalog.APPLICATION.length();
        String separator = name.substring(prefix, prefix + 1);
        // section, then option: an option may hold the separator itself (api.batch_window: exabgp_api_batch_window)
        String[] parts = name.substring(prefix + 1).split(Pattern.quote(separator), 2);
        String key = String.join(".", parts);
        if (parts.length == 2 && SettingCatalog.find(key).isPresent()) {
            return;
        }
        throw new EnvironmentException(v.source(), "unknown setting " + key + hint(parts, name));
    }

    private static String hint(String[] parts, String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return " (setting names are lower case, such as exabgp.tcp.port or exabgp_tcp_port)";
        }
        if (parts.length == 1 && parts[0].equals("version")) {
            return " (the version is read from exabgp_version only)";
        }
        List<String> options = SettingCatalog.options(parts[0]);
        if (!options.isEmpty()) {
            return " (" + parts[0] + " has " + String.join(", ", options) + ")";
        }
        return " (the sections are " + String.join(", ", SettingCatalog.sections()) + ")";
    }

    /** A variable's value read as the setting's type (ExaBGP converts only the variable it uses; every one is checked). */
    private static Optional<Object> parse(Setting s, Variable v) {
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(read(s, v.value(), v.source()));
    }

    /** Reads text as given (it is unquoted first), or fails naming the source, the setting and what was expected. */
    static Object read(Setting s, String text, Source source) {
        try {
            return s.type().read(ValueType.unquote(text));
        } catch (EnvironmentException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new EnvironmentException(source, "invalid value '" + text + "' for " + s.key() + ": " + e.getMessage());
        }
    }

    /**
     * Env.setup's backward compatibility: a non-empty exabgp.tcp.connections (or exabgp_tcp_connections) sets
     * tcp.attempts; otherwise a non-empty tcp.once variable, when no tcp.attempts variable is set, makes tcp.attempts
     * 1 (once true) or 0 (once false). The ini file plays no part in either.
     */
    private static void aliases(Map<String, Variable> vars, Map<String, Object> values) {
        Setting attempts = SettingCatalog.get("tcp.attempts");
        List<Variable> connections = new ArrayList<>();
        for (String name : SettingCatalog.CONNECTIONS_VARIABLES) {
            Optional.ofNullable(vars.get(name)).filter(EnvironmentLoader::isSet).ifPresent(connections::add);
        }
        connections.forEach(v -> parse(attempts, v));
        if (!connections.isEmpty()) {
            values.put(attempts.key(), parse(attempts, connections.get(0)).orElseThrow());
            return;
        }
        Setting once = SettingCatalog.get("tcp.once");
        if (isSet(vars.get(once.dottedName())) || isSet(vars.get(once.underscoreName()))) {
            if (!isSet(vars.get(attempts.dottedName())) && !isSet(vars.get(attempts.underscoreName()))) {
                values.put(attempts.key(), (Boolean) values.get(once.key()) ? 1 : 0);
            }
        }
    }

    /** Python's truth of os.environ.get(name): present and not empty. */
    private static boolean isSet(Variable v) {
        return v != null && !ValueType.unquote(v.value()).isEmpty();
    }
}
