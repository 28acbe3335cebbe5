// Heap bytes per route of the Adj-RIB-Out holding 1,000,000 helper routes, beside the representation it replaced.
package org.bgpekko.bench;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.api.ApiLine;
import org.bgpekko.api.ApiParseException;
import org.bgpekko.api.ApiParser;
import org.bgpekko.api.ApiTranslator;
import org.bgpekko.api.ApiCommand;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.rib.OutboundAttributes;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.Nlri;

/**
 * The routes are the lines of bench/api-throughput ({@code announce route 10.a.b.c/32 next-hop 127.0.0.1 med 100
 * community [65000:1]}), parsed by the helper API's parser. Three structures, each measured alone as
 * RibMemoryBenchmark measures (settled heap after minus before, the parsed routes reachable in both readings):
 * <ul>
 *   <li>{@code Rib Adj-RIB-Out (this)}: a Rib actor with one established neighbour applies the lines in batches of
 *       1,000 (as a helper's reads arrive) and a Peer that writes every batch at once takes the UPDATEs; measured
 *       once every route was sent, so the table is wanted and sent, nothing pending;</li>
 *   <li>{@code LinkedHashMap<Nlri,Change> (before)}: the representation this replaced (main at 860a076): per route
 *       a map entry, a change object with its own attribute set as parsed from its line, and a set of the sent
 *       NLRI;</li>
 *   <li>{@code HashMap<Nlri,interned>}: a plain map with the attribute sets interned.</li>
 * </ul>
 */
final class AdjRibOutBenchmark {
    private AdjRibOutBenchmark() {}

    private static final int BATCH = 1000;

    /** The representation main had: one per route and peer. */
    private record OldChange(Nlri nlri, OutboundAttributes attributes, boolean announce) {}

