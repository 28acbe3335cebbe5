// Hostile helpers against a running speaker: garbage, binary, huge lines, a death inside a group, deaths in a loop.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each outcome is listed in docs/reliability.md, section Helpers. */
class HostileHelperTest {
    private static final Nlri SENTINEL = InetNlri.of("10.255.255.255/32");
    private static final String SENTINEL_LINE = "announce route 10.255.255.255/32 next-hop 127.0.0.1";

    private static int routes(List<Update> updates) {
        return updates.stream().mapToInt(u -> u.nlri().size()).sum();
    }

    /**
     * 1,000 lines of printable garbage and 200 of random bytes (invalid UTF-8, NUL, CR, escape sequences): each
     * answered error, in order, the log rate-limited, and the next good line works.
     */
    @Test
    @Timeout(180)
    void garbageAndBinaryLinesAreEachAnsweredErrorAndNothingElseHappens(@TempDir Path dir) throws Exception {
        Random random = new Random(10);
        List<String> plan = new ArrayList<>(List.of("up"));
        String printable = "abcdefghijklmnopqrstuvwxyz0123456789 []{}();,./:*\"'-\\|<>";
        for (int i = 0; i < 1000; i++) {
            StringBuilder sb = new StringBuilder("Z");
            for (int k = random.nextInt(300); k > 0; k--) {
                sb.append(printable.charAt(random.nextInt(printable.length())));
            }
            plan.add("w " + sb);
        }
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[1 + random.nextInt(500)];
            random.nextBytes(b);
            b[0] = 'Z';
            for (int k = 0; k < b.length; k++) {
                if (b[k] == '\n') {
                    b[k] = 0;
                }
            }
            plan.add("bytes " + HexFormat.of().formatHex(b) + "0a");
        }
        plan.add("w " + SENTINEL_LINE);
        plan.add("answers 1201");
        long t0 = System.nanoTime();
        try (HelperSession s = HelperSession.start(dir, plan, Map.of())) {
            List<Update> updates = s.updatesUntil(SENTINEL);
            assertEquals(1, routes(updates), "only the good line announced anything");
            List<String> answers = s.answers();
            List<String> expected = new ArrayList<>(java.util.Collections.nCopies(1200, "error"));
            expected.add("done");
            expected.add("plan done");
            assertEquals(expected, answers);
            assertTrue(s.speaker.isAlive());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + 1;
            long logged = s.log().lines().filter(l -> l.contains("' failed: ")).count();
            assertTrue(logged <= BatchAssembler.LOGGED_PER_SECOND * seconds, "the log is rate-limited: " + logged
                    + " refusals logged in " + seconds + " s");
            assertTrue(s.log().contains("refused lines within a second: the next ones are counted, not logged"));
        }
    }

    /**
     * Issue 10: a line without a newline grew until OutOfMemoryError and the helper was lost without a word. Now
     * the helper gets error as soon as the line passes 1 MiB (no newline needed), the rest of the line is dropped,
     * and the helper goes on.
     */
    @Test
    @Timeout(180)
    void aHugeLineIsAnsweredErrorAtTheCapAndTheHelperGoesOn(@TempDir Path dir) throws Exception {
        List<String> plan = List.of("up", "fill 5000000", "answers 1", "fill 3000000", "w  end of the huge line",
                "w " + SENTINEL_LINE, "answers 1");
        try (HelperSession s = HelperSession.start(dir, plan, Map.of())) {
            List<Update> updates = s.updatesUntil(SENTINEL);
            assertEquals(1, routes(updates));
            assertEquals(List.of("error", "done", "plan done"), s.answers());
            assertTrue(s.log().contains("bytes)' failed: too long: discarded"), "logged");
        }
    }

    /** A helper that writes garbage inside an open group and dies: nothing of the group reaches the wire. */
    @Test
    @Timeout(120)
    void aHelperDyingInsideAGroupWithGarbageAppliesNothing(@TempDir Path dir) throws Exception {
        List<String> plan = List.of("up", "w group start", "w announce route 10.1.0.1/32 next-hop 127.0.0.1",
                "bytes 5a00ff0d1b5b324a0a", "w announce route 10.1.0.2/32 next-hop 127.0.0.1", "answers 4", "exit 3");
        try (HelperSession s = HelperSession.start(dir, plan, "respawn false;", Map.of())) {
            for (int i = 0; i < 100 && !s.log().contains("ended inside a group"); i++) {
                Thread.sleep(100);
            }
            assertTrue(s.log().contains("helper h ended inside a group: its 2 command(s) are not applied"), s.log());
            assertEquals(List.of("group started", "done", "done", "error", "done"), s.recorded());
            s.peer.socket.setSoTimeout(3000);
            // the session's first UPDATE is the End-of-RIB; after it nothing comes within 3 s
            List<Update> updates = new ArrayList<>();
            assertThrows(SocketTimeoutException.class, () -> {
                while (true) {
                    BgpMessage m = MessageCodec.decode(s.peer.read(), SessionOptions.DEFAULT);
                    if (m instanceof Update u) {
                        updates.add(u);
                    }
                }
            });
            assertEquals(0, routes(updates));
            assertTrue(s.speaker.isAlive());
        }
    }

    /**
     * Issue 10: a helper that dies more than 5 times within 64 s stopped the speaker with exit code 0; now every
     * peer gets a Cease and the exit code is 1 (ExaBGP's exit code for a helper failure).
     */
    @Test
    @Timeout(120)
    void aHelperExitingInALoopStopsTheSpeakerWithCeaseAndExitCode1(@TempDir Path dir) throws Exception {
        Path loop = Files.writeString(dir.resolve("loop.sh"), "#!/bin/sh\nsleep 0.5\nexit 3\n");
        loop.toFile().setExecutable(true);
        try (HelperSession s = HelperSession.startWith(dir, loop + ";", Map.of())) {
            Notification cease = null;
            while (cease == null) {
                BgpMessage m = MessageCodec.decode(s.peer.read(), SessionOptions.DEFAULT);
                if (m instanceof Notification n) {
                    cease = n;
                }
            }
            assertEquals(Notification.CEASE, cease.code());
            assertTrue(s.speaker.waitFor(30, TimeUnit.SECONDS), "the speaker stopped");
            assertEquals(1, s.speaker.exitValue(), s.log());
            assertTrue(s.log().contains("helper h died more than 5 times within 64 s"));
        }
    }
}
