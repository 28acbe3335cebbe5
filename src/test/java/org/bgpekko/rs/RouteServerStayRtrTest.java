// Interoperation: RPKI origin validation against a real RTR server, Debian's stayrtr, serving a JSON file of ROAs on
// loopback; the file changes and a client's route flips valid -> invalid -> valid, with no session reset.
package org.bgpekko.rs;

import static org.bgpekko.rs.RsFixtures.announce;
import static org.bgpekko.rs.RsFixtures.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerStayRtrTest {
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final Path STAYRTR = Path.of("/usr/bin/stayrtr");
    private static final Nlri P = InetNlri.of("185.1.0.0/24");
    /** Invalid from the first End of Data on (longer than its ROA's maxLength): shows the ROAs are in. */
    private static final Nlri SENTINEL = InetNlri.of("185.2.0.0/24");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Process stayrtr;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @AfterEach
    void stopStayrtr() throws InterruptedException {
        if (stayrtr != null) {
            stayrtr.destroy(); // by its PID, the process this test started
            if (!stayrtr.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                stayrtr.destroyForcibly();
            }
        }
    }

    private void roas(long originOfP) throws IOException {
        Path tmp = dir.resolve("vrps.json.tmp");
        Files.writeString(tmp, """
                {"metadata": {"buildtime": "2026-12-07T00:00:00Z"}, "roas": [
                  {"prefix": "185.1.0.0/16", "maxLength": 24, "asn": "AS%d", "ta": "test"},
                  {"prefix": "185.2.0.0/16", "maxLength": 16, "asn": "AS3333", "ta": "test"}
                ]}
                """.formatted(originOfP));
        Files.move(tmp, dir.resolve("vrps.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts stayrtr on a free loopback port speaking at most {@code protocol}; its port. */
    private int startStayrtr(int protocol) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        stayrtr = new ProcessBuilder(STAYRTR.toString(), "-bind", "127.0.0.1:" + port, "-cache", "vrps.json",
                "-checktime=false", "-refresh", "1", "-metrics.addr", "127.0.0.1:0", "-protocol",
                String.valueOf(protocol)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stayrtr.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return port;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !stayrtr.isAlive()) {
                    throw new AssertionError("stayrtr did not listen on " + port + ": "
                            + Files.readString(dir.resolve("stayrtr.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    private void flips(int protocol) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(STAYRTR), "stayrtr is not installed (apt-get install stayrtr): skipped");
        roas(3333);
        int port = startStayrtr(protocol);
        Files.writeString(dir.resolve("general.yml"), RouteServerRtrTest.general(true));
        Files.writeString(dir.resolve("clients.yml"), RouteServerRtrTest.CLIENTS);
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        List<RsClientProbe> c = RsFixtures.sectionClients(kit, rib, dir, "rtr-cache 127.0.0.1 " + port + "; ");
        RsClientProbe a = c.get(0);
        RsClientProbe b = c.get(1);
        a.send(announce(attributes("127.0.0.11", List.of(3333L)), Bytes.EMPTY, "185.1.0.0/24", "185.2.0.0/24"));
        b.await(t -> t.table.containsKey(P) && !t.table.containsKey(SENTINEL), WAIT); // valid; the sentinel invalid

        roas(64999); // the ROA of P now names another origin: P is invalid
        b.await(t -> !t.table.containsKey(P), WAIT);
        roas(3333);
        b.await(t -> t.table.containsKey(P), WAIT);
        assertEquals(1, a.generation, "no session was reset");
        assertEquals(1, b.generation, "no session was reset");
        kit.stop(rib); // and its RTR client with it
    }

    @Test
    void aRouteFlipsInvalidAndBackWhenStayrtrsFileChanges() throws IOException, InterruptedException {
        flips(2); // stayrtr's default (draft 8210bis): it answers the version 1 query in version 1
    }

    @Test
    void aVersion0CacheIsSpokenToInVersion0() throws IOException, InterruptedException {
        flips(0); // stayrtr answers the version 1 query in version 0: RFC 6810 from then on (no data otherwise)
    }
}
