// One client session of bench/rs-convergence: connects from its own loopback address, sends, and tracks what it holds.
package org.bgpekko.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.BitSet;

/**
 * Connects to the server from the client's address, sends its OPEN (4-octet AS, IPv4 unicast, route refresh, hold
 * time 180, no ADD-PATH), answers the server's OPEN with a KEEPALIVE and keeps a KEEPALIVE every 30 s going. Its
 * reader thread frames every message, and for each UPDATE updates the set of prefixes the client holds (a bit per
 * prefix of the benchmark's universe): withdrawn ones leave it, announced ones join it. It checks each announced
 * route against its source (RFC 7947 transparency: the first AS of the AS_PATH is the announcing feeder's, the
 * NEXT_HOP that feeder's address) and counts what is wrong: prefixes nobody announced, wrong first AS or next hop,
 * a feeder's own routes sent back to it. It stamps the moment it holds its full expected count in the announce
 * phase, and the moment it holds nothing in the withdraw phase.
 */
final class RsSession {
    private static final int HEADER = 19;
    private static final int OPEN = 1;
    private static final int UPDATE = 2;
    private static final int NOTIFICATION = 3;
    private static final int KEEPALIVE = 4;
    private static final int HOLD_TIME = 180;

    final RsClients.Client client;
    private final RsTables tables;
    private final int expected;
    private final BitSet held;
    private Socket socket;
    private OutputStream out;
    private boolean asn4;

    private volatile boolean established;
    private volatile boolean withdrawing;
    private volatile String end;
    private volatile long heldCount;
    private volatile long fullAt;
    private volatile long emptyAt;
    private volatile long lastChange;
    // written by the reader thread only; read after it ended, or as a progress figure
    private volatile long updates;
    private volatile long announced;
    private volatile long withdrawn;
    private long unknown;
    private long mismatched;
    private long own;
    private String firstMismatch;

    RsSession(RsClients.Client client, RsTables tables) {
        this.client = client;
        this.tables = tables;
        this.expected = tables.expected(client);
        this.held = new BitSet(tables.universe());
    }

