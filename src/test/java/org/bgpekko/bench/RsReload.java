// Scripted load for a route-server reload (issue 13): N clients x M routes under arouteserver's policy with a large
// global black list; seconds until a changed list has reached every client, against the initial table and a reload
// that changes nothing, measured in the same run. In process: the Rib as bgpekko runs it, Peers replaced by counters.
package org.bgpekko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * Usage: {@code RsReload CLIENTS ROUTES LIST [DIR]}. Client i (0..) has address 10.i/16's .1 host (10.(i>>8).(i&255).1),
 * AS 10001+i, and announces ROUTES /24s of 20.0.0.0/6 space (client i: prefixes i*ROUTES..), four per attribute set.
 * The global black list holds LIST /24s of 40.0.0.0/8 and up (none announced). The change replaces the list's first
 * CLIENTS entries with each client's first prefix: every client then gets CLIENTS-1 withdrawals, and nothing else.
 */
public final class RsReload {
    private static final long RS_AS = 64500;
    private static final int PER_SET = 4;

    private RsReload() {}

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        int routes = Integer.parseInt(args[1]);
        int list = Integer.parseInt(args[2]);
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("rs-reload");
        Path conf = write(dir, clients, routes, list, false);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "rs-reload");
        try {
            run(system, conf, dir, clients, routes, list);
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static void run(ActorSystem<Void> system, Path conf, Path dir, int clients, int routes, int list)
            throws Exception {
        long t0 = System.nanoTime();
        List<NeighborConfig> neighbors = ConfigParser.parse(conf).neighbors();
        double parse = secs(t0);
        ActorRef<Rib.Command> rib = system.systemActorOf(Rib.create(), "rib",
                org.apache.pekko.actor.typed.Props.empty());
        AtomicLongArray announced = new AtomicLongArray(clients);
        AtomicLongArray withdrawn = new AtomicLongArray(clients);
        SessionOptions options = SessionOptions.DEFAULT.withExternalPeer(true)
                .withFamilies(java.util.Set.of(Family.IPV4_UNICAST));
        for (int i = 0; i < clients; i++) {
            NeighborConfig n = neighbors.get(i);
            rib.tell(new Rib.PeerConfigured(PeerId.of(n), n));
        }
        for (int i = 0; i < clients; i++) {
            NeighborConfig n = neighbors.get(i);
            int index = i;
            ActorRef<Peer.Command> peer = system.systemActorOf(counter(rib, PeerId.of(n), index, announced, withdrawn),
                    "client-" + i, org.apache.pekko.actor.typed.Props.empty());
            Open sent = new Open(4, (int) RS_AS, 180, 0x7F000001L, List.of());
            Open received = new Open(4, (int) n.peerAs(), 180, 0x0B000000L + i, List.of());
            rib.tell(new Rib.PeerUp(new Session(PeerId.of(n), 1, options, List.of(Family.IPV4_UNICAST),
                    n.localAddress(), n.peerAddress(), RS_AS, n.peerAs(), sent, received), peer));
        }
        long start = System.nanoTime();
        long cpu = cpu();
        for (int i = 0; i < clients; i++) {
            rib.tell(new Rib.Received(PeerId.of(neighbors.get(i)), 1, table(i, routes, neighbors.get(i))));
        }
        long expected = (long) (clients - 1) * routes;
        waitFor(() -> min(announced), expected, 600);
        double initial = secs(start);
        double initialCpu = cpu(cpu);
        System.out.printf("initial table: %d clients x %d routes, every client holds %d: %.2f s, %.2f CPU s "
                + "(configuration parsed in %.2f s)%n", clients, routes, expected, initial, initialCpu, parse);

        // a reload that changes nothing: every Adj-RIB-In checked again, nothing sent
        start = System.nanoTime();
        cpu = cpu();
        reconfigure(system, rib, conf);
        double same = secs(start);
        double sameCpu = cpu(cpu);
        Thread.sleep(500);
        long extra = sum(withdrawn);
        System.out.printf("reload, policy unchanged (files read again): %.2f s, %.2f CPU s, %d withdrawals sent%n",
                same, sameCpu, extra);

        // the changed list: CLIENTS entries replaced by each client's first prefix
        write(dir, clients, routes, list, true);
        start = System.nanoTime();
        cpu = cpu();
        reconfigure(system, rib, conf);
        waitFor(() -> min(withdrawn), clients - 1, 600);
        double changed = secs(start);
        double changedCpu = cpu(cpu);
        Thread.sleep(500);
        System.out.printf("reload, %d of %d black-list entries changed: %.2f s, %.2f CPU s until every client got "
                + "its %d withdrawals (%d withdrawals, %d announcements in all after the change)%n", clients, list,
                changed, changedCpu, clients - 1, sum(withdrawn), sum(announced) - (long) clients * expected);
        System.out.printf("RESULT clients=%d routes=%d list=%d initial_s=%.2f unchanged_reload_s=%.2f "
                + "changed_reload_s=%.2f ratio_changed_to_initial=%.3f cpu_initial_s=%.2f cpu_unchanged_s=%.2f "
                + "cpu_changed_s=%.2f load=%s%n", clients, routes, list, initial, same, changed, changed / initial,
                initialCpu, sameCpu, changedCpu, load());
    }

    /**
     * Parses the files and hands the Rib the neighbours at once, as the guardian does; returns when the Rib is done,
     * having printed the parse's share.
     */
    private static void reconfigure(ActorSystem<Void> system, ActorRef<Rib.Command> rib, Path conf) throws Exception {
        long t = System.nanoTime();
        List<NeighborConfig> n = ConfigParser.parse(conf).neighbors();
        System.out.printf("  files parsed in %.2f s%n", secs(t));
        rib.tell(new Rib.PeersConfigured(n.stream().map(x -> new Rib.PeerConfigured(PeerId.of(x), x)).toList()));
        CompletionStage<Rib.Stats> done = AskPattern.ask(rib, Rib.GetStats::new, java.time.Duration.ofSeconds(600),
                system.scheduler());
        done.toCompletableFuture().get(600, TimeUnit.SECONDS);
    }

    /** A Peer that counts the prefixes announced and withdrawn to it and acknowledges every batch at once. */
    private static Behavior<Peer.Command> counter(ActorRef<Rib.Command> rib, PeerId id, int i, AtomicLongArray ann,
                                                  AtomicLongArray wd) {
        return Behaviors.receive(Peer.Command.class).onMessage(Peer.Send.class, s -> {
            for (Bytes b : s.messages()) {
                byte[] m = b.toArray();
                int wlen = (m[19] & 0xFF) << 8 | m[20] & 0xFF;
                wd.addAndGet(i, count(m, 21, 21 + wlen));
                int at = 21 + wlen;
                int alen = (m[at] & 0xFF) << 8 | m[at + 1] & 0xFF;
                ann.addAndGet(i, count(m, at + 2 + alen, m.length));
            }
            rib.tell(new Rib.SendDone(id, s.generation()));
            return Behaviors.same();
        }).build();
    }

    /** IPv4 prefixes in {@code m[from..to)}: a length octet and as many address octets as it needs. */
    private static int count(byte[] m, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i += 1 + ((m[i] & 0xFF) + 7) / 8) {
            n++;
        }
        return n;
    }

    /** Client i's routes: its own next hop, AS_PATH (its AS, then one of a few origins), four prefixes per set. */
    private static List<Update> table(int i, int routes, NeighborConfig n) {
        SessionOptions server = SessionOptions.DEFAULT.withExternalPeer(true);
        List<Update> out = new ArrayList<>();
        for (int r = 0; r < routes; r += PER_SET) {
            List<Nlri> nlri = new ArrayList<>();
            for (int k = r; k < Math.min(routes, r + PER_SET); k++) {
                nlri.add(new InetNlri(Family.IPV4_UNICAST, Nlri.NO_PATH_ID, prefix(i * routes + k)));
            }
            PathAttributes a = new PathAttributes(List.<PathAttribute>of(Origin.IGP,
                    AsPath.sequence(n.peerAs(), 2000L + r / PER_SET % 50), new NextHop(n.peerAddress())));
            for (byte[] m : UpdatePacker.announce(a, Bytes.EMPTY, NlriBlock.of(Family.IPV4_UNICAST, false, nlri),
                    server, UpdatePacker.UNLIMITED)) {
                out.add((Update) MessageCodec.decode(m, server));
            }
        }
        return out;
    }

    /** The k-th announced /24: 20.0.0.0 onwards. */
    private static IpPrefix prefix(int k) {
        return IpPrefix.parse(((20 + (k >> 16)) & 255) + "." + (k >> 8 & 255) + "." + (k & 255) + ".0/24");
    }

    private static Path write(Path dir, int clients, int routes, int list, boolean changed) throws IOException {
        StringBuilder g = new StringBuilder("""
                cfg:
                  rs_as: 64500
                  router_id: "127.0.0.1"
                  filtering:
                    irrdb: {enforce_origin_in_as_set: false, enforce_prefix_in_as_set: false, tag_as_set: false}
                    global_black_list_pref:
                """);
        for (int k = 0; k < list; k++) {
            String p = changed && k < clients ? prefix(k * routes).toString()
                    : (40 + (k >> 16)) + "." + (k >> 8 & 255) + "." + (k & 255) + ".0/24";
            g.append("      - {prefix: \"").append(p, 0, p.indexOf('/')).append("\", length: 24}\n");
        }
        Files.writeString(dir.resolve("general.yml"), g);
        StringBuilder c = new StringBuilder("clients:\n");
        for (int i = 0; i < clients; i++) {
            c.append("  - {asn: ").append(10001 + i).append(", ip: \"").append(address(i)).append("\"}\n");
        }
        Files.writeString(dir.resolve("clients.yml"), c);
        Path conf = dir.resolve("rs.conf");
        Files.writeString(conf, "template { neighbor c { local-address 127.0.0.1; family { ipv4 unicast; } } }\n"
                + "route-server { general general.yml; clients clients.yml; template c; }\n");
        return conf;
    }

    private static String address(int i) {
        return "10." + (i >> 8) + "." + (i & 255) + ".1";
    }

    private static void waitFor(LongSupplier value, long target, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (value.getAsLong() < target) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up after " + seconds + " s: " + value.getAsLong() + " of "
                        + target);
            }
            Thread.sleep(5);
        }
    }

    private static long min(AtomicLongArray a) {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < a.length(); i++) {
            m = Math.min(m, a.get(i));
        }
        return m;
    }

    private static long sum(AtomicLongArray a) {
        long s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }

    /** The process's CPU time in nanoseconds (every thread: the Rib, the collector, the counters). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double cpu(long from) {
        return (cpu() - from) / 1e9;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
