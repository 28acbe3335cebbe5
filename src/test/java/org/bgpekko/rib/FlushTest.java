// A flush is written a batch at a time: only the batch in flight exists as UPDATEs, and the bytes are those of one go.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class FlushTest {
    private final NlriSlots slots = new NlriSlots();
    private final InternTable<OutboundAttributes> attrs = new InternTable<>();

    /**
     * An Adj-RIB-Out of {@code n} routes: half IPv6 /48s (one UPDATE each), half IPv4 /24s, alternately with an
     * IPv4 next hop (packed) and an IPv6 one (one UPDATE each, in MP_REACH_NLRI).
     */
    private AdjRibOut table(int n) {
        AdjRibOut out = new AdjRibOut(slots, attrs);
        for (int i = 0; i < n; i++) {
            Nlri nlri = i % 2 == 0
                    ? new InetNlri(Family.IPV6_UNICAST, Nlri.NO_PATH_ID,
                            new IpPrefix(Family.AFI_IPV6, 0x20010DB8L << 32 | (long) i << 16, 0, 48))
                    : new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, IpPrefix.ipv4((long) i << 8, 24));
            int attr = attrs.acquire(new OutboundAttributes(PathAttributes.EMPTY,
                    Optional.of(IpAddress.parse(i % 4 < 2 ? "192.0.2.1" : "2001:db8::1"))));
            int slot = slots.acquire(nlri);
            out.announce(slot, attr);
            slots.release(slot);
            attrs.release(attr);
        }
        out.sessionStarted();
        return out;
    }

    /**
     * Issue 10: the initial table was encoded whole in one Rib turn (1M IPv6 routes: 1M UPDATEs, 78 MB). Each
     * batch now holds at most Rib.BATCH_BYTES, at most one more UPDATE waits between batches, and the UPDATEs are
     * byte for byte those of writing the flush in one go.
     */
    @Test
    void theInitialTableIsWrittenOneBatchAtATime() {
        NeighborConfig n = RibTest.neighbor("");
        Session s = new Session(PeerId.of(n), 1, SessionOptions.DEFAULT,
                List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), IpAddress.parse("192.0.2.9"), n.peerAddress(),
                n.localAs(), n.peerAs(), null, null);
        UpdateEncoder encoder = new UpdateEncoder(s, true, slots, attrs);
        int routes = 40_000;
        List<byte[]> whole = encoder.encodeAll(table(routes).initialTable(s.families()));
        Flush lazy = table(routes).initialTable(s.families());
        List<Bytes> batched = new ArrayList<>();
        int batches = 0;
        while (!lazy.done()) {
            UpdateEncoder.Batch b = new UpdateEncoder.Batch(Rib.BATCH_BYTES, lazy.overflow);
            encoder.encode(lazy, b);
            int bytes = b.messages().stream().mapToInt(Bytes::length).sum();
            assertTrue(bytes <= Rib.BATCH_BYTES, bytes + " bytes in one batch");
            assertTrue(lazy.overflow.size() <= 1, lazy.overflow.size() + " UPDATEs encoded ahead");
            batched.addAll(b.messages());
            batches++;
        }
        assertTrue(batches > 20, batches + " batches");
        assertEquals(whole.size(), batched.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(Bytes.of(whole.get(i)), batched.get(i), "UPDATE " + i);
        }
        int ipv4 = 0;
        int ipv6Updates = 0;
        int endOfRib = 0;
        // the session's own reading: a next hop of the other address family needs the extended next hop (RFC 8950)
        SessionOptions read = SessionOptions.DEFAULT.withExtendedNextHop(
                Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));
        for (byte[] m : whole) {
            Update u = (Update) MessageCodec.decode(m, read);
            if (u.endOfRibFamily().isPresent()) {
                endOfRib++;
            } else if (u.mpReach().isPresent()) {
                assertEquals(1, u.mpReach().get().nlri().size(), "one NLRI per UPDATE in MP_REACH_NLRI");
                ipv6Updates++;
            } else {
                ipv4 += u.nlri().size();
            }
        }
        assertEquals(routes / 2 + routes / 4, ipv6Updates, "IPv6, and IPv4 with an IPv6 next hop (RFC 8950)");
        assertEquals(routes / 4, ipv4, "IPv4 with an IPv4 next hop: packed");
        assertEquals(2, endOfRib);
    }
}
