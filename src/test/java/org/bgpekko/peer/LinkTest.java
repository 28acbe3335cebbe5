// A Link's writes: a Rib batch in one write on a socket, everything queued in one write where the connection takes it.
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
        /** Each write's bytes. */
        final List<ByteString> bytes = new ArrayList<>();

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
            bytes.add(message);
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
    void aSocketGetsTheRibBatchInOneWriteOfItsMessagesInOrder() {
        Recording c = new Recording(false);
        Link link = new Link(1, true, c);
        link.sendRib(messages(1, 2, 3));
        assertEquals(1, c.writes.size(), "the Rib's batch in one write");
        assertEquals(ByteString.fromArray(new byte[] {1, 0, 0, 2, 0, 0, 3, 0, 0}), c.bytes.get(0),
                "its messages' bytes, in order");
        assertTrue(link.ribDrained(), "all of it handed to the connection");
        link.sendRib(messages(4, 5));
        link.sendKeepalive();
        link.sendRib(messages(6));
        assertEquals(1, c.writes.size(), "nothing more before the write is taken");
        link.written();
        assertEquals(List.of(KEEPALIVE), c.writes.get(1), "the KEEPALIVE first, on its own");
        link.written();
        assertEquals(ByteString.fromArray(new byte[] {4, 0, 0, 5, 0, 0}), c.bytes.get(2), "then the next batch");
        assertFalse(link.ribDrained());
        link.written();
        assertEquals(ByteString.fromArray(new byte[] {6, 0, 0}), c.bytes.get(3), "a batch of one, as it is");
        assertTrue(link.ribDrained());
        link.written();
        assertEquals(4, c.writes.size(), "nothing queued: no empty write");
    }

    @Test
    void aBatchOfMaximalMessagesIsCarriedWhole() {
        // extended messages (RFC 8654): 65,535 bytes each, after a Rib batch's 64 KiB of small ones
        List<Bytes> batch = new ArrayList<>();
        for (int i = 0; i < 1365; i++) {
            byte[] m = new byte[48];
            for (int k = 0; k < m.length; k++) {
                m[k] = (byte) (i + k);
            }
            batch.add(Bytes.wrapOwned(m));
        }
        byte[] big = new byte[65535];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        batch.add(Bytes.wrapOwned(big));
        batch.add(Bytes.wrapOwned(big.clone()));
        Recording c = new Recording(false);
        Link link = new Link(1, true, c);
        link.sendRib(batch);
        ByteString written = c.bytes.get(0);
        int small = 1365 * 48;
        assertEquals(small + 2 * 65535, written.length(), "every byte of every message");
        for (int i = 0; i < 1365; i++) {
            assertEquals(ByteString.fromArray(batch.get(i).toArrayUnsafe()), written.slice(i * 48, i * 48 + 48));
        }
        assertEquals(ByteString.fromArray(big), written.slice(small, small + 65535), "the first large one whole");
        assertEquals(ByteString.fromArray(big), written.slice(small + 65535, small + 2 * 65535), "the second too");
    }
}
