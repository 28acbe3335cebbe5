// The scripted BGP peer of one case: accepts the speaker's connections, echoes its OPEN, checks its messages.
package org.bgpekko.qa;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens on 127.0.0.1 (or [::1] with option:bind:ipv6), one thread per accepted connection, all sharing
 * one {@link Matcher}. The verdict completes with success once every group is consumed, or with a failure
 * at the first unexpected message; either way every socket is then closed.
 */
public final class TestPeer implements AutoCloseable {

    /** Delivers a {@code signal} action (for example "SIGUSR1") to the speaker. */
    @FunctionalInterface
    public interface SignalSender {
        void send(String name) throws Exception;
    }

    /** The outcome of a case as the peer sees it. */
    public record Verdict(boolean success, String reason) {}

    private static final int MAX_CONNECTIONS = 32;
    private static final int TRANSCRIPT_LINES = 400;

    private final CaseFile testCase;
    private final SignalSender signals;
    private final Matcher matcher;
    private final CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Deque<String> transcript = new ArrayDeque<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Instant started = Instant.now();
    private ServerSocket server;

    public TestPeer(CaseFile testCase, SignalSender signals) {
        this.testCase = testCase;
        this.signals = signals;
        this.matcher = new Matcher(testCase.groups());
    }

    /** Binds to the loopback address (port 0 = any free port), starts accepting, returns the port. */
    public int start(int port) throws IOException {
        InetAddress host = InetAddress.getByName(testCase.options().bindIpv6() ? "::1" : "127.0.0.1");
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(host, port), 8);
        Thread t = new Thread(this::acceptLoop, "peer-" + testCase.name() + "-accept");
        t.setDaemon(true);
        t.start();
        log("listening on " + server.getLocalSocketAddress());
        return server.getLocalPort();
    }

    public CompletableFuture<Verdict> verdict() {
        return verdict;
    }

    public int connectionCount() {
        return connections.get();
    }

    /** Where the case stands: groups left and the candidates of the current one. */
    public String state() {
        return connections.get() + " connection(s) accepted, " + matcher.matchedCount() + " message(s) matched; "
                + matcher.describeCurrent();
    }

    /** The last lines of the peer's transcript (connections, messages received and sent). */
    public synchronized List<String> transcript() {
        return List.copyOf(transcript);
    }

    public String rules() {
        return matcher.describeAll();
    }

    private synchronized void log(String line) {
        long ms = Duration.between(started, Instant.now()).toMillis();
        transcript.addLast(String.format("%6d ms  %s", ms, line));
        while (transcript.size() > TRANSCRIPT_LINES) {
            transcript.removeFirst();
        }
    }

    private void acceptLoop() {
        while (!verdict.isDone()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!verdict.isDone() && !server.isClosed()) {
                    finish(new Verdict(false, "accept failed: " + e));
                }
                return;
            }
            int n = connections.incrementAndGet();
            synchronized (sockets) {
                sockets.add(s);
            }
            if (verdict.isDone()) {
                closeQuietly(s);
                return;
            }
            if (n > MAX_CONNECTIONS) {
                finish(new Verdict(false, "more than " + MAX_CONNECTIONS + " connections"));
                return;
            }
            log("connection " + n + " from " + s.getRemoteSocketAddress());
            matcher.onConnection();
            Thread t = new Thread(() -> session(s, n), "peer-" + testCase.name() + "-conn-" + n);
            t.setDaemon(true);
            t.start();
        }
    }

    private void session(Socket socket, int n) {
        String tag = "conn " + n + " ";
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] open = Messages.read(in);
            if (open == null) {
                log(tag + "closed by the speaker before its OPEN");
                return;
            }
            log(tag + "recv " + Hex.split(Hex.of(open)));
            if (Messages.type(open) != Messages.OPEN) {
                finish(new Verdict(false, "first message of connection " + n + " is not an OPEN: "
                        + Hex.split(Hex.of(open))));
                return;
            }
            if (!onOpen(tag, open, out)) {
                return;
            }
            while (!verdict.isDone()) {
                byte[] msg = Messages.read(in);
                if (msg == null) {
                    log(tag + "closed by the speaker");
                    return;
                }
                log(tag + "recv " + Hex.split(Hex.of(msg)));
                ByteArrayOutputStream reply = new ByteArrayOutputStream();
                reply.writeBytes(Messages.keepalive());
                Matcher.Outcome outcome = matcher.check(msg);
                if (!step(tag, outcome, reply, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!verdict.isDone()) {
                log(tag + "i/o: " + e.getMessage());
            }
        }
    }

    /** Answers the OPEN; false when the case has ended. */
    private boolean onOpen(String tag, byte[] open, OutputStream out) {
        PeerOptions o = testCase.options();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.writeBytes(Messages.echoOpen(open, o.asn(), o.sendUnknownCapability()));
        reply.writeBytes(Messages.keepalive());
        if (o.sendUnknownMessage()) {
            reply.writeBytes(Messages.unknownType());
        }
        if (o.inspectOpen()) {
            return step(tag, matcher.check(open), reply, out);
        }
        if (!run(tag, matcher.headActions(), reply)) {
            return false;
        }
        if (o.sendDefaultRoute()) {
            reply.writeBytes(Messages.defaultRoute());
        }
        send(tag, reply, out);
        return true;
    }

    /** Runs the outcome of a check, writes the reply, settles the verdict; false when the case has ended. */
    private boolean step(String tag, Matcher.Outcome outcome, ByteArrayOutputStream reply, OutputStream out) {
        if (outcome instanceof Matcher.Rejected r) {
            send(tag, reply, out);
            finish(new Verdict(false, r.reason()));
            return false;
        }
        Matcher.Accepted a = (Matcher.Accepted) outcome;
        log(tag + a.how());
        boolean ok = run(tag, a.actions(), reply);
        send(tag, reply, out);
        if (!ok) {
            return false;
        }
        if (matcher.completed()) {
            log(tag + "every group consumed: success");
            finish(new Verdict(true, "every group consumed"));
            return false;
        }
        return true;
    }

    private boolean run(String tag, List<Matcher.Action> actions, ByteArrayOutputStream reply) {
        for (Matcher.Action action : actions) {
            if (action instanceof Matcher.SendSignal s) {
                log(tag + "sending signal " + s.name() + " to the speaker");
                try {
                    signals.send(s.name());
                } catch (Exception e) {
                    finish(new Verdict(false, "could not send " + s.name() + " to the speaker: " + e));
                    return false;
                }
            } else if (action instanceof Matcher.SendNotification nfy) {
                log(tag + "sending NOTIFICATION cease \"" + nfy.text() + "\"");
                reply.writeBytes(Messages.cease(nfy.text()));
            } else if (action instanceof Matcher.Replay rr) {
                log(tag + "route refresh: replaying " + rr.updates().size() + " update(s)");
                rr.updates().forEach(h -> reply.writeBytes(Hex.parse(h)));
                reply.writeBytes(Messages.keepalive());
            }
        }
        return true;
    }

    /** Writes the reply in one write; a write failure (speaker gone) is logged, the matching state decides. */
    private void send(String tag, ByteArrayOutputStream reply, OutputStream out) {
        byte[] bytes = reply.toByteArray();
        if (bytes.length == 0) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
            log(tag + "sent " + bytes.length + " bytes");
        } catch (IOException e) {
            log(tag + "could not send " + bytes.length + " bytes: " + e.getMessage());
        }
    }

    private void finish(Verdict v) {
        if (verdict.complete(v)) {
            log(v.success() ? "verdict: success" : "verdict: failure");
            close();
        }
    }

    /** Ends the case from outside (timeout, speaker gone): the verdict becomes this failure if still open. */
    public void fail(String reason) {
        finish(new Verdict(false, reason));
    }

    @Override
    public void close() {
        if (server != null) {
            closeQuietly(server);
        }
        synchronized (sockets) {
            sockets.forEach(TestPeer::closeQuietly);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }
}