    static void run(int routes) throws InterruptedException {
        System.out.printf("%nAdj-RIB-Out: %,d helper routes (announce route 10.a.b.c/32 next-hop 127.0.0.1 med 100"
                + " community [65000:1])%n", routes);
        List<String> lines = new ArrayList<>(routes);
        List<ApiLine> apiLines = new ArrayList<>(routes);
        List<RouteConfig> parsed = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) {
            String line = "announce route 10." + (i >>> 16 & 0xFF) + "." + (i >>> 8 & 0xFF) + "." + (i & 0xFF)
                    + "/32 next-hop 127.0.0.1 med 100 community [65000:1]";
            lines.add(line);
            ApiLine l = parse(line);
            apiLines.add(l);
            parsed.add(((ApiCommand.AnnounceRoutes) l.command()).routes().get(0));
        }
        System.out.printf("%-34s %14s %10s %14s%n", "structure", "heap bytes", "B/route", "apply routes/s");
        double rib = ribActor(lines, apiLines, routes);
        parsed.clear(); // the reference keeps what each line's parse made, as the Adj-RIB-Out it replaced did
        apiLines.clear();
        double before = RibMemoryBenchmark.measureLoaded("LinkedHashMap<Nlri,Change> (before)", routes, () -> {
            Map<Nlri, OldChange> announced = new LinkedHashMap<>();
            Set<Nlri> sent = new HashSet<>();
            long t0 = System.nanoTime();
            for (String line : lines) {
                RouteConfig r = ((ApiCommand.AnnounceRoutes) parse(line).command()).routes().get(0);
                announced.put(r.nlri(), new OldChange(r.nlri(), new OutboundAttributes(r.attributes(), r.nextHop()),
                        true));
                sent.add(r.nlri());
            }
            return new RibMemoryBenchmark.Measured(List.of(announced, sent), System.nanoTime() - t0,
                    announced.size() == routes && sent.size() == routes);
        });
        RibMemoryBenchmark.measureLoaded("HashMap<Nlri,interned>", routes, () -> {
            Map<Nlri, OutboundAttributes> map = new HashMap<>();
            Map<OutboundAttributes, OutboundAttributes> interned = new HashMap<>();
            long t0 = System.nanoTime();
            for (String line : lines) {
                RouteConfig r = ((ApiCommand.AnnounceRoutes) parse(line).command()).routes().get(0);
                OutboundAttributes a = new OutboundAttributes(r.attributes(), r.nextHop());
                map.put(r.nlri(), interned.computeIfAbsent(a, x -> x));
            }
            return new RibMemoryBenchmark.Measured(List.of(map, interned), System.nanoTime() - t0,
                    map.size() == routes && interned.size() == 1);
        });
        System.out.printf("%nThe Adj-RIB-Out uses %.1f%% of the bytes per route of the representation it replaced"
                + " (%.1fx less)%n", 100 * rib / before, before / rib);
        Reference.reachabilityFence(lines);
    }

    /** The Rib actor applies every line, the session takes every UPDATE; heap of the Rib's tables per route. */
    private static double ribActor(List<String> lines, List<ApiLine> parsed, int routes)
            throws InterruptedException {
        ActorTestKit kit = ActorTestKit.create();
        try {
            load(kit, "warm-up", lines, parsed, Math.min(routes, 20_000), false); // JIT, logging, the actor system
            return load(kit, "rib", lines, parsed, routes, true);
        } finally {
            kit.shutdownTestKit();
        }
    }

    private static double load(ActorTestKit kit, String name, List<String> lines, List<ApiLine> parsed, int routes,
                               boolean report) throws InterruptedException {
        {
            String conf = "process bench { run ./bench.run; encoder text; }\n"
                    + "neighbor 127.0.0.1 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65000;"
                    + " peer-as 65000; family { ipv4 unicast; } api { processes [ bench ]; } }";
            NeighborConfig n = ConfigParser.parse(Path.of("bench.conf"), conf).neighbors().get(0);
            PeerId id = PeerId.of(n);
            ActorRef<Rib.Command> rib = kit.spawn(Rib.create(), name);
            AtomicLong announced = new AtomicLong();
            ActorRef<Peer.Command> peer = kit.spawn(Behaviors.receive(Peer.Command.class)
                    .onMessage(Peer.Send.class, s -> {
                        for (Bytes b : s.messages()) {
                            announced.addAndGet(((Update) MessageCodec.decode(b.toArray(), SessionOptions.DEFAULT))
                                    .nlri().size());
                        }
                        rib.tell(new Rib.SendDone(id, s.generation()));
                        return Behaviors.same();
                    }).build(), name + "-peer");
            rib.tell(new Rib.PeerConfigured(id, n));
            rib.tell(new Rib.PeerUp(new Session(id, 1, SessionOptions.DEFAULT, List.of(Family.IPV4_UNICAST),
                    n.localAddress(), n.peerAddress(), n.localAs(), n.peerAs(), null, null), peer));
            TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();
            TestProbe<Rib.Stats> stats = kit.createTestProbe();
            rib.tell(new Rib.GetStats(stats.getRef()));
            stats.receiveMessage();
            long heapBefore = RibMemoryBenchmark.settledHeap();
            long t0 = System.nanoTime();
            for (int from = 0; from < routes; from += BATCH) {
                List<Rib.ApiInput> inputs = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(routes, from + BATCH); i++) {
                    inputs.add(ApiTranslator.translate("bench", lines.get(i), parsed.get(i)));
                }
                rib.tell(new Rib.ApiBatch("bench", inputs, helper.getRef()));
                helper.receiveMessage(Duration.ofSeconds(60)); // one batch at a time, as the gateway bounds it
            }
            long applied = System.nanoTime() - t0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (announced.get() < routes && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            RibMemoryBenchmark.check(announced.get() == routes, "the session got " + announced.get() + " routes");
            long heapAfter = RibMemoryBenchmark.settledHeap();
            rib.tell(new Rib.GetStats(stats.getRef()));
            Rib.Stats st = stats.receiveMessage();
            RibMemoryBenchmark.check(st.outboundPrefixes() == routes && st.outboundAttributeSets() == 1,
                    "the Rib numbers " + st.outboundPrefixes() + " prefixes, " + st.outboundAttributeSets() + " sets");
            double perRoute = (heapAfter - heapBefore) / (double) routes;
            if (report) {
                System.out.printf("%-34s %,14d %10.1f %,14.0f%n", "Rib Adj-RIB-Out (this)", heapAfter - heapBefore,
                        perRoute, routes * 1e9 / applied);
            }
            kit.stop(rib);
            kit.stop(peer);
            return perRoute;
        }
    }

    private static ApiLine parse(String line) {
        try {
            return ApiParser.parse(line);
        } catch (ApiParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
