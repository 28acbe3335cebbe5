// The runner end to end with a scripted fake speaker process: environment, signals by PID, stop, failures.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseRunnerTest {
    private static final String M = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String U1 = M + "002F02000000154001010040020040030401010101400504000000641001" + "01";
    private static final String U2 = M + "002F02000000154001010040020040030402020202400504000000641002" + "02";

    @TempDir
    Path root;
    private Suite suite;
    private Path helpers;

    @BeforeEach
    void setUp() throws IOException {
        suite = new Suite(root, Suite.of(Path.of("").toAbsolutePath()).shared());
        Files.createDirectories(suite.ownCasesDir());
        helpers = root.resolve("helpers");
        Files.createDirectories(helpers.resolve("lib"));
        Files.writeString(helpers.resolve("tool.run"), "#!/bin/sh\n");
        helpers.resolve("tool.run").toFile().setExecutable(true);
        Files.writeString(helpers.resolve("lib").resolve("data.txt"), "x");
    }

    private CaseFile write(String name, List<String> script, String... msg) throws IOException {
        Path dir = suite.ownCasesDir();
        Files.writeString(dir.resolve(name + ".ci"), name + ".conf");
        Files.write(dir.resolve(name + ".msg"), List.of(msg));
        Files.write(dir.resolve(name + ".conf"), script);
        return CaseFile.load(dir, name);
    }

    private CaseRunner runner(boolean strict, int timeoutSeconds) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
                ScriptedSpeakerMain.class.getName());
        return new CaseRunner(suite, new CaseRunner.Settings(cmd, Duration.ofSeconds(timeoutSeconds), strict,
                root.resolve("work"), true, helpers));
    }

    private static Map<String, String> facts(Path work) throws IOException {
        var out = new java.util.LinkedHashMap<String, String>();
        for (String l : Files.readAllLines(work.resolve("facts.txt"))) {
            int eq = l.indexOf('=');
            out.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return out;
    }

    @Test
    void passesWithTheHarnessEnvironmentConfigCopyAndHelpers() throws Exception {
        CaseFile c = write("ok", List.of("env", "connect", "send " + FakeSpeaker.OPEN, "send " + U1, "wait-eof", "exit 0"),
                "option:tcp_connections:3", "1:raw:" + U1);
        CaseRunner.Result r = runner(true, 20).run(c, 0);
        assertTrue(r.passed(), r.reason() + "\n" + r.details());
        Path work = root.resolve("work").resolve("ok");
        Map<String, String> f = facts(work);
        assertEquals("", f.get("exabgp_tcp_bind"));
        assertEquals("3", f.get("exabgp_tcp_connections"));
        assertEquals("5.0.0-0+test", f.get("exabgp_version"));
        assertEquals("false", f.get("exabgp_api_cli"));
        assertEquals("true", f.get("exabgp_debug_rotate"));
        assertEquals("true", f.get("exabgp_debug_configuration"));
        assertEquals("false", f.get("exabgp_log_enable"));
        assertTrue(Integer.parseInt(f.get("exabgp_tcp_port")) > 0);
        assertEquals(work.resolve("ok.conf").toAbsolutePath().toString(), f.get("args"));
        assertTrue(Files.isExecutable(work.resolve("run").resolve("tool.run")));
        assertTrue(Files.isRegularFile(work.resolve("run").resolve("lib").resolve("data.txt")));
        assertTrue(Files.readString(work.resolve("peer.log")).contains("every group consumed"));
    }

    @Test
    void signalActionReachesTheSpeakerByPid() throws Exception {
        CaseFile c = write("sig", List.of("trap USR1", "connect", "send " + FakeSpeaker.OPEN, "send " + U1,
                        "await-signal", "send " + U2, "wait-eof", "exit 0"),
                "A1:raw:" + U1, "A2:signal:SIGUSR1", "A3:raw:" + U2);
        CaseRunner.Result r = runner(true, 20).run(c, 0);
        assertTrue(r.passed(), r.reason() + "\n" + r.details());
        assertTrue(Files.readString(root.resolve("work/sig/speaker.log")).contains("got the signal"));
    }

    @Test
    void aSpeakerThatStaysIsStoppedOrFailsUnderStrict() throws Exception {
        List<String> script = List.of("env", "connect", "send " + FakeSpeaker.OPEN, "send " + U1, "hang");
        CaseFile c = write("stays", script, "1:raw:" + U1);
        CaseRunner.Result lenient = runner(false, 20).run(c, 0);
        assertTrue(lenient.passed(), lenient.reason());
        long pid = Long.parseLong(facts(root.resolve("work/stays")).get("pid"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "speaker still running");
        CaseRunner.Result strict = runner(true, 3).run(c, 0);
        assertFalse(strict.passed());
        assertTrue(strict.reason().contains("did not exit by itself"), strict.reason());
    }

    @Test
    void unexpectedMessageReportsTheHexTheCandidatesAndTheSpeakerOutput() throws Exception {
        CaseFile c = write("bad", List.of("say hello from the fake", "connect", "send " + FakeSpeaker.OPEN,
                "send " + U2, "wait-eof", "exit 0"), "1:raw:" + U1);
        CaseRunner.Result r = runner(false, 20).run(c, 0);
        assertFalse(r.passed());
        assertTrue(r.reason().startsWith("unexpected message " + Hex.split(U2)), r.reason());
        assertTrue(r.details().contains(Hex.split(U1)), r.details());
        assertTrue(r.details().contains("| hello from the fake"), r.details());
    }

    @Test
    void timeoutAndEarlyExitAreFailures() throws Exception {
        CaseFile slow = write("slow", List.of("connect", "send " + FakeSpeaker.OPEN, "hang"), "1:raw:" + U1);
        CaseRunner.Result r = runner(false, 2).run(slow, 0);
        assertFalse(r.passed());
        assertEquals("timeout after 2 s", r.reason());
        assertTrue(r.details().contains("current group A1, 1 candidate(s) left"), r.details());
        CaseFile gone = write("gone", List.of("exit 3"), "1:raw:" + U1);
        CaseRunner.Result g = runner(false, 20).run(gone, 0);
        assertFalse(g.passed());
        assertEquals("the speaker exited with code 3 before the peer completed", g.reason());
    }

    @Test
    void runnerPrintsPassFailAndTheTotal() throws Exception {
        CaseFile good = write("good", List.of("connect", "send " + FakeSpeaker.OPEN, "send " + U1, "wait-eof"),
                "1:raw:" + U1);
        CaseFile bad = write("worse", List.of("exit 1"), "1:raw:" + U1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = Runner.execute(runner(false, 20), List.of(good, bad), 2, 2, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(out.contains("PASS good 2/2"), out);
        assertTrue(out.contains("FAIL worse 0/2"), out);
        assertTrue(out.contains("FAIL worse run 1 (the speaker exited with code 1"), out);
        assertTrue(out.strip().endsWith("1 passed, 1 failed"), out);
    }
}
