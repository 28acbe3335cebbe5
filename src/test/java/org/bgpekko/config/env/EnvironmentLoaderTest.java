// The precedence of Env.setup (dotted variable, underscore variable, ini file, default; command line as `env NAME=VALUE`),
// the tcp.connections / tcp.once aliases, exabgp_version, and errors naming the setting and the source.
package org.bgpekko.config.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentLoaderTest {
    private static final IniFile PORT_1000 = IniFile.parse("test.env", "[exabgp.tcp]\nport = 1000\n");

    private static Settings load(Map<String, String> env, List<String> cli, Optional<IniFile> ini) {
        return EnvironmentLoader.loadParsed(env, cli, ini);
    }

    private static Settings load(Map<String, String> env) {
        return load(env, List.of(), Optional.empty());
    }

    private static String error(Map<String, String> env, List<String> cli, Optional<IniFile> ini) {
        return assertThrows(EnvironmentException.class, () -> load(env, cli, ini)).getMessage();
    }

    private static String error(Map<String, String> env) {
        return error(env, List.of(), Optional.empty());
    }

    @Test
    void nothingSetGivesTheDefaults() {
        assertEquals(Settings.defaults(), load(Map.of()));
        assertEquals(Settings.defaults(), EnvironmentLoader.load(Map.of(), List.of(), Optional.empty()));
    }

    @Test
    void unrelatedVariablesAreIgnored() {
        Map<String, String> env = Map.of("PATH", "/usr/bin", "HOME", "/root", "EXABGP_ROOT", "/opt/exabgp",
                "EXABGP_TCP_PORT", "1", "exabgp", "x", "exabgpx_tcp_port", "1", "MY_exabgp_tcp_port", "1");
        assertEquals(Settings.defaults(), load(env));
    }

    @Test
    void eachPrecedenceLevelBeatsTheNext() {
        Optional<IniFile> ini = Optional.of(PORT_1000);
        Map<String, String> env = new HashMap<>();
        List<String> cli = List.of("exabgp.tcp.port=1", "exabgp_tcp_port=3");
        env.put("exabgp.tcp.port", "2");
        env.put("exabgp_tcp_port", "4");
        // 1. command line, dotted
        assertEquals(1, load(env, cli, ini).tcp().port());
        // 2. environment, dotted
        assertEquals(2, load(env, List.of("exabgp_tcp_port=3"), ini).tcp().port());
        // 3. command line, underscore (beats the environment's underscore variable it replaces)
        env.remove("exabgp.tcp.port");
        assertEquals(3, load(env, List.of("exabgp_tcp_port=3"), ini).tcp().port());
        // 4. environment, underscore
        assertEquals(4, load(env, List.of(), ini).tcp().port());
        // 5. the ini file
        assertEquals(1000, load(Map.of(), List.of(), ini).tcp().port());
        // 6. the default
        assertEquals(179, load(Map.of(), List.of(), Optional.empty()).tcp().port());
    }

    @Test
    void theEnvironmentsDottedNameBeatsTheCommandLinesUnderscoreName() {
        Settings s = load(Map.of("exabgp.tcp.port", "2"), List.of("exabgp_tcp_port=3"), Optional.empty());
        assertEquals(2, s.tcp().port());
    }

    @Test
    void anEmptyBindMeansDoNotListen() {
        Settings s = load(Map.of("exabgp_tcp_bind", ""));
        assertEquals(List.of(), s.tcp().bind());
        assertFalse(s.tcp().listen());
        assertEquals(List.of(), load(Map.of("exabgp_tcp_bind", "''")).tcp().bind());
        Optional<IniFile> bound = Optional.of(IniFile.parse("f", "[exabgp.tcp]\nbind = 127.0.0.1\n"));
        assertEquals(List.of(), load(Map.of("exabgp.tcp.bind", ""), List.of(), bound).tcp().bind());
        assertEquals(List.of("127.0.0.1"), load(Map.of(), List.of(), bound).tcp().bind());
        Settings two = load(Map.of("exabgp.tcp.bind", "127.0.0.1 ::1"));
        assertEquals(List.of("127.0.0.1", "::1"), two.tcp().bind());
        assertTrue(two.tcp().listen());
    }

    @Test
    void valuesAreTypedAndUnquoted() {
        Settings s = load(Map.of("exabgp_api_ack", "no", "exabgp.api.respawn", "'false'", "exabgp_log_level", "debug",
                "exabgp_reactor_speed", " 0.5 ", "exabgp_daemon_umask", "022", "exabgp_api_encoder", "TEXT",
                "exabgp_log_destination", "\"/var/log/exabgp.log\""));
        assertFalse(s.api().ack());
        assertFalse(s.api().respawn());
        assertEquals(LogLevel.DEBUG, s.log().level());
        assertEquals(0.5, s.reactor().speed());
        assertEquals(022, s.daemon().umask());
        assertEquals(ApiEncoder.TEXT, s.api().encoder());
        assertEquals("/var/log/exabgp.log", s.log().destination());
    }

    @Test
    void anEmptyBooleanIsFalseAsInExabgp() {
        assertFalse(load(Map.of("exabgp_api_ack", "")).api().ack());
    }

    @Test
    void connectionsIsAnEnvironmentAliasOfAttemptsThatWins() {
        assertEquals(3, load(Map.of("exabgp_tcp_connections", "3")).tcp().attempts());
        assertEquals(3, load(Map.of("exabgp.tcp.connections", "3", "exabgp_tcp_attempts", "9")).tcp().attempts());
        assertEquals(4, load(Map.of("exabgp.tcp.connections", "4", "exabgp_tcp_connections", "3")).tcp().attempts());
        assertEquals(3, load(Map.of("exabgp.tcp.connections", "", "exabgp_tcp_connections", "3")).tcp().attempts());
        assertEquals(0, load(Map.of("exabgp.tcp.connections", "")).tcp().attempts());
        assertEquals(5, load(Map.of(), List.of("exabgp.tcp.connections=5"), Optional.empty()).tcp().attempts());
    }

    @Test
    void onceFromTheEnvironmentSetsAttemptsUnlessAttemptsIsGiven() {
        Settings once = load(Map.of("exabgp_tcp_once", "true"));
        assertTrue(once.tcp().once());
        assertEquals(1, once.tcp().attempts());
        assertEquals(0, load(Map.of("exabgp.tcp.once", "false")).tcp().attempts());
        assertEquals(5, load(Map.of("exabgp_tcp_once", "true", "exabgp_tcp_attempts", "5")).tcp().attempts());
        assertEquals(2, load(Map.of("exabgp_tcp_once", "true", "exabgp_tcp_connections", "2")).tcp().attempts());
        // ExaBGP's quirk: once=false from the environment resets attempts from the file to 0
        Optional<IniFile> seven = Optional.of(IniFile.parse("f", "[exabgp.tcp]\nattempts = 7\nonce = true\n"));
        assertEquals(0, load(Map.of("exabgp_tcp_once", "false"), List.of(), seven).tcp().attempts());
        // once in the file alone leaves attempts alone
        assertEquals(7, load(Map.of(), List.of(), seven).tcp().attempts());
        assertTrue(load(Map.of(), List.of(), seven).tcp().once());
        // an empty variable is not "given"
        assertEquals(7, load(Map.of("exabgp_tcp_once", ""), List.of(), seven).tcp().attempts());
    }

    @Test
    void theVersionOverrideComesFromExabgpVersion() {
        assertEquals(Optional.of("4.2.25"), load(Map.of("exabgp_version", "4.2.25")).version());
        assertEquals(Optional.of("5.0.0-test"),
                load(Map.of(), List.of("exabgp_version=5.0.0-test"), Optional.empty()).version());
        String message = error(Map.of("exabgp.version", "1"));
        assertTrue(message.contains("exabgp_version only"), message);
    }

    @Test
    void exabgpsInternalVariablesAreNotSettings() {
        Map<String, String> env = Map.of("exabgp_cli_pipe", "/run/exabgp/", "exabgp_cli_socket", "",
                "exabgp_api_cli_mode", "pipe", "exabgp_cli_transport", "socket", "exabgp_api_socketpath", "/x.sock");
        assertEquals(Settings.defaults(), load(env));
    }

    @Test
    void unknownVariablesAreErrorsNamingThem() {
        assertEquals("environment variable exabgp_tcp_prot: unknown setting tcp.prot"
                + " (tcp has once, attempts, delay, bind, port, acl)", error(Map.of("exabgp_tcp_prot", "1")));
        String section = error(Map.of("exabgp.tpc.port", "1"));
        assertTrue(section.startsWith("environment variable exabgp.tpc.port: unknown setting tpc.port (the sections are"),
                section);
        assertTrue(error(Map.of("exabgp_TCP_PORT", "1")).contains("lower case"));
        assertTrue(error(Map.of("exabgp.tcp_port", "1")).contains("unknown setting tcp_port"));
        assertTrue(error(Map.of("exabgp.tcp.port.x", "1")).contains("unknown setting tcp.port.x"));
        assertEquals("command line setting exabgp.api.acks: unknown setting api.acks (api has ack, chunk, encoder,"
                + " compact, respawn, terminate, cli, pipename, socketname, batch_window, batch_latency)",
                error(Map.of(), List.of("exabgp.api.acks=true"), Optional.empty()));
    }

    /** An option whose name holds an underscore is found from both variable forms (was: api.batch.window). */
    @Test
    void optionsWithAnUnderscoreAreFoundFromBothForms() {
        assertEquals(0.5, load(Map.of("exabgp_api_batch_window", "0.5")).api().batchWindow());
        assertEquals(7.0, load(Map.of("exabgp.api.batch_latency", "7")).api().batchLatency());
        assertTrue(error(Map.of("exabgp_api_batch_windows", "1")).contains("unknown setting api.batch_windows"));
    }

    @Test
    void malformedCommandLineSettingsAreErrors() {
        for (String bad : List.of("exabgp.tcp.port", "tcp.port=1", "=1", "PORT=1")) {
            String message = error(Map.of(), List.of(bad), Optional.empty());
            assertTrue(message.startsWith("command line setting " + bad + ": expected NAME=VALUE"), message);
        }
    }

    @Test
    void illTypedValuesAreErrorsNamingSettingSourceAndExpectation() {
        assertEquals("environment variable exabgp_tcp_port: invalid value 'abc' for tcp.port:"
                + " expected a TCP port, 0 to 65535", error(Map.of("exabgp_tcp_port", "abc")));
        assertEquals("command line setting exabgp.api.ack: invalid value 'enabled' for api.ack: expected a boolean:"
                + " true, yes, on, enable or 1; false, no, off, disable, 0 or nothing",
                error(Map.of(), List.of("exabgp.api.ack=enabled"), Optional.empty()));
        assertEquals("environment variable exabgp.tcp.bind: invalid value '127.0.0.1 localhost' for tcp.bind:"
                + " 'localhost' is not an IP address; expected IPv4 or IPv6 addresses separated by spaces,"
                + " or nothing for none", error(Map.of("exabgp.tcp.bind", "127.0.0.1 localhost")));
        assertTrue(error(Map.of("exabgp_log_level", "verbose")).contains("for log.level: expected a log level"));
        assertTrue(error(Map.of("exabgp_api_encoder", "xml")).contains("expected an API encoder: text or json"));
        assertTrue(error(Map.of("exabgp_reactor_speed", "fast")).contains("for reactor.speed: expected a decimal"));
        assertTrue(error(Map.of("exabgp_tcp_connections", "x")).contains("exabgp_tcp_connections: invalid value 'x'"
                + " for tcp.attempts"));
    }

    @Test
    void everyGivenValueIsCheckedEvenWhenAnotherWins() {
        String message = error(Map.of("exabgp.tcp.port", "1790", "exabgp_tcp_port", "x"));
        assertTrue(message.startsWith("environment variable exabgp_tcp_port:"), message);
        String file = error(Map.of("exabgp.tcp.port", "1790"), List.of(),
                Optional.of(IniFile.parse("exabgp.env", "[exabgp.tcp]\n\nport = x\n")));
        assertTrue(file.startsWith("exabgp.env:3: invalid value 'x' for tcp.port"), file);
    }

    @Test
    void theIniFileFeedsEverySection() {
        IniFile ini = IniFile.parse("f", String.join("\n", "[exabgp.api]", "ack = false", "encoder = text",
                "[exabgp.log]", "level = warning", "destination = '/tmp/exabgp.log'", "[exabgp.daemon]",
                "umask = '0o22'", "user = \"exabgp\"", "[exabgp.reactor]", "speed = 0.5", "[exabgp.debug]",
                "rotate = true"));
        Settings s = load(Map.of(), List.of(), Optional.of(ini));
        assertFalse(s.api().ack());
        assertEquals(ApiEncoder.TEXT, s.api().encoder());
        assertEquals(LogLevel.WARNING, s.log().level());
        assertEquals("/tmp/exabgp.log", s.log().destination());
        assertEquals(022, s.daemon().umask());
        assertEquals("exabgp", s.daemon().user());
        assertEquals(0.5, s.reactor().speed());
        assertTrue(s.debug().rotate());
    }

    @Test
    void unknownIniSectionsAndOptionsAreErrorsWithFileAndLine() {
        String section = error(Map.of(), List.of(), Optional.of(IniFile.parse("e.env", "[exabgp.tcp]\n[exabgp.tpc]\n")));
        assertTrue(section.startsWith("e.env:2: unknown section [exabgp.tpc] (the sections are [exabgp.profile],"),
                section);
        assertTrue(error(Map.of(), List.of(), Optional.of(IniFile.parse("e.env", "[tcp]\nport = 1\n")))
                .startsWith("e.env:1: unknown section [tcp]"));
        assertEquals("e.env:3: unknown option 'prot' in [exabgp.tcp] (it has once, attempts, delay, bind, port, acl)",
                error(Map.of(), List.of(), Optional.of(IniFile.parse("e.env", "[exabgp.tcp]\nport = 1\nprot = 2\n"))));
        String connections = error(Map.of(), List.of(),
                Optional.of(IniFile.parse("e.env", "[exabgp.tcp]\nconnections = 2\n")));
        assertTrue(connections.contains("from the environment only"), connections);
        assertEquals("e.env:2: unknown option 'colour' in [DEFAULT]: no section has it",
                error(Map.of(), List.of(), Optional.of(IniFile.parse("e.env", "[DEFAULT]\ncolour = blue\n"))));
    }

    @Test
    void aCaseCapturedFromExabgpGivesTheSameOutput() {
        Map<String, String> env = Map.of("exabgp_tcp_port", "2", "exabgp.tcp.port", "1790", "exabgp_log_level", "debug",
                "exabgp.reactor.speed", "0.25", "exabgp_daemon_umask", "022", "exabgp_api_ack", "off",
                "exabgp_tcp_once", "true", "exabgp.profile.file", "/tmp/p");
        Settings s = EnvironmentLoader.load(env, List.of(), Optional.of(Fixtures.path("exabgp-case.env")));
        assertEquals(Fixtures.lines("exabgp-case.ini.txt"), Fixtures.withoutExtensions(SettingsPrinter.ini(s, false)));
        assertEquals(Fixtures.lines("exabgp-case-diff.ini.txt"), Fixtures.withoutExtensions(SettingsPrinter.ini(s, true)));
        assertEquals(Fixtures.lines("exabgp-case-diff.env.txt"), Fixtures.withoutExtensions(SettingsPrinter.env(s, true)));
    }
}
