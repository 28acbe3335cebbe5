// `bgpekko run` as a real process: SIGUSR1 reloads the next file and sends only the difference; SIGTERM sends Cease.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.bgpekko.peer.TestSide;
import org.bgpekko.testing.SpeakerProcess;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RunProcessTest {

    static String conf(String... prefixes) {
        StringBuilder routes = new StringBuilder();
        for (String p : prefixes) {
            routes.append("route ").append(p).append(" next-hop 10.0.0.1;\n");
        }
        return "neighbor 127.0.0.1 {\n router-id 10.0.0.2;\n local-address 127.0.0.1;\n local-as 65000;\n"
                + " peer-as 65000;\n family { ipv4 unicast; }\n static {\n" + routes + " }\n}\n";
    }

    @Test
    @Timeout(60)
    void reloadSendsTheDifferenceAndTerminationSendsCease(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("one.conf"), conf("1.0.0.0/24", "2.0.0.0/24"));
        Path second = Files.writeString(dir.resolve("two.conf"), conf("1.0.0.0/24", "3.0.0.0/24"));
        try (TestSide peer = new TestSide(0)) {
            Process speaker = SpeakerProcess.start(peer.port(), Map.of("exabgp_debug_rotate", "true",
                    "exabgp_log_enable", "false"), dir.resolve("speaker.log"), first, second);
            try {
                peer.server.setSoTimeout(40_000); // a JVM start on a busy 2-core machine
                peer.accept();
                peer.handshake();
                assertEquals(Set.of("+1.0.0.0/24", "+2.0.0.0/24"), changesUntilEndOfRib(peer));

                new ProcessBuilder("kill", "-USR1", String.valueOf(speaker.pid())).start().waitFor();
                List<String> diff = new ArrayList<>();
                while (diff.size() < 2) {
                    diff.addAll(changes(nextUpdate(peer)));
                }
                assertEquals(List.of("-2.0.0.0/24", "+3.0.0.0/24"), diff, "only the difference, withdrawal first");

                speaker.destroy(); // SIGTERM
                Notification n = nextNotification(peer);
                assertEquals(6, n.code());
                assertEquals(2, n.subcode(), "Cease / Administrative Shutdown");
                assertTrue(speaker.waitFor(10, TimeUnit.SECONDS), "the speaker exits after SIGTERM");
                assertEquals(0, speaker.exitValue());
            } finally {
                speaker.destroyForcibly();
            }
        }
    }

    static Set<String> changesUntilEndOfRib(TestSide peer) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Update u = nextUpdate(peer); u.endOfRibFamily().isEmpty(); u = nextUpdate(peer)) {
            out.addAll(changes(u));
        }
        return out;
    }

    private static List<String> changes(Update u) {
        List<String> out = new ArrayList<>();
        u.withdrawn().forEach(n -> out.add("-" + n.prefix()));
        u.nlri().forEach(n -> out.add("+" + n.prefix()));
        return out;
    }

    private static Update nextUpdate(TestSide peer) throws IOException {
        while (true) {
            BgpMessage m = MessageCodec.decode(peer.read(), SessionOptions.DEFAULT);
            if (m instanceof Update u) {
                return u;
            }
        }
    }

    private static Notification nextNotification(TestSide peer) throws IOException {
        while (true) {
            BgpMessage m = MessageCodec.decode(peer.read(), SessionOptions.DEFAULT);
            if (m instanceof Notification n) {
                return n;
            }
        }
    }
}
