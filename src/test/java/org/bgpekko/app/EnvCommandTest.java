// `bgpekko env` prints what `exabgp env` prints (ini, -e, -d), reads --env-file and -D, and fails in one line with exit 1.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgpekko.config.env.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandTest {
    /** The result of one command run. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Supplier<Map<String, String>> saved;
    private Map<String, String> environment = Map.of();

    @BeforeEach
    void isolate() {
        saved = EnvCommand.environment;
        EnvCommand.environment = () -> environment;
    }

    @AfterEach
    void restore() {
        EnvCommand.environment = saved;
    }

    private static Run env(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("env"));
        all.addAll(List.of(args));
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsTheDefaultsAsExabgpEnvDoes() {
        Run ini = env();
        assertEquals(0, ini.exit(), ini.err());
        assertEquals("", ini.err());
        assertEquals(Fixtures.lines("exabgp-env-defaults.ini.txt"), Fixtures.withoutExtensions(ini.lines()));
        assertEquals(Fixtures.lines("exabgp-env-defaults.env.txt"), Fixtures.withoutExtensions(env("-e").lines()));
        assertEquals(Fixtures.lines("exabgp-env-defaults.env.txt"), Fixtures.withoutExtensions(env("--env").lines()));
        Run diff = env("--diff");
        assertEquals(0, diff.exit());
        assertEquals("", diff.out());
    }

    @Test
    void printsWhatTheEnvironmentChanged() {
        environment = Map.of("exabgp_tcp_port", "1790", "exabgp.tcp.bind", "", "exabgp_api_ack", "false",
                "PATH", "/usr/bin", "EXABGP_ROOT", "/nonexistent");
        assertEquals(List.of("exabgp.tcp.port=1790", "exabgp.api.ack=false"), env("-d", "-e").lines());
        assertEquals(List.of("", "[exabgp.api]", "ack = false", "", "[exabgp.tcp]", "port = 1790"), env("-d").lines());
        assertTrue(env().lines().contains("bind = ''"));
    }

    @Test
    void readsTheEnvironmentFileAndCommandLineSettings() {
        environment = Map.of("exabgp_tcp_port", "2", "exabgp.tcp.port", "1790", "exabgp_log_level", "debug",
                "exabgp.reactor.speed", "0.25", "exabgp_daemon_umask", "022", "exabgp_api_ack", "off",
                "exabgp_tcp_once", "true", "exabgp.profile.file", "/tmp/p");
        String file = Fixtures.path("exabgp-case.env").toString();
        assertEquals(Fixtures.lines("exabgp-case.ini.txt"), Fixtures.withoutExtensions(env("--env-file", file).lines()));
        assertEquals(Fixtures.lines("exabgp-case-diff.env.txt"), Fixtures.withoutExtensions(env("-d", "-e", "--env-file", file).lines()));
        List<String> defined = env("-d", "-e", "--env-file", file, "-D", "exabgp.tcp.port=1791", "-D",
                "exabgp_tcp_attempts=3").lines();
        assertTrue(defined.contains("exabgp.tcp.port=1791"), defined.toString());
        assertTrue(defined.contains("exabgp.tcp.attempts=3"), defined.toString());
    }

    @Test
    void findsTheDefaultFileUnderExabgpRoot(@TempDir Path root) throws IOException {
        Path file = root.resolve("etc/exabgp/exabgp.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[exabgp.bgp]\npassive = true\n");
        environment = Map.of("EXABGP_ROOT", root.toString());
        assertEquals(List.of("exabgp.bgp.passive=true"), env("-d", "-e").lines());
    }

    @Test
    void errorsAreOneLineWithExitCodeOne(@TempDir Path dir) throws IOException {
        environment = Map.of("exabgp_tcp_prot", "1");
        Run unknown = env();
        assertEquals(1, unknown.exit());
        assertEquals("", unknown.out());
        assertEquals("bgpekko env: environment variable exabgp_tcp_prot: unknown setting tcp.prot"
                + " (tcp has once, attempts, delay, bind, port, acl)" + System.lineSeparator(), unknown.err());

        environment = Map.of();
        Run typed = env("-D", "exabgp.tcp.port=http");
        assertEquals(1, typed.exit());
        assertEquals("bgpekko env: command line setting exabgp.tcp.port: invalid value 'http' for tcp.port:"
                + " expected a TCP port, 0 to 65535", typed.err().strip());

        Path file = dir.resolve("bad.env");
        Files.writeString(file, "[exabgp.tcp]\nport = 179\nonce = sometimes\n");
        Run ini = env("--env-file", file.toString());
        assertEquals(1, ini.exit());
        assertEquals("bgpekko env: " + file + ":3: invalid value 'sometimes' for tcp.once: expected a boolean: true,"
                + " yes, on, enable or 1; false, no, off, disable, 0 or nothing", ini.err().strip());
        assertEquals(1, ini.err().lines().count());

        Run missing = env("--env-file", dir.resolve("missing.env").toString());
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().lines().count());
        assertTrue(missing.err().contains("cannot read the environment file"), missing.err());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Run run = env("--bogus");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown option: '--bogus'"), run.err());
    }
}
