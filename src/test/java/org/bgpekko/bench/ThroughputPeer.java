// Loopback BGP peer for bench/api-throughput: echoes the speaker's OPEN, then counts the IPv4 prefixes that arrive.
package org.bgpekko.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Locale;

/**
 * JDK only, so it runs as {@code java ThroughputPeer.java} as well as from the test classes.
 *
 * <pre>
 * ThroughputPeer PORT N TIMEOUT_S [IDLE_S]
 * </pre>
 *
 * Listens on 127.0.0.1:PORT (0: any free port), prints {@code listening PORT}, accepts one connection, answers the
 * speaker's OPEN with the same OPEN (BGP identifier + 1) and a KEEPALIVE, sends a KEEPALIVE every 10 s from its
 * own thread, and reads framed messages (the length field). It counts UPDATEs, the IPv4 prefixes of their NLRI field (announced) and
 * of their Withdrawn Routes field, and stops when N prefixes were announced, when TIMEOUT_S seconds passed since
 * it started listening, or when IDLE_S seconds (default 60) passed without a message once the first prefix came.
 * Then it prints one {@code result} line of key=value pairs (see {@link #report}) and exits 0 if N arrived, 1 if
 * not. Nothing is answered but the OPEN: the speaker's KEEPALIVEs need no reply, so the reading never blocks on a
 * write.
 */
public final class ThroughputPeer {
    private static final int HEADER = 19;
    private static final int OPEN = 1;
    private static final int UPDATE = 2;
    private static final int NOTIFICATION = 3;
    private static final int KEEPALIVE = 4;

