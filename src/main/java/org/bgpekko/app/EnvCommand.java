// `bgpekko env`: the effective ExaBGP environment settings, printed as `exabgp env` prints them (ini, or -e for variables).
package org.bgpekko.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bgpekko.config.env.EnvFileLocation;
import org.bgpekko.config.env.EnvironmentLoader;
import org.bgpekko.config.env.Settings;
import org.bgpekko.config.env.SettingsPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Show the effective ExaBGP environment settings, like `exabgp env`.",
            "Read from exabgp.* / exabgp_* environment variables, -D settings and the environment file",
            "($EXABGP_ROOT/etc/exabgp/exabgp.env by default), over ExaBGP's defaults."})
final class EnvCommand implements Callable<Integer> {
    @Option(names = {"-d", "--diff"}, description = "show only the values that differ from the defaults")
    boolean diff;

    @Option(names = {"-e", "--env"}, description = "print environment assignments (exabgp.tcp.port=179), not the ini file")
    boolean envFormat;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "the environment (ini) file to read instead of the default one")
    Path envFile;

    @Option(names = {"-D", "--define"}, paramLabel = "NAME=VALUE",
            description = "a setting, as an environment variable would give it (exabgp.tcp.port=1790); beats the "
                    + "variable of the same name")
    List<String> defines = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process environment; tests replace it. */
    static java.util.function.Supplier<Map<String, String>> environment = System::getenv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, String> env = environment.get();
            Optional<Path> file = envFile != null ? Optional.of(envFile)
                    : EnvFileLocation.find(env, EnvFileLocation.programRoot());
            Settings settings = EnvironmentLoader.load(env, defines, file);
            List<String> lines = envFormat ? SettingsPrinter.env(settings, diff) : SettingsPrinter.ini(settings, diff);
            lines.forEach(out::println);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bgpekko env: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
