// Load generator of bench/rs-convergence: N feeders and a monitor against a route server; times convergence.
package org.bgpekko.bench;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * <pre>
 * RsConvergence clients N                       the monitor and N feeders: NAME ADDRESS AS, one a line
 * RsConvergence irr --feeders N --prefixes P [--per-set --overlap --seed]
 *                                               irr.yml with each feeder's AS-SET for the same tables
 * RsConvergence run --server 127.0.0.1:PORT --feeders N --prefixes P [options]
 * </pre>
 *
 * {@code run} builds the tables ({@link RsTables}), connects the monitor and the feeders ({@link RsSession}, each from
 * its own address, {@link RsClients}), and once every session is Established: <b>announce phase</b> — every feeder
 * writes its whole table at once (t0 = the start); the phase ends when every client holds what it should (the
 * monitor every prefix, each feeder every prefix of the others). <b>Withdraw phase</b> (only if the monitor got
 * everything) — every feeder withdraws its whole table; it ends when every client holds nothing. A phase also ends
 * on a session that closes, when nothing changed for {@code --idle} seconds after the feeders finished writing, or at
 * {@code --timeout}. Then every session gets a Cease and the result is one {@code result key=value…} line on stdout;
 * progress and per-client details go to stderr. Exit 0 when both phases completed with no wrong route ({@code
 * end=complete}), 1 otherwise.
 */
@Command(name = "RsConvergence", mixinStandardHelpOptions = true, subcommands = {RsConvergence.Clients.class,
        RsConvergence.Irr.class, RsConvergence.Run.class})
public final class RsConvergence {
    public static void main(String[] args) {
        System.exit(new CommandLine(new RsConvergence()).execute(args));
    }

    @Command(name = "clients", description = "Print the monitor and N feeders: NAME ADDRESS AS.")
    static final class Clients implements Callable<Integer> {
        @Parameters(paramLabel = "N")
        int feeders;

        @Override
        public Integer call() {
            for (RsClients.Client c : RsClients.all(feeders)) {
                System.out.println(c.name() + " " + c.address() + " " + c.as());
            }
            return 0;
        }
    }

    @Command(name = "irr", description = "Print irr.yml: each feeder's AS-SET (origins, prefixes) for these tables.")
    static final class Irr implements Callable<Integer> {
        @Option(names = "--feeders", required = true)
        int feeders;
        @Option(names = "--prefixes", required = true, description = "prefixes per feeder")
        int prefixes;
        @Option(names = "--per-set", defaultValue = "4")
        double perSet;
        @Option(names = "--overlap", defaultValue = "0")
        double overlap;
        @Option(names = "--seed", defaultValue = "20240611")
        long seed;

        @Override
        public Integer call() {
            java.io.PrintStream out = new java.io.PrintStream(new java.io.BufferedOutputStream(System.out, 1 << 16),
                    false);
            RsTables.build(feeders, prefixes, perSet, overlap, seed).writeIrr(out);
            out.flush();
            return out.checkError() ? 1 : 0;
        }
    }

    @Command(name = "run", description = "Run the two phases against a route server and print the result line.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--server", required = true, description = "HOST:PORT of the route server")
        String server;
        @Option(names = "--feeders", required = true)
        int feeders;
        @Option(names = "--prefixes", required = true, description = "prefixes per feeder")
        int prefixes;
        @Option(names = "--per-set", defaultValue = "4", description = "prefixes per attribute set, on average")
        double perSet;
        @Option(names = "--overlap", defaultValue = "0", description = "share of each feeder's prefixes that all announce")
        double overlap;
        @Option(names = "--seed", defaultValue = "20240611")
        long seed;
        @Option(names = "--timeout", defaultValue = "600", description = "seconds for each phase")
        long timeoutS;
        @Option(names = "--idle", defaultValue = "30", description = "seconds without change that end a phase")
        long idleS;
        @Option(names = "--connect-timeout", defaultValue = "120", description = "seconds to bring every session up")
        long connectS;