    private long updates;          // UPDATEs with at least one announced prefix
    private long otherUpdates;     // UPDATEs announcing nothing (End-of-RIB, withdrawals only)
    private long prefixes;
    private long withdrawn;
    private long messages;
    private long bytes;
    private int maxPerUpdate;
    private long established;      // nanoTime: OPEN + KEEPALIVE written
    private long first;            // nanoTime: first announced prefix read
    private long last;             // nanoTime: last announced prefix read
    private String end = "timeout";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ThroughputPeer PORT N TIMEOUT_S [IDLE_S]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long n = Long.parseLong(args[1]);
        long timeoutS = Long.parseLong(args[2]);
        long idleS = args.length > 3 ? Long.parseLong(args[3]) : 60;
        ThroughputPeer peer = new ThroughputPeer();
        boolean complete = peer.run(port, n, timeoutS, idleS);
        System.out.println(peer.report(n));
        System.out.flush();
        System.exit(complete ? 0 : 1);
    }

    private boolean run(int port, long n, long timeoutS, long idleS) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeoutS * 1_000_000_000L;
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("listening " + server.getLocalPort());
            System.out.flush();
            server.setSoTimeout(millisLeft(deadline));
            Socket s;
            try {
                s = server.accept();
            } catch (SocketTimeoutException e) {
                end = "no connection";
                return false;
            }
            try (s) {
                s.setReceiveBufferSize(1 << 20);
                return session(s, n, deadline, idleS * 1_000_000_000L);
            }
        }
    }

    private boolean session(Socket s, long n, long deadline, long idleNanos) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[65535];
        Thread watchdog = watchdog(s, deadline);
        Thread keepalives = null;
        int idleMillis = (int) Math.min(Integer.MAX_VALUE, idleNanos / 1_000_000);
        try {
            while (prefixes < n) {
                // before the first prefix only the deadline (the watchdog) bounds the wait; after it, also IDLE_S
                s.setSoTimeout(first == 0 ? 0 : idleMillis);
                in.readFully(buf, 0, HEADER);
                int length = ((buf[16] & 0xff) << 8) | (buf[17] & 0xff);
                int type = buf[18] & 0xff;
                if (length < HEADER) {
                    end = "bad length " + length;
                    return false;
                }
                in.readFully(buf, HEADER, length - HEADER);
                messages++;
                bytes += length;
                switch (type) {
                    case OPEN -> {
                        synchronized (out) {
                            out.write(echo(buf, length));
                            out.write(keepalive());
                            out.flush();
                        }
                        established = System.nanoTime();
                        keepalives = keepalives(out);
                    }
                    case UPDATE -> update(buf, length);
                    case NOTIFICATION -> {
                        end = "notification " + (buf[19] & 0xff) + "/" + (buf[20] & 0xff);
                        return false;
                    }
                    default -> { } // KEEPALIVE and anything else: nothing to answer
                }
            }
            end = "complete";
            return true;
        } catch (SocketTimeoutException e) {
            end = "idle";
            return false;
        } catch (IOException e) {
            end = System.nanoTime() >= deadline ? "timeout" : "connection closed";
            return false;
        } finally {
            watchdog.interrupt();
            if (keepalives != null) {
                keepalives.interrupt();
            }
        }
    }

    /** Closes the socket at the deadline, which ends a blocked read. */
    private static Thread watchdog(Socket s, long deadline) {
        Thread t = new Thread(() -> {
            try {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    Thread.sleep(Math.max(1, left / 1_000_000));
                }
                s.close();
            } catch (InterruptedException | IOException e) {
                // the session ended first
            }
        }, "deadline");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void update(byte[] b, int length) {
        int p = HEADER;
        int withdrawnLength = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2;
        withdrawn += count(b, p, p + withdrawnLength);
        p += withdrawnLength;
        int attributesLength = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2 + attributesLength;
        long announced = count(b, p, length);
        if (announced == 0) {
            otherUpdates++;
            return;
        }
        long now = System.nanoTime();
        if (first == 0) {
            first = now;
        }
        last = now;
        updates++;
        prefixes += announced;
        maxPerUpdate = (int) Math.max(maxPerUpdate, announced);
    }

    /** IPv4 prefixes in b[from, to): a length byte, then ceil(length / 8) address bytes each. */
    static long count(byte[] b, int from, int to) {
        long c = 0;
        int p = from;
        while (p < to) {
            int bits = b[p] & 0xff;
            p += 1 + (bits + 7) / 8;
            c++;
        }
        return c;
    }

    /** The speaker's OPEN with the BGP identifier + 1 (the identifier is the 4 bytes after version, AS, hold). */
    static byte[] echo(byte[] open, int length) {
        byte[] o = Arrays.copyOf(open, length);
        int id = HEADER + 5;
        long v = ((o[id] & 0xffL) << 24 | (o[id + 1] & 0xffL) << 16 | (o[id + 2] & 0xffL) << 8 | (o[id + 3] & 0xffL)) + 1;
        o[id] = (byte) (v >>> 24);
        o[id + 1] = (byte) (v >>> 16);
        o[id + 2] = (byte) (v >>> 8);
        o[id + 3] = (byte) v;
        return o;
    }

    static byte[] keepalive() {
        byte[] k = new byte[HEADER];
        Arrays.fill(k, 0, 16, (byte) 0xff);
        k[17] = HEADER;
        k[18] = KEEPALIVE;
        return k;
    }

    private static Thread keepalives(OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    synchronized (out) {
                        out.write(keepalive());
                        out.flush();
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the session ended
            }
        }, "keepalives");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int millisLeft(long deadline) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
    }

    /** One line: {@code result end=… prefixes=… updates=… per_update=… seconds=… rate=… …}. */
    String report(long n) {
        double span = first == 0 ? 0 : (last - first) / 1e9;
        double e2e = established == 0 || first == 0 ? 0 : (last - established) / 1e9;
        return String.format(Locale.ROOT,
                "result end=%s wanted=%d prefixes=%d updates=%d per_update=%.1f max_per_update=%d other_updates=%d"
                        + " withdrawn=%d messages=%d bytes=%d seconds=%.3f rate=%.0f first_to_last=%.3f"
                        + " first_to_last_rate=%.0f first_after=%.3f",
                end.replace(' ', '_'), n, prefixes, updates, updates == 0 ? 0.0 : (double) prefixes / updates,
                maxPerUpdate, otherUpdates, withdrawn, messages, bytes, e2e, e2e > 0 ? prefixes / e2e : 0, span,
                span > 0 ? prefixes / span : 0, first == 0 || established == 0 ? 0 : (first - established) / 1e9);
    }
}