    /** Connects (retrying while refused, up to the deadline), sends OPEN, starts the reader and keepalive threads. */
    void connect(InetSocketAddress server, long deadline) throws IOException, InterruptedException {
        IOException last = null;
        while (System.nanoTime() < deadline) {
            Socket s = new Socket();
            try {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getByName(client.address()), 0));
                s.setReceiveBufferSize(1 << 20);
                s.setSendBufferSize(1 << 20);
                s.setTcpNoDelay(true);
                s.connect(server, 5000);
                socket = s;
                break;
            } catch (IOException e) {
                last = e;
                s.close();
                Thread.sleep(200);
            }
        }
        if (socket == null) {
            throw new IOException(client.name() + " could not connect to " + server + ": " + last, last);
        }
        out = socket.getOutputStream();
        write(open());
        Thread reader = new Thread(this::read, client.name() + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    boolean established() {
        return established;
    }

    /** Why the session ended (null while it runs). */
    String end() {
        return end;
    }

    long held() {
        return heldCount;
    }

    int expected() {
        return expected;
    }

    boolean full() {
        return fullAt != 0;
    }

    boolean empty() {
        return emptyAt != 0;
    }

    long fullAt() {
        return fullAt;
    }

    long emptyAt() {
        return emptyAt;
    }

    long lastChange() {
        return lastChange;
    }

    long updates() {
        return updates;
    }

    long announced() {
        return announced;
    }

    long withdrawn() {
        return withdrawn;
    }

    long unknown() {
        return unknown;
    }

    long mismatched() {
        return mismatched;
    }

    long own() {
        return own;
    }

    String firstMismatch() {
        return firstMismatch;
    }

    /** From now on, holding nothing is the goal. */
    void startWithdrawPhase() {
        withdrawing = true;
        if (heldCount == 0 && emptyAt == 0) {
            emptyAt = System.nanoTime();
        }
    }

    /**
     * Writes whole BGP messages ({@code data} holds them back to back) in pieces of up to 64 KiB cut at message
     * boundaries, so the keepalive thread's KEEPALIVEs go between messages, never inside one.
     */
    void send(byte[] data) throws IOException {
        int off = 0;
        while (off < data.length) {
            int end = off;
            while (end < data.length && (end == off || end - off + messageLength(data, end) <= 1 << 16)) {
                end += messageLength(data, end);
            }
            synchronized (this) {
                out.write(data, off, end - off);
            }
            off = end;
        }
        synchronized (this) {
            out.flush();
        }
    }

    /** The length field of the message at {@code at}. */
    private static int messageLength(byte[] data, int at) {
        return (data[at + 16] & 0xFF) << 8 | data[at + 17] & 0xFF;
    }

    /** Sends a Cease (6/2, administrative shutdown) and closes. */
    void close() {
        if (socket == null) {
            return;
        }
        if (end == null) {
            end = "closed by us";
        }
        try {
            byte[] n = header(HEADER + 2, NOTIFICATION);
            n[HEADER] = 6;
            n[HEADER + 1] = 2;
            write(n);
        } catch (IOException e) {
            // already gone
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private synchronized void write(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    private void read() {
        byte[] buf = new byte[65535];
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            boolean opened = false;
            while (true) {
                in.readFully(buf, 0, HEADER);
                int length = (buf[16] & 0xff) << 8 | buf[17] & 0xff;
                int type = buf[18] & 0xff;
                if (length < HEADER) {
                    end = "bad message length " + length;
                    return;
                }
                in.readFully(buf, HEADER, length - HEADER);
                switch (type) {
                    case OPEN -> {
                        asn4 = hasAs4(buf, length);
                        write(header(HEADER, KEEPALIVE));
                        opened = true;
                        startKeepalives();
                    }
                    case KEEPALIVE -> established |= opened;
                    case UPDATE -> update(buf, length);
                    case NOTIFICATION -> {
                        end = "notification " + (buf[HEADER] & 0xff) + "/" + (buf[HEADER + 1] & 0xff);
                        return;
                    }
                    default -> { } // ROUTE-REFRESH and others: not expected, nothing to answer
                }
            }
        } catch (EOFException e) {
            if (end == null) {
                end = "connection closed by the server";
            }
        } catch (IOException e) {
            if (end == null) {
                end = "connection error: " + e.getMessage();
            }
        } finally {
            established = false;
        }
    }

    private void update(byte[] b, int length) {
        updates++;
        int p = HEADER;
        int withdrawnLength = (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
        p += 2;
        int stop = p + withdrawnLength;
        while (p < stop) {
            int bits = b[p] & 0xff;
            long key = prefixKey(b, p + 1, bits);
            p += 1 + (bits + 7) / 8;
            withdrawn++;
            int i = tables.index.get(key);
            if (i < 0) {
                unknown++;
            } else if (held.get(i)) {
                held.clear(i);
                changed(-1);
            }
        }
        int attributesLength = (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
        p += 2;
        long firstAs = -1;
        long nextHop = -1;
        for (int a = p, aEnd = p + attributesLength; a < aEnd; ) {
            int flags = b[a] & 0xff;
            int type = b[a + 1] & 0xff;
            int len = (flags & 0x10) != 0 ? (b[a + 2] & 0xff) << 8 | b[a + 3] & 0xff : b[a + 2] & 0xff;
            int v = a + ((flags & 0x10) != 0 ? 4 : 3);
            if (type == 2 && len >= 2 + (asn4 ? 4 : 2) && (b[v + 1] & 0xff) > 0) {
                firstAs = asn4 ? readInt(b, v + 2) : (b[v + 2] & 0xff) << 8 | b[v + 3] & 0xff;
            } else if (type == 3 && len == 4) {
                nextHop = readInt(b, v);
            }
            a = v + len;
        }
        p += attributesLength;
        while (p < length) {
            int bits = b[p] & 0xff;
            long key = prefixKey(b, p + 1, bits);
            p += 1 + (bits + 7) / 8;
            announced++;
            int i = tables.index.get(key);
            if (i < 0) {
                unknown++;
                continue;
            }
            check(i, key, firstAs, nextHop);
            if (!held.get(i)) {
                held.set(i);
                changed(+1);
            }
        }
    }

    /** RFC 7947 transparency: the route's first AS and next hop are those of a feeder that announces it. */
    private void check(int i, long key, long firstAs, long nextHop) {
        int owner = tables.owner[i];
        int from = RsClients.feederOfAs(firstAs, tables.feeders);
        boolean ok = owner == RsTables.SHARED ? from >= 0 : from == owner;
        ok &= from >= 0 && nextHop == RsClients.feederNextHop(from);
        if (from >= 0 && from == client.feederIndex()) {
            own++;
        }
        if (!ok) {
            mismatched++;
            if (firstMismatch == null) {
                firstMismatch = prefixText(key) + " first-as " + firstAs + " next-hop " + addressText(nextHop)
                        + (owner >= 0 ? " (announced by " + RsClients.feeder(owner).name() + ")" : "");
            }
        }
    }

    private void changed(int delta) {
        long now = System.nanoTime();
        long h = heldCount + delta;
        heldCount = h;
        lastChange = now;
        if (!withdrawing && h == expected && fullAt == 0) {
            fullAt = now;
        } else if (withdrawing && h == 0 && emptyAt == 0) {
            emptyAt = now;
        }
    }

    private void startKeepalives() {
        Thread t = new Thread(() -> {
            try {
                while (!socket.isClosed()) {
                    Thread.sleep(30_000);
                    write(header(HEADER, KEEPALIVE));
                }
            } catch (InterruptedException | IOException e) {
                // the session ended
            }
        }, client.name() + "-keepalive");
        t.setDaemon(true);
        t.start();
    }

    private byte[] open() {
        byte[] caps = {
            2, 6, 1, 4, 0, 1, 0, 1,                           // multiprotocol IPv4 unicast
            2, 2, 2, 0,                                       // route refresh
            2, 6, 65, 4, (byte) (client.as() >>> 24), (byte) (client.as() >>> 16), (byte) (client.as() >>> 8),
            (byte) client.as()                                // 4-octet AS
        };
        byte[] m = header(HEADER + 10 + caps.length, OPEN);
        int p = HEADER;
        long as2 = client.as() > 0xffff ? 23456 : client.as();
        m[p++] = 4;
        m[p++] = (byte) (as2 >>> 8);
        m[p++] = (byte) as2;
        m[p++] = (byte) (HOLD_TIME >>> 8);
        m[p++] = (byte) HOLD_TIME;
        for (String octet : client.address().split("\\.")) {
            m[p++] = (byte) Integer.parseInt(octet);
        }
        m[p++] = (byte) caps.length;
        System.arraycopy(caps, 0, m, p, caps.length);
        return m;
    }

    private static byte[] header(int length, int type) {
        byte[] m = new byte[length];
        for (int i = 0; i < 16; i++) {
            m[i] = (byte) 0xff;
        }
        m[16] = (byte) (length >>> 8);
        m[17] = (byte) length;
        m[18] = (byte) type;
        return m;
    }

    /** Whether an OPEN advertises the 4-octet AS capability (code 65). */
    static boolean hasAs4(byte[] b, int length) {
        int p = HEADER + 10;
        int end = Math.min(length, p + (b[HEADER + 9] & 0xff));
        while (p + 1 < end) {
            int paramType = b[p] & 0xff;
            int paramLen = b[p + 1] & 0xff;
            if (paramType == 2) {
                for (int c = p + 2; c + 1 < p + 2 + paramLen; c += 2 + (b[c + 1] & 0xff)) {
                    if ((b[c] & 0xff) == 65) {
                        return true;
                    }
                }
            }
            p += 2 + paramLen;
        }
        return false;
    }

    /** (address << 8) | length, the key {@link RsTables.PrefixIndex} uses. */
    static long prefixKey(byte[] b, int at, int bits) {
        long address = 0;
        for (int i = 0; i < 4; i++) {
            address = address << 8 | (i < (bits + 7) / 8 ? b[at + i] & 0xff : 0);
        }
        return address << 8 | bits;
    }

    private static long readInt(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | b[at + 3] & 0xffL;
    }

    static String prefixText(long key) {
        return addressText(key >>> 8) + "/" + (key & 0xff);
    }

    static String addressText(long a) {
        return a < 0 ? "none" : (a >>> 24 & 0xff) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }
}
