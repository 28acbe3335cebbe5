// The FlowSpec table of the codec benchmark: 10,000 DDoS-style flows, each in its own UPDATE as ExaBGP sends them.
package org.bgpekko.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Each flow: a destination /32, often a source prefix, protocol tcp or udp, a destination port or two, and on some
 * a source-port range, TCP flags or a packet-length range (13 to 40 bytes of NLRI); then discard or a rate-limit.
 */
final class FlowBenchTable {
    final List<FlowNlri> flows;
    final List<PathAttributes> attributes;

    private FlowBenchTable(List<FlowNlri> flows, List<PathAttributes> attributes) {
        this.flows = List.copyOf(flows);
        this.attributes = List.copyOf(attributes);
    }

    static FlowBenchTable of(int count) {
        Random r = new Random(BenchTables.SEED);
        List<PathAttributes> sets = new ArrayList<>();
        for (long rate : new long[] {0, 9600, 1_000_000, 125_000_000}) {
            sets.add(PathAttributes.of(Origin.IGP, AsPath.EMPTY, new LocalPref(100), ExtendedCommunities.sorted(
                    List.of(new ExtendedCommunity(0x8006L << 48 | Float.floatToIntBits((float) rate) & 0xFFFFFFFFL)))));
        }
        List<FlowNlri> flows = new ArrayList<>(count);
        List<PathAttributes> attrs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<FlowComponent> c = new ArrayList<>();
            c.add(FlowPrefix.destination(IpPrefix.ipv4(0xC6330000L | i, 32)));
            if (r.nextInt(3) > 0) {
                c.add(FlowPrefix.source(IpPrefix.ipv4(r.nextInt() & 0xFFFFFF00L, 24)));
            }
            c.add(new FlowMatch(3, List.of(FlowOp.of(FlowOp.EQ, r.nextBoolean() ? 6 : 17, 1))));
            List<FlowOp> ports = new ArrayList<>(List.of(FlowOp.of(FlowOp.EQ, r.nextBoolean() ? 80 : 443, 2)));
            if (r.nextBoolean()) {
                ports.add(FlowOp.of(FlowOp.EQ, 1024 + r.nextInt(60000), 2));
            }
            c.add(new FlowMatch(5, ports));
            if (r.nextInt(4) == 0) {
                c.add(new FlowMatch(6, List.of(FlowOp.of(FlowOp.GT, 1024, 2))));
            }
            if (r.nextInt(4) == 0) {
                c.add(new FlowMatch(9, List.of(FlowOp.of(FlowOp.MATCH, 0x02, 2))));
            }
            if (r.nextInt(4) == 0) {
                c.add(new FlowMatch(10, List.of(FlowOp.of(FlowOp.GT, 1000, 2),
                        FlowOp.of(FlowOp.AND | FlowOp.LT, 1500, 2))));
            }
            flows.add(FlowNlri.of(Family.IPV4_FLOW, null, c));
            attrs.add(sets.get(r.nextInt(sets.size())));
        }
        return new FlowBenchTable(flows, attrs);
    }

    /** One UPDATE per flow: MP_REACH_NLRI with an empty next hop. */
    byte[] encode(int i, SessionOptions options) {
        NlriBlock one = NlriBlock.of(Family.IPV4_FLOW, false, List.of(flows.get(i)));
        return UpdatePacker.announce(attributes.get(i), Bytes.EMPTY, one, options, 1).get(0);
    }

    List<byte[]> encodeAll(SessionOptions options) {
        List<byte[]> out = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            out.add(encode(i, options));
        }
        return out;
    }
}
