// `bgpekko run CONF…`: the speaker. Reads ExaBGP's environment settings, runs until SIGTERM/SIGINT or no peer is left.
package org.bgpekko.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.env.EnvFileLocation;
import org.bgpekko.config.env.EnvironmentLoader;
import org.bgpekko.config.env.SettingSupport;
import org.bgpekko.config.env.Settings;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the BGP speaker with ExaBGP configuration file(s), like `exabgp CONF`.",
            "Settings come from exabgp.* / exabgp_* environment variables, -D and the environment file.",
            "SIGTERM/SIGINT: Cease to every peer and exit. SIGUSR1/SIGHUP: reload (the next file with",
            "exabgp.debug.rotate). Several files without rotation run side by side.",
            "Exit code: 0 after a shutdown, 1 for an invalid configuration or setting, 70 when a part of",
            "the speaker failed (every peer got a Cease first)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CONF", description = "configuration file(s)")
    List<Path> configs = new ArrayList<>();

    @Option(names = {"-d", "--debug"}, description = "log at debug level")
    boolean debug;

    @Option(names = {"-p", "--pdb"}, description = "accepted for ExaBGP compatibility; no effect")
    boolean pdb;

    @Option(names = "--env-file", paramLabel = "FILE", description = "the environment (ini) file to read")
    Path envFile;

    @Option(names = {"-D", "--define"}, paramLabel = "NAME=VALUE", description = "a setting, as a variable gives it")
    List<String> defines = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The parts of the speaker: the real ones; a test runs this command with a fault injected into one. */
    BgpSpeaker.Parts parts = BgpSpeaker.Parts.REAL;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            Map<String, String> env = System.getenv();
            Optional<Path> file = envFile != null ? Optional.of(envFile)
                    : EnvFileLocation.find(env, EnvFileLocation.programRoot());
            settings = EnvironmentLoader.load(env, defines, file);
        } catch (IllegalArgumentException e) {
            err.println("bgpekko run: " + e.getMessage());
            err.flush();
            return 1;
        }
        Logging.apply(settings.log(), debug);
        boolean root = "root".equals(System.getProperty("user.name"));
        SettingSupport.Findings support = SettingSupport.check(settings, root);
        support.warnings().forEach(w -> LoggerFactory.getLogger(RunCommand.class).warn(w));
        if (!support.refused().isEmpty()) {
            support.refused().forEach(r -> err.println("bgpekko run: " + r));
            err.flush();
            return 1;
        }
        boolean rotate = settings.debug().rotate();
        List<ConfigRotation> runs = new ArrayList<>();
        if (rotate || configs.size() == 1) {
            runs.add(new ConfigRotation(configs, rotate));
        } else {
            configs.forEach(c -> runs.add(new ConfigRotation(List.of(c), false)));
        }
        List<Configuration> initial = new ArrayList<>();
        try {
            for (ConfigRotation r : runs) {
                initial.add(r.load());
            }
        } catch (ConfigException e) {
            err.println(e.describe());
            err.flush();
            return 1;
        }
        for (Configuration c : initial) {
            if (c.neighbors().isEmpty()) { // ExaBGP runs such a file too: its helpers may reload one with neighbors
                LoggerFactory.getLogger(RunCommand.class).warn("{}: no neighbor; only the helper processes run",
                        c.file());
            }
        }
        AtomicInteger exitCode = new AtomicInteger();
        ActorSystem<BgpSpeaker.Command> system = ActorSystem.create(root(runs, initial, settings, parts, exitCode),
                "bgpekko");
        Signals.install(system);
        system.getWhenTerminated().toCompletableFuture().join();
        return exitCode.get();
    }

    /** Refuses what validate accepts but sessions cannot do yet, with the neighbour's position. */
    static Configuration supported(Configuration c) {
        for (var n : c.neighbors()) {
            if (n.localAs() == org.bgpekko.config.NeighborConfig.AUTO_AS) {
                throw new ConfigException(c.file(), n.at(), "local-as auto is not supported by run yet "
                        + "(give the local AS number)");
            }
        }
        return c;
    }

    /**
     * Starts one speaker per configuration run and stops the system when all have stopped; the exit code is the
     * largest a speaker reported, {@link BgpSpeaker#EXIT_FAILURE} for one that failed, or when the listener failed
     * (then every speaker shuts down).
     */
    private static Behavior<BgpSpeaker.Command> root(List<ConfigRotation> runs, List<Configuration> initial,
                                                     Settings settings, BgpSpeaker.Parts parts,
                                                     AtomicInteger exitCode) {
        return Behaviors.setup(ctx -> {
            Sessions.Started sessions = Sessions.start(ctx, settings, parts, initial.stream()
                    .flatMap(c -> c.neighbors().stream()).anyMatch(n -> n.tcp().needsNativeSocket()));
            if (sessions.listener() != null) {
                ctx.watch(sessions.listener());
            }
            List<ActorRef<BgpSpeaker.Command>> speakers = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                ConfigRotation rotation = runs.get(i);
                ActorRef<BgpSpeaker.Command> s = ctx.spawn(BgpSpeaker.create(initial.get(i), rotation::next,
                        sessions.peers(), settings.api(), parts, ctx.getSelf()), "speaker-" + i);
                ctx.watch(s);
                speakers.add(s);
            }
            int[] alive = {speakers.size()};
            return Behaviors.receive(BgpSpeaker.Command.class)
                    .onMessage(BgpSpeaker.Finished.class, f -> {
                        exitCode.accumulateAndGet(f.exitCode(), Math::max);
                        return Behaviors.same();
                    })
                    .onMessage(BgpSpeaker.Command.class, m -> {
                        speakers.forEach(s -> s.tell(m));
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, t -> {
                        if (!speakers.contains(t.getRef().<BgpSpeaker.Command>unsafeUpcast())) {
                            ctx.getLog().error("the listener stopped: stopping");
                            speakers.forEach(s -> s.tell(new BgpSpeaker.Shutdown(BgpSpeaker.EXIT_FAILURE)));
                            exitCode.accumulateAndGet(BgpSpeaker.EXIT_FAILURE, Math::max);
                            return Behaviors.same();
                        }
                        if (t instanceof ChildFailed f) {
                            ctx.getLog().error("a speaker failed", f.getCause());
                            exitCode.accumulateAndGet(BgpSpeaker.EXIT_FAILURE, Math::max);
                        }
                        return --alive[0] == 0 ? Behaviors.stopped() : Behaviors.same();
                    })
                    .build();
        });
    }
}
