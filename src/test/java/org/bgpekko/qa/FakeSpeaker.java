// A tiny in-test BGP "speaker": connects to the test peer on loopback, sends an OPEN and scripted messages.
package org.bgpekko.qa;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

final class FakeSpeaker implements AutoCloseable {
    /** OPEN: version 4, AS 65533, hold 180, router-id 10.0.0.2, MP ipv4/unicast and ASN4 65533. */
    static final String OPEN = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" + "002D" + "01"
            + "04" + "FFFD" + "00B4" + "0A000002" + "10" + "02060104000100010206410400" + "00FFFD";
    static final String KEEPALIVE = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304";
    static final String EOR = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00170200000000";

    private final Socket socket;
    private final InputStream in;

    FakeSpeaker(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        socket.setSoTimeout(3000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    static FakeSpeaker connect(int port) throws IOException {
        return new FakeSpeaker("127.0.0.1", port);
    }

    /** Writes hex messages in one write. */
    void send(String... hex) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String h : hex) {
            sb.append(h.replace(":", ""));
        }
        socket.getOutputStream().write(Hex.parse(sb.toString()));
        socket.getOutputStream().flush();
    }

    /** Writes one message a byte at a time (tests framing on the peer's side). */
    void sendSlowly(String hex) throws IOException, InterruptedException {
        for (byte b : Hex.parse(hex)) {
            socket.getOutputStream().write(b);
            socket.getOutputStream().flush();
            Thread.sleep(1);
        }
    }

    /** The next message as upper-case hex; null at the end of the stream. */
    String read() throws IOException {
        byte[] m = Messages.read(in);
        return m == null ? null : Hex.of(m);
    }

    /** Whether the peer closed the connection within the read timeout (no further message). */
    boolean closedByPeer() throws IOException {
        try {
            return Messages.read(in) == null;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
