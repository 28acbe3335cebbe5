// `bgpekko run` as a process refuses, with exit code 1 and one `file:line:column: why` line, every configuration it
// cannot run: unreadable, too large, not UTF-8, empty, or asking what it cannot do (issue 10).
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bgpekko.testing.SpeakerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RunRefusesTest {
    @TempDir
    Path dir;

    /** Runs the speaker on {@code conf}; it must exit by itself with 1; returns its output. */
    private String refused(Path conf) throws IOException, InterruptedException {
        return refused(conf, Map.of("exabgp_log_enable", "false"));
    }

    private String refused(Path conf, Map<String, String> env) throws IOException, InterruptedException {
        Path log = dir.resolve("speaker.log");
        Process p = SpeakerProcess.start(1, env, log, conf);
        try {
            assertTrue(p.waitFor(40, TimeUnit.SECONDS), "the speaker did not exit: " + Files.readString(log));
            assertEquals(1, p.exitValue(), Files.readString(log));
            return Files.readString(log);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void anUnreadableFileIsNamedWithTheReason() throws Exception {
        Path missing = dir.resolve("missing.conf");
        assertEquals(missing + ":0:0: cannot read the file (no such file)\n", refused(missing));
    }

    @Test
    @Timeout(60)
    void invalidUtf8IsNamedWithItsLineAndColumn() throws Exception {
        Path f = Files.write(dir.resolve("latin1.conf"), ("neighbor 10.0.0.2 {\n    description \"caf\u00e9\";\n}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(f + ":2:21: the file is not valid UTF-8 (byte 0xE9; save it as UTF-8)\n", refused(f));
    }

    @Test
    @Timeout(60)
    void aConfigurationWithoutNeighborOrProcessDoesNotRunForever() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.conf"), "# nothing yet\n");
        assertEquals(f + ":1:1: the configuration has no neighbor and no process: there is nothing to run "
                + "(expected at least one neighbor IP { … } section)\n", refused(f));
    }

    @Test
    @Timeout(60)
    void aSplitOfMoreThanTwoToTheSixteenRoutesIsRefusedAtItsLength() throws Exception {
        Path f = Files.writeString(dir.resolve("split.conf"), "neighbor 127.0.0.1 {\n    router-id 10.0.0.2;\n"
                + "    local-address 127.0.0.1;\n    local-as 65000;\n    peer-as 65000;\n"
                + "    static { route 0.0.0.0/0 next-hop 10.0.0.1 split /31; }\n}\n");
        assertEquals(f + ":6:54: split /31 of 0.0.0.0/0 gives 2^31 routes (at most 2^16 per route, as for a helper "
                + "command)\n", refused(f));
    }

    @Test
    @Timeout(60)
    void aSettingItCannotApplyIsRefusedAtItsPosition() throws Exception {
        Path f = Files.writeString(dir.resolve("rate.conf"), "neighbor 127.0.0.1 {\n    router-id 10.0.0.2;\n"
                + "    local-address 127.0.0.1;\n    local-as 65000;\n    peer-as 65000;\n"
                + "    rate-limit 100;\n}\n");
        assertEquals(f + ":6:5: rate-limit is not supported by bgpekko yet (bgpekko does not pace the messages of a "
                + "neighbor; remove the line or write rate-limit disable)\n", refused(f));
    }

    @Test
    @Timeout(60)
    void tcpMd5AndGtsmAreRefusedWhereTheNativeTransportIsMissing() throws Exception {
        // Netty's switch stands for a platform without the epoll library (not Linux, not x86_64, a failed load)
        Path f = Files.writeString(dir.resolve("md5.conf"), "neighbor 127.0.0.1 {\n    router-id 10.0.0.2;\n"
                + "    local-address 127.0.0.1;\n    local-as 65000;\n    peer-as 65000;\n"
                + "    incoming-ttl 255;\n    md5-password secret;\n}\n");
        String out = refused(f, Map.of("exabgp_log_enable", "false",
                "JAVA_TOOL_OPTIONS", "-Dio.netty.transport.noNative=true"));
        assertTrue(out.endsWith(f + ":6:5: incoming-ttl needs Netty's native epoll transport (Linux x86_64), which "
                + "is not available here: Native transport was explicit disabled with "
                + "-Dio.netty.transport.noNative=true\n"), out);
    }

    @Test
    @Timeout(60)
    void anEnvironmentSettingItCannotApplyIsRefusedAndAPythonKnobWarned() throws Exception {
        String out = refused(dir.resolve("never-read.conf"), Map.of("exabgp_daemon_daemonize", "true",
                "exabgp_reactor_speed", "0.5", "exabgp_daemon_drop", "false"));
        assertTrue(out.contains("WARN  o.bgpekko.app.RunCommand - exabgp.reactor.speed=0.5 has no effect in bgpekko "
                + "(the loop time of ExaBGP's Python reactor)\n"), out);
        assertTrue(out.endsWith("bgpekko run: exabgp.daemon.daemonize=true is not supported by bgpekko yet (bgpekko "
                + "runs in the foreground; run it under a service manager (systemd) that sets the user, umask and pid "
                + "file)\n"), out);
    }
}
