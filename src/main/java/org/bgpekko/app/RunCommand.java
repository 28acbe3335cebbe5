// `bgpekko run CONF…`: the speaker. Reads ExaBGP's environment settings, runs until SIGTERM/SIGINT or no peer is left.
package org.bgpekko.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
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
            "exabgp.debug.rotate). Several files without rotation run side by side."})
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
        ActorSystem<BgpSpeaker.Command> system = ActorSystem.create(root(runs, initial, settings), "bgpekko");
        Signals.install(system);
        system.getWhenTerminated().toCompletableFuture().join();
        return 0;
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

    /** Starts one speaker per configuration run and stops the system when all have stopped. */
    private static Behavior<BgpSpeaker.Command> root(List<ConfigRotation> runs, List<Configuration> initial,
                                                     Settings settings) {
        return Behaviors.setup(ctx -> {
            BgpSpeaker.PeerFactory peers = Sessions.start(ctx, settings, initial.stream()
                    .flatMap(c -> c.neighbors().stream()).anyMatch(n -> n.tcp().needsNativeSocket()));
            List<ActorRef<BgpSpeaker.Command>> speakers = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                ConfigRotation rotation = runs.get(i);
                ActorRef<BgpSpeaker.Command> s = ctx.spawn(
                        BgpSpeaker.create(initial.get(i), rotation::next, peers, settings.api()), "speaker-" + i);
                ctx.watch(s);
                speakers.add(s);
            }
            int[] alive = {speakers.size()};
            return Behaviors.receive(BgpSpeaker.Command.class)
                    .onMessage(BgpSpeaker.Command.class, m -> {
                        speakers.forEach(s -> s.tell(m));
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, t -> --alive[0] == 0 ? Behaviors.stopped() : Behaviors.same())
                    .build();
        });
    }
}