        @Override
        public Integer call() throws Exception {
            String result = new Bench(this).run();
            System.out.println(result);
            System.out.flush();
            return result.startsWith("result end=complete ") ? 0 : 1;
        }
    }

    /** Runs the two phases with the given command line ({@code run} options) and returns the result line. */
    static String run(String... args) throws Exception {
        Run o = new Run();
        new CommandLine(o).parseArgs(args);
        return new Bench(o).run();
    }

    private static final class Bench {
        private final Run o;
        private final List<String> kv = new ArrayList<>();
        private List<RsSession> sessions = List.of();

        Bench(Run options) {
            this.o = options;
        }

        String run() throws Exception {
            long t = System.nanoTime();
            RsTables tables = RsTables.build(o.feeders, o.prefixes, o.perSet, o.overlap, o.seed);
            long updates = 0;
            long bytes = 0;
            long sets = 0;
            for (int f = 0; f < o.feeders; f++) {
                updates += tables.announceUpdates[f];
                bytes += tables.announce[f].length;
                sets += tables.attributeSets[f];
            }
            log("tables: %d feeders x %d prefixes, %d distinct, %d attribute sets, %d UPDATEs (%.1f MB), %.1f s",
                    o.feeders, o.prefixes, tables.universe(), sets, updates, bytes / 1e6, seconds(t));
            put("feeders", o.feeders);
            put("prefixes", o.prefixes);
            put("universe", tables.universe());
            put("attribute_sets", sets);
            put("updates_sent", updates);
            String end;
            try {
                end = phases(tables);
            } finally {
                sessions.forEach(RsSession::close);
            }
            long unknown = 0;
            long mismatched = 0;
            long own = 0;
            String first = null;
            for (RsSession s : sessions) {
                unknown += s.unknown();
                mismatched += s.mismatched();
                own += s.own();
                first = first != null ? first : s.firstMismatch() == null ? null : s.client.name() + ": " + s.firstMismatch();
            }
            put("unknown", unknown);
            put("mismatched", mismatched);
            put("own_routes_back", own);
            if (first != null) {
                log("first wrong route: %s", first);
            }
            double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            put("generator_cpu_s", String.format(Locale.ROOT, "%.1f", cpu));
            boolean ok = end.equals("complete") && unknown == 0 && mismatched == 0 && own == 0;
            if (end.equals("complete") && !ok) {
                end = "wrong_routes";
            }
            kv.add(0, "end=" + end.replace(' ', '_'));
            return "result " + String.join(" ", kv);
        }

        private String phases(RsTables tables) throws Exception {
            long t = System.nanoTime();
            InetSocketAddress address = serverAddress();
            sessions = new ArrayList<>();
            for (RsClients.Client c : RsClients.all(o.feeders)) {
                sessions.add(new RsSession(c, tables));
            }
            long deadline = t + o.connectS * 1_000_000_000L;
            for (RsSession s : sessions) {
                s.connect(address, deadline);
            }
            while (!sessions.stream().allMatch(RsSession::established)) {
                String failed = failed();
                if (failed != null || System.nanoTime() > deadline) {
                    String why = failed != null ? failed : "sessions not established after " + o.connectS + " s: "
                            + sessions.stream().filter(s -> !s.established()).map(s -> s.client.name()).toList();
                    log("setup: %s", why);
                    return "setup " + why;
                }
                Thread.sleep(20);
            }
            put("setup_s", fmt(seconds(t)));
            log("setup: %d sessions established in %.1f s", sessions.size(), seconds(t));

            String announce = phase("announce", tables, false);
            if (!sessions.get(0).full()) {
                put("withdraw", "skipped");
                return "announce " + announce;
            }
            String withdraw = phase("withdraw", tables, true);
            if (!announce.equals("complete")) {
                return "announce " + announce;
            }
            return withdraw.equals("complete") ? "complete" : "withdraw " + withdraw;
        }

        /** One phase: every feeder writes (its table or its withdrawals); waits for every client to converge. */
        private String phase(String name, RsTables tables, boolean withdraw) throws InterruptedException {
            if (withdraw) {
                sessions.forEach(RsSession::startWithdrawPhase);
            }
            long t0 = System.nanoTime();
            AtomicLong sentAt = new AtomicLong();
            AtomicReference<String> sendError = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (RsSession s : sessions.subList(1, sessions.size())) {
                int f = s.client.feederIndex();
                byte[] data = withdraw ? tables.withdraw[f] : tables.announce[f];
                Thread w = new Thread(() -> {
                    try {
                        s.send(data);
                        sentAt.accumulateAndGet(System.nanoTime(), Math::max);
                    } catch (Exception e) {
                        sendError.compareAndSet(null, s.client.name() + " write failed: " + e.getMessage());
                    }
                }, s.client.name() + "-writer");
                w.setDaemon(true);
                writers.add(w);
            }
            writers.forEach(Thread::start);
            long deadline = t0 + o.timeoutS * 1_000_000_000L;
            String end;
            while (true) {
                Thread.sleep(10);
                long now = System.nanoTime();
                if (sessions.stream().allMatch(s -> withdraw ? s.empty() : s.full())) {
                    end = "complete";
                    break;
                }
                String failed = failed();
                if (failed == null) {
                    failed = sendError.get();
                }
                if (failed != null) {
                    end = failed;
                    break;
                }
                boolean written = writers.stream().noneMatch(Thread::isAlive);
                long quietSince = Math.max(sentAt.get(), sessions.stream().mapToLong(RsSession::lastChange).max()
                        .orElse(0));
                if (written && now - Math.max(quietSince, t0) > o.idleS * 1_000_000_000L) {
                    end = "idle " + o.idleS + " s";
                    break;
                }
                if (now > deadline) {
                    end = "timeout " + o.timeoutS + " s";
                    break;
                }
            }
            RsSession monitor = sessions.get(0);
            long monitorAt = withdraw ? monitor.emptyAt() : monitor.fullAt();
            long allAt = 0;
            for (RsSession s : sessions) {
                long at = withdraw ? s.emptyAt() : s.fullAt();
                allAt = at == 0 || allAt < 0 ? -1 : Math.max(allAt, at);
            }
            put(name + "_s", monitorAt == 0 ? "none" : fmt((monitorAt - t0) / 1e9));
            put(name + "_all_s", allAt <= 0 ? "none" : fmt((allAt - t0) / 1e9));
            put(name + "_sent_s", sentAt.get() == 0 ? "none" : fmt((sentAt.get() - t0) / 1e9));
            put(name + "_monitor_held", monitor.held() + "/" + (withdraw ? 0 : monitor.expected()));
            long done = sessions.stream().filter(s -> withdraw ? s.empty() : s.full()).count();
            put(name + "_clients_done", done + "/" + sessions.size());
            log("%s: %s; monitor %s s, all clients %s s, feeders wrote in %s s", name, end, get(name + "_s"),
                    get(name + "_all_s"), get(name + "_sent_s"));
            List<RsSession> behind = sessions.stream().filter(s -> !(withdraw ? s.empty() : s.full())).toList();
            for (RsSession s : behind.subList(0, Math.min(5, behind.size()))) {
                log("  %s holds %d (wants %d): %d UPDATEs, %d announced, %d withdrawn, session %s",
                        s.client.name(), s.held(), withdraw ? 0 : s.expected(), s.updates(), s.announced(),
                        s.withdrawn(), s.end() == null ? "up" : s.end());
            }
            if (behind.size() > 5) {
                log("  and %d more clients short of their goal", behind.size() - 5);
            }
            return end;
        }

        /** The first session that ended, as "NAME: why", or null. */
        private String failed() {
            for (RsSession s : sessions) {
                if (s.end() != null) {
                    return s.client.name() + ": " + s.end();
                }
            }
            return null;
        }

        private InetSocketAddress serverAddress() {
            int colon = o.server.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--server is HOST:PORT: " + o.server);
            }
            return new InetSocketAddress(o.server.substring(0, colon), Integer.parseInt(o.server.substring(colon + 1)));
        }

        private void put(String key, Object value) {
            kv.add(key + "=" + String.valueOf(value).replace(' ', '_'));
        }

        private String get(String key) {
            for (String s : kv) {
                if (s.startsWith(key + "=")) {
                    return s.substring(key.length() + 1);
                }
            }
            return "none";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
