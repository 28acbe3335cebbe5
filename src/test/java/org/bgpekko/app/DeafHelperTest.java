// No stall: a helper that never reads its stdin while 100,000 UPDATE events are produced does not delay keepalives.
package org.bgpekko.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bgpekko.peer.TestSide;
import org.bgpekko.testing.SpeakerProcess;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DeafHelperTest {
    static final int UPDATES = 100_000;

    @Test
    @Timeout(120)
    void keepalivesStayOnTimeWhileADeafHelperIsFloodedWithEvents(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("deaf.conf"), "process deaf { run /bin/sleep 110; encoder json; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.2; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " hold-time 3; family { ipv4 unicast; } api { processes [ deaf ]; receive { parsed; update; } } }\n");
        try (TestSide peer = new TestSide(0)) {
            Process speaker = SpeakerProcess.start(peer.port(), Map.of("exabgp_log_enable", "true",
                    "exabgp_log_level", "WARNING"), dir.resolve("speaker.log"), conf);
            AtomicBoolean done = new AtomicBoolean();
            try {
                peer.server.setSoTimeout(40_000);
                peer.accept();
                peer.handshake();
                Thread flood = new Thread(() -> flood(peer, done), "flood");
                flood.start();
                List<Long> keepalives = new ArrayList<>();
                long end = Long.MAX_VALUE;
                while (System.nanoTime() < end) {
                    byte[] m = peer.read();
                    if (MessageCodec.decode(m, SessionOptions.DEFAULT) instanceof Keepalive) {
                        keepalives.add(System.nanoTime());
                    }
                    if (done.get() && end == Long.MAX_VALUE) {
                        end = System.nanoTime() + 4_000_000_000L; // and a few keepalives after the flood
                    }
                }
                flood.join();
                long maxGap = 0;
                for (int i = 1; i < keepalives.size(); i++) {
                    maxGap = Math.max(maxGap, keepalives.get(i) - keepalives.get(i - 1));
                }
                System.out.printf("deaf helper: %d UPDATEs sent, %d keepalives, max gap %d ms%n", UPDATES,
                        keepalives.size(), maxGap / 1_000_000);
                assertTrue(keepalives.size() >= 3, "keepalives: " + keepalives.size());
                assertTrue(maxGap < 2_000_000_000L, "a keepalive gap of " + maxGap / 1_000_000 + " ms (hold 3 s)");
                assertTrue(speaker.isAlive(), "the speaker is still running");
                // the speaker may still be reading the flood from its socket on a loaded machine: the overflow comes
                // when it has decoded enough of it, so wait for the line (bounded) instead of reading the log once
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!Files.readString(dir.resolve("speaker.log")).contains("does not read its events")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertTrue(Files.readString(dir.resolve("speaker.log")).contains("does not read its events"),
                        "the helper's queue overflowed and events were dropped");
            } finally {
                speaker.destroyForcibly();
            }
        }
    }

    /** Sends UPDATEs of one /32 each as fast as the socket takes them, then keepalives. */
    private static void flood(TestSide peer, AtomicBoolean done) {
        try {
            PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.EMPTY, new LocalPref(100),
                    NextHop.of("127.0.0.1"));
            NlriBlock none = NlriBlock.empty(Family.IPV4_UNICAST);
            long last = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                NlriBlock one = NlriBlock.of(Family.IPV4_UNICAST, false,
                        new InetNlri(Family.IPV4_UNICAST, -1, IpPrefix.ipv4(0x0A000000L + i, 32)));
                peer.write(MessageCodec.encode(new Update(none, attrs, one), SessionOptions.DEFAULT));
                if (System.nanoTime() - last > 500_000_000L) {
                    peer.write(TestSide.KEEPALIVE);
                    last = System.nanoTime();
                }
            }
            done.set(true);
            for (int i = 0; i < 5; i++) {
                peer.write(TestSide.KEEPALIVE);
                Thread.sleep(500);
            }
        } catch (Exception e) {
            done.set(true);
        }
    }
}
