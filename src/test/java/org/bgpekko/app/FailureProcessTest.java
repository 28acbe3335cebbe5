// Each part's failure outcome on a real process: Rib, helper gateway and guardian failures end in Cease and exit 70.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bgpekko.peer.TestSide;
import org.bgpekko.testing.SpeakerProcess;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before: nothing watched the Rib or the gateway; a Rib that threw stopped alone, and the process lived on
 * answering no helper and sending no UPDATE (issue 10), exit code 0 or none at all.
 */
class FailureProcessTest {

    /** A helper that writes its pid, answers the session's "up" with {@code line}, then only sleeps. */
    /**
     * The helper line whose handling fails: a valid command (a line that does not parse is answered by the reader
     * and never reaches the gateway's or the Rib's mailbox), found by its prefix in the message's text.
     */
    static final String FAULT_PREFIX = "9.9.9.0/24";
    static final String FAULT_LINE = "announce route " + FAULT_PREFIX + " next-hop 10.0.0.1";

    static Path helper(Path dir, String line) throws IOException {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\necho $$ > " + dir.resolve("helper.pid") + "\n"
                + "while read event; do case \"$event\" in *\" up\"*) echo '" + line + "'; exec sleep 600;; esac; done\n");
        script.toFile().setExecutable(true);
        return script;
    }

    static String conf(Path helper, String... neighbors) {
        StringBuilder sb = new StringBuilder("process helper { run " + helper + "; encoder text; }\n");
        for (String n : neighbors) {
            sb.append("neighbor ").append(n).append(" { router-id 10.0.0.2; local-address 127.0.0.1;")
                    .append(" local-as 65000; peer-as 65000; family { ipv4 unicast; }")
                    .append(" api { processes [ helper ]; neighbor-changes; }")
                    .append(" static { route 1.0.0.0/24 next-hop 10.0.0.1; } }\n");
        }
        return sb.toString();
    }

    /** Runs FaultyRun with a fault in {@code part}; the test peer takes its session up to End-of-RIB. */
    static void expectCeaseAndExit70(Path dir, String part, String trigger, Path... configs) throws Exception {
        expectCeaseAndExit70(dir, part, trigger, Map.of(), () -> { }, configs);
    }

    interface Step {
        void run() throws Exception;
    }

    static void expectCeaseAndExit70(Path dir, String part, String trigger, Map<String, String> env, Step afterUp,
                                     Path... configs) throws Exception {
        try (TestSide peer = new TestSide(0)) {
            java.util.Map<String, String> all = new java.util.HashMap<>(env);
            all.put("exabgp_log_enable", "false");
            Process speaker = SpeakerProcess.start(List.of(FaultyRun.class.getName(), part, trigger),
                    peer.port(), all, dir.resolve("speaker.log"), configs);
            try {
                peer.server.setSoTimeout(60_000); // a JVM start on a busy 2-core machine
                peer.accept();
                peer.socket.setSoTimeout(60_000);
                peer.handshake();
                afterUp.run();
                Notification n = nextNotification(peer);
                assertEquals(6, n.code(), "Cease");
                assertEquals(2, n.subcode(), "Administrative Shutdown");
                assertTrue(speaker.waitFor(30, TimeUnit.SECONDS), "the speaker exits");
                assertEquals(BgpSpeaker.EXIT_FAILURE, speaker.exitValue());
                long pid = Long.parseLong(Files.readString(dir.resolve("helper.pid")).strip());
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the helper is stopped");
            } finally {
                speaker.destroyForcibly();
            }
        }
    }

    static Notification nextNotification(TestSide peer) throws IOException {
        while (true) {
            BgpMessage m = MessageCodec.decode(peer.read(), SessionOptions.DEFAULT);
            if (m instanceof Notification n) {
                return n;
            }
        }
    }

    @Test
    @Timeout(180)
    void aRibFailureIsACleanShutdown(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("a.conf"), conf(helper(dir, FAULT_LINE), "127.0.0.1"));
        expectCeaseAndExit70(dir, "rib", FAULT_PREFIX, conf);
    }

    @Test
    @Timeout(180)
    void aHelperGatewayFailureIsACleanShutdown(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("a.conf"), conf(helper(dir, FAULT_LINE), "127.0.0.1"));
        expectCeaseAndExit70(dir, "api", FAULT_PREFIX, conf);
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            return "";
        }
    }

    /** The guardian fails starting a neighbour a reload added: the other sessions get their Cease. */
    @Test
    @Timeout(180)
    void aGuardianFailureIsACleanShutdown(@TempDir Path dir) throws Exception {
        Path helper = helper(dir, "version");
        Path first = Files.writeString(dir.resolve("one.conf"), conf(helper, "127.0.0.1"));
        Path second = Files.writeString(dir.resolve("two.conf"), conf(helper, "127.0.0.1", "127.0.0.99"));
        expectCeaseAndExit70(dir, "speaker", "127.0.0.99", Map.of("exabgp_debug_rotate", "true"), () -> {
            Thread.sleep(500); // the reload signal once the session is up
            // /proc, not ProcessHandle.Info: the JDK gives no command line when it is long (a long class path)
            long pid = ProcessHandle.current().children().filter(p -> cmdline(p).contains(FaultyRun.class.getName()))
                    .findFirst().orElseThrow().pid();
            new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
        }, first, second);
    }

    /** A Peer that fails: its session resets and a new Peer connects again; the process runs on (exit 0 later). */
    @Test
    @Timeout(180)
    void aPeerFailureResetsTheSessionAndReconnects(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\nwhile read event; do case \"$event\" in *\" up\"*)"
                + " if [ ! -f " + dir.resolve("once") + " ]; then touch " + dir.resolve("once")
                + "; echo 'neighbor 127.0.0.1 teardown 99'; fi;; esac; done\n");
        script.toFile().setExecutable(true);
        Path conf = Files.writeString(dir.resolve("a.conf"), conf(script, "127.0.0.1"));
        try (TestSide peer = new TestSide(0)) {
            Process speaker = SpeakerProcess.start(List.of(FaultyRun.class.getName(), "peer", "subcode=99"),
                    peer.port(), Map.of("exabgp_log_enable", "false"), dir.resolve("speaker.log"), conf);
            try {
                peer.server.setSoTimeout(60_000);
                peer.accept();
                peer.socket.setSoTimeout(60_000);
                peer.handshake();
                java.net.Socket first = peer.socket;
                // the Peer fails on the teardown: its connection closes, without a NOTIFICATION
                try {
                    while (true) {
                        BgpMessage m = MessageCodec.decode(peer.read(), SessionOptions.DEFAULT);
                        assertFalse(m instanceof Notification, "the failed Peer sends nothing more: " + m);
                    }
                } catch (java.io.EOFException | java.net.SocketException closed) {
                    // the session was reset
                }
                peer.accept();
                peer.socket.setSoTimeout(60_000);
                assertTrue(first != peer.socket);
                peer.handshake();
                assertEquals(java.util.Set.of("+1.0.0.0/24"), RunProcessTest.changesUntilEndOfRib(peer),
                        "the new session gets the whole Adj-RIB-Out");
                speaker.destroy();
                assertEquals(2, nextNotification(peer).subcode());
                assertTrue(speaker.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, speaker.exitValue());
            } finally {
                speaker.destroyForcibly();
            }
        }
    }

    /** The listener resumes: a connection it failed on is lost, the next one reaches its Peer. */
    @Test
    @Timeout(180)
    void aListenerFailureLosesOnlyTheConnectionItFailedOn(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("a.conf"), "neighbor 127.0.0.1 { router-id 10.0.0.2;"
                + " local-address 127.0.0.1; local-as 65000; peer-as 65000; passive true; family { ipv4 unicast; }"
                + " static { route 1.0.0.0/24 next-hop 10.0.0.1; } }\n");
        Process speaker = SpeakerProcess.start(List.of(FaultyRun.class.getName(), "listener", "Accepted"),
                port, Map.of("exabgp_log_enable", "false", "exabgp_tcp_bind", "127.0.0.1"),
                dir.resolve("speaker.log"), conf);
        try {
            boolean lost = false;
            // bounded in time too: a read blocked in a socket does not see the test's timeout
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            for (int attempt = 0; attempt < 120 && System.nanoTime() < deadline; attempt++) {
                try (java.net.Socket s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                    s.setSoTimeout(lost ? 15_000 : 3_000);
                    byte[] open = new java.io.DataInputStream(s.getInputStream()).readNBytes(19);
                    if (open.length == 19 && open[18] == 1) {
                        assertTrue(lost, "the first connection was the one the listener failed on");
                        return; // the speaker's OPEN: the listener handed the connection to the Peer
                    }
                    lost = true;
                } catch (java.net.ConnectException notYet) {
                    Thread.sleep(500); // the JVM is still starting
                } catch (java.net.SocketTimeoutException | java.net.SocketException dropped) {
                    lost = true; // dropped, or reset when the failed stream closed it
                }
            }
            throw new AssertionError("no connection reached the Peer");
        } finally {
            speaker.destroyForcibly();
        }
    }
}
