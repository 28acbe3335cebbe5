// JMH benchmark of UPDATE decode and encode; scores are prefixes (FlowSpec: flows) per second (bench/codec-bench).
package org.bgpekko.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// a fixed, pre-touched heap: without it encode scores drift upwards for many iterations while the heap grows
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class UpdateCodecBenchmark {
    /** Prefixes in each table; one benchmark invocation handles all of them, so ops/s is prefixes/s. */
    static final int PREFIXES = 100_000;

    static final SessionOptions OPTIONS = SessionOptions.DEFAULT;

    /** Adds every visited prefix into an order-independent checksum. */
    static final class Sum implements NlriBlock.PrefixVisitor {
        long total;

        @Override
        public void prefix(long pathId, long hi, long lo, int length) {
            total += BenchTables.mix(hi, lo, length);
        }
    }

    /** 100,000 distinct /24s with one attribute set, packed about 1,000 to an UPDATE. */
    @State(Scope.Benchmark)
    public static class Packed {
        BenchTables.Table table;
        List<byte[]> messages;
        final Sum sum = new Sum();

        @Setup
        public void setup() {
            table = BenchTables.packed(PREFIXES);
            messages = BenchTables.packAll(table, OPTIONS);
            double perMessage = (double) PREFIXES / messages.size();
            if (perMessage < 950 || perMessage > 1050) {
                throw new IllegalStateException("expected about 1000 NLRI per UPDATE, got " + perMessage);
            }
            verify(table, messages, PREFIXES);
            int walked = 0;
            for (byte[] m : messages) {
                for (int p = nlriStart(m); p < m.length; p += 1 + ((m[p] & 0xFF) + 7) / 8) {
                    walked++;
                }
            }
            if (walked != PREFIXES) {
                throw new IllegalStateException("the bare parse loop walks " + walked + " prefixes");
            }
            report("packed", table, messages);
        }
    }

    /** 100,000 prefixes of a mixed table: DFZ-like lengths, ~1,000 attribute sets, ~10% IPv6 in MP_REACH_NLRI. */
    @State(Scope.Benchmark)
    public static class Mixed {
        BenchTables.Table table;
        List<byte[]> messages;
        final Sum sum = new Sum();

        @Setup
        public void setup() {
            table = BenchTables.mixed(PREFIXES);
            messages = BenchTables.packAll(table, OPTIONS);
            verify(table, messages, PREFIXES);
            report("mixed", table, messages);
        }
    }

    /** Flows in the FlowSpec table: ops/s of its benchmarks is flows/s. */
    static final int FLOWS = 10_000;

    /** 10,000 IPv4 FlowSpec routes (FlowBenchTable), one UPDATE each; where each NLRI starts and ends. */
    @State(Scope.Benchmark)
    public static class Flows {
        FlowBenchTable table;
        List<byte[]> messages;
        int[] nlriStart;

        @Setup
        public void setup() {
            table = FlowBenchTable.of(FLOWS);
            messages = table.encodeAll(OPTIONS);
            nlriStart = new int[messages.size()];
            for (int i = 0; i < messages.size(); i++) {
                byte[] m = messages.get(i);
                Update u = (Update) MessageCodec.decode(m, OPTIONS);
                MpReachNlri reach = u.mpReach().orElseThrow();
                if (!u.errors().isEmpty() || !reach.nlri().toList().equals(List.of(table.flows.get(i)))) {
                    throw new IllegalStateException("flow " + i + " does not decode to itself");
                }
                nlriStart[i] = m.length - reach.nlri().byteLength();
            }
            long bytes = messages.stream().mapToLong(m -> m.length).sum();
            System.out.printf("%n[flows] %d flows, one UPDATE each, %d bytes in all%n", messages.size(), bytes);
        }
    }

    /** MessageCodec.decode of each flow UPDATE, then the FlowNlri object of its NLRI (what events are made of). */
    @Benchmark
    @OperationsPerInvocation(FLOWS)
    public int decodeFlow(Flows s, Blackhole bh) {
        int components = 0;
        for (byte[] m : s.messages) {
            Update u = (Update) MessageCodec.decode(m, OPTIONS);
            for (org.bgpekko.wire.nlri.Nlri n : u.mpReach().orElseThrow().nlri()) {
                components += ((org.bgpekko.wire.nlri.FlowNlri) n).components().size();
                bh.consume(n);
            }
        }
        return components;
    }

    /** From FlowNlri objects and their attribute sets: the NLRI encoded and packed into one UPDATE each. */
    @Benchmark
    @OperationsPerInvocation(FLOWS)
    public void encodeFlow(Flows s, Blackhole bh) {
        for (int i = 0; i < FLOWS; i++) {
            bh.consume(s.table.encode(i, OPTIONS));
        }
    }

    /** The bare loop of the flow table: sums the NLRI bytes of each flow UPDATE, no parsing. */
    @Benchmark
    @OperationsPerInvocation(FLOWS)
    public long baselineFlowLoop(Flows s) {
        long sum = 0;
        for (int i = 0; i < FLOWS; i++) {
            byte[] m = s.messages.get(i);
            for (int p = s.nlriStart[i]; p < m.length; p++) {
                sum += m[p] & 0xFF;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public long decodePacked(Packed s, Blackhole bh) {
        return decode(s.messages, s.sum, bh);
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public void encodePacked(Packed s, Blackhole bh) {
        encode(s.table, bh);
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public long decodeMixed(Mixed s, Blackhole bh) {
        return decode(s.messages, s.sum, bh);
    }

    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public void encodeMixed(Mixed s, Blackhole bh) {
        encode(s.table, bh);
    }

    /** The bare parse loop: walks the NLRI field of the packed UPDATEs (length byte, address bytes), summing bytes. */
    @Benchmark
    @OperationsPerInvocation(PREFIXES)
    public long baselineParseLoop(Packed s) {
        long sum = 0;
        for (byte[] m : s.messages) {
            int p = nlriStart(m);
            while (p < m.length) {
                int bits = m[p++] & 0xFF;
                sum += bits;
                for (int end = p + ((bits + 7) >>> 3); p < end; p++) {
                    sum += m[p] & 0xFF;
                }
            }
        }
        return sum;
    }

    /** Offset of the NLRI field of an UPDATE: after the header, withdrawn routes and path attributes. */
    static int nlriStart(byte[] m) {
        int p = BgpMessage.HEADER_LENGTH + 2 + Wire.u16(m, BgpMessage.HEADER_LENGTH);
        return p + 2 + Wire.u16(m, p);
    }

    static long decode(List<byte[]> messages, Sum sum, Blackhole bh) {
        sum.total = 0;
        for (byte[] m : messages) {
            Update u = (Update) MessageCodec.decode(m, OPTIONS);
            u.nlri().forEachPrefix(sum);
            MpReachNlri reach = u.mpReach().orElse(null);
            if (reach != null) {
                reach.nlri().forEachPrefix(sum);
            }
            bh.consume(u);
        }
        return sum.total;
    }

    static void encode(BenchTables.Table table, Blackhole bh) {
        for (BenchTables.Group g : table.groups) {
            bh.consume(BenchTables.pack(table, g, OPTIONS));
        }
    }

    /** Fails the run unless decoding the messages visits exactly the table's prefixes. */
    static void verify(BenchTables.Table table, List<byte[]> messages, int expected) {
        Sum sum = new Sum();
        int[] count = new int[1];
        NlriBlock.PrefixVisitor counting = (pathId, hi, lo, length) -> {
            count[0]++;
            sum.prefix(pathId, hi, lo, length);
        };
        for (byte[] m : messages) {
            Update u = (Update) MessageCodec.decode(m, OPTIONS);
            if (!u.errors().isEmpty()) {
                throw new IllegalStateException("benchmark UPDATE decodes with findings " + u.errors());
            }
            u.nlri().forEachPrefix(counting);
            u.mpReach().ifPresent(r -> r.nlri().forEachPrefix(counting));
        }
        if (count[0] != expected || table.size() != expected || sum.total != table.checksum()) {
            throw new IllegalStateException("decoded " + count[0] + " prefixes of " + expected + ", checksum "
                    + (sum.total == table.checksum() ? "ok" : "differs"));
        }
    }

    static void report(String name, BenchTables.Table table, List<byte[]> messages) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long bytes = 0;
        for (byte[] m : messages) {
            min = Math.min(min, m.length);
            max = Math.max(max, m.length);
            bytes += m.length;
        }
        System.out.printf("%n[%s] %d prefixes, %d attribute sets, %d UPDATEs (%.1f prefixes each), "
                        + "%d..%d bytes, %d bytes in all%n", name, table.size(), table.groups.size(), messages.size(),
                (double) table.size() / messages.size(), min, max, bytes);
    }
}
