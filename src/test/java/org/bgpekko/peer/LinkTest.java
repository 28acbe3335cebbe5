// A Link's writes: one message per write on a socket, everything queued in one write where the connection takes it.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.Test;

class LinkTest {
    /** Records each write, as the messages it carried (first byte of each). */
    static final class Recording implements Connection {
        final boolean batches;
        final List<List<Integer>> writes = new ArrayList<>();

        Recording(boolean batches) {
            this.batches = batches;
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 179);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.2", 179);
        }

        @Override
        public void write(ByteString message) {
            writes.add(List.of(first(message)));
        }

        @Override
        public boolean writesBatches() {
            return batches;
        }

        @Override
        public void writeAll(List<ByteString> messages) {
            assertTrue(batches, "writeAll on a connection of one message per write");
            writes.add(messages.stream().map(Recording::first).toList());
        }

        @Override
        public void pull() {
        }

        @Override
        public void close() {
        }

        /** A test message's tag (its first byte); a KEEPALIVE (its marker) is 0xff. */
        static int first(ByteString m) {
            return m.apply(0) & 0xff;
        }
    }

    static List<Bytes> messages(int... tags) {
        List<Bytes> out = new ArrayList<>();
        for (int t : tags) {
            out.add(Bytes.wrapOwned(new byte[] {(byte) t, 0, 0}));
        }
        return out;
    }

    static final int KEEPALIVE = MessageCodec.encode(Keepalive.INSTANCE, SessionOptions.DEFAULT)[0] & 0xff;

    @Test
    void aConnectionThatTakesBatchesGetsEverythingQueuedInOneWrite() {
        Recording c = new Recording(true);
        Link link = new Link(1, true, c);
        link.sendRib(messages(1, 2, 3));
        assertEquals(List.of(List.of(1, 2, 3)), c.writes, "the Rib's batch in one write");
        assertTrue(link.ribDrained(), "all of it handed to the connection");
        link.sendRib(messages(4, 5));
        link.sendKeepalive();
        assertEquals(1, c.writes.size(), "nothing more before the write is taken");
        assertFalse(link.ribDrained());
        link.written();
        assertEquals(List.of(KEEPALIVE, 4, 5), c.writes.get(1), "the KEEPALIVE first, then the next batch");
        assertTrue(link.ribDrained());
        link.written();
        assertEquals(2, c.writes.size(), "nothing queued: no empty write");
    }

    @Test
    void aSocketGetsOneMessagePerWrite() {
        Recording c = new Recording(false);
        Link link = new Link(1, true, c);
        link.sendRib(messages(1, 2, 3));
        assertEquals(List.of(List.of(1)), c.writes);
        assertFalse(link.ribDrained());
        link.written();
        link.written();
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), c.writes);
        assertTrue(link.ribDrained());
    }
}
