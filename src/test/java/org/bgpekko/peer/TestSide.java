// The far end of a loopback session in tests: a blocking socket that speaks just enough BGP.
package org.bgpekko.peer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;

public final class TestSide implements AutoCloseable {
    public static final byte[] KEEPALIVE = MessageCodec.encode(Keepalive.INSTANCE, SessionOptions.DEFAULT);

    public final ServerSocket server;
    public Socket socket;
    DataInputStream in;
    OutputStream out;

    /** @param receiveBuffer SO_RCVBUF of accepted sockets, or 0 for the default */
    public TestSide(int receiveBuffer) throws IOException {
        server = new ServerSocket();
        if (receiveBuffer > 0) {
            server.setReceiveBufferSize(receiveBuffer);
        }
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setSoTimeout(10_000);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void accept() throws IOException {
        socket = server.accept();
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One whole message: the 19-byte header, then the rest of its length. */
    public byte[] read() throws IOException {
        byte[] header = new byte[19];
        in.readFully(header);
        int length = (header[16] & 0xFF) << 8 | header[17] & 0xFF;
        byte[] m = new byte[length];
        System.arraycopy(header, 0, m, 0, 19);
        in.readFully(m, 19, length - 19);
        return m;
    }

    public synchronized void write(byte[] m) throws IOException {
        out.write(m);
        out.flush();
    }

    /** Reads the speaker's OPEN and answers it echoed (router id + 1) and a KEEPALIVE; returns the OPEN. */
    public byte[] handshake() throws IOException {
        byte[] open = read();
        if (open[18] != 1) {
            throw new IOException("expected an OPEN, got type " + open[18]);
        }
        byte[] echo = open.clone();
        echo[27]++;
        write(echo);
        write(KEEPALIVE);
        return open;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
