// Test fixture: `bgpekko run` with one scripted helper (plan-helper.py) and one neighbour played by the test.
package org.bgpekko.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgpekko.peer.TestSide;
import org.bgpekko.testing.SpeakerProcess;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.Nlri;

/**
 * The helper plays {@code plan} (see plan-helper.py: every command its own {@code write(2)}) and records its
 * answers; the neighbour 127.0.0.1 (iBGP, AS 65000, IPv4 unicast, text events with neighbor-changes) is the
 * test's {@link TestSide}.
 */
final class HelperSession implements AutoCloseable {
    final Path dir;
    final Process speaker;
    final TestSide peer;
    private final Path answers;

    private HelperSession(Path dir, Process speaker, TestSide peer, Path answers) {
        this.dir = dir;
        this.speaker = speaker;
        this.peer = peer;
        this.answers = answers;
    }

    /** Starts the speaker with the helper playing {@code plan}, and the session (OPEN, KEEPALIVE). */
    static HelperSession start(Path dir, List<String> plan, Map<String, String> env) throws IOException {
        return start(dir, plan, "", env);
    }

    /** As above, with more settings for the process block ("respawn false;"). */
    static HelperSession start(Path dir, List<String> plan, String processSettings, Map<String, String> env)
            throws IOException {
        Path helper = dir.resolve("plan-helper.py");
        try (InputStream in = HelperSession.class.getResourceAsStream("plan-helper.py")) {
            Files.copy(in, helper, StandardCopyOption.REPLACE_EXISTING);
        }
        Path planFile = Files.write(dir.resolve("plan.txt"), plan);
        return startWith(dir, "python3 " + helper + " " + planFile + " " + dir.resolve("answers.txt") + "; "
                + processSettings, env);
    }

    /** Starts the speaker with the helper {@code run RUN} (the rest of the process block after "run"). */
    static HelperSession startWith(Path dir, String run, Map<String, String> env) throws IOException {
        Path answers = dir.resolve("answers.txt");
        Path conf = Files.writeString(dir.resolve("helper.conf"), "process h { run " + run + " encoder text; }\n"
                + "neighbor 127.0.0.1 { router-id 10.0.0.2; local-address 127.0.0.1; local-as 65000; peer-as 65000;"
                + " family { ipv4 unicast; } api { processes [ h ]; neighbor-changes; } }\n");
        TestSide peer = new TestSide(0);
        Process speaker = SpeakerProcess.start(peer.port(), env, dir.resolve("speaker.log"), conf);
        try {
            peer.server.setSoTimeout(60_000);
            peer.accept();
            peer.socket.setSoTimeout(60_000);
            peer.handshake();
        } catch (IOException | RuntimeException e) {
            speaker.destroyForcibly();
            peer.close();
            throw e;
        }
        return new HelperSession(dir, speaker, peer, answers);
    }

    /** The UPDATEs the speaker sends up to and including the one announcing {@code last}. */
    List<Update> updatesUntil(Nlri last) throws IOException {
        List<Update> out = new ArrayList<>();
        while (true) {
            byte[] m;
            try {
                m = peer.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no UPDATE announcing " + last + " within 60 s; got " + out.size()
                        + " UPDATE(s); speaker log:\n" + log());
            }
            BgpMessage msg = MessageCodec.decode(m, SessionOptions.DEFAULT);
            if (msg instanceof Update u) {
                out.add(u);
                if (u.nlri().toList().contains(last)) {
                    return out;
                }
            }
        }
    }

    /**
     * What the helper recorded, answers and informational lines in order, once it played its whole plan ("plan
     * done", the last line) or 30 s passed.
     */
    List<String> answers() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(answers) ? Files.readAllLines(answers) : List.of();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("plan done")) {
                break;
            }
            Thread.sleep(50);
        }
        return lines;
    }

    /** What the helper recorded so far (for a helper that does not play its plan to the end). */
    List<String> recorded() throws IOException {
        return Files.exists(answers) ? Files.readAllLines(answers) : List.of();
    }

    String log() throws IOException {
        Path log = dir.resolve("speaker.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException {
        speaker.destroyForcibly();
        peer.close();
    }
}
