// `bgpekko validate CONF…`: check configurations, report every error as file:line:column, optionally dump each
// valid one as a normalised configuration.
package org.bgpekko.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bgpekko.config.ConfigDump;
import org.bgpekko.config.ConfigParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check ExaBGP configuration files; exit 0 when all are valid.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CONF", description = "configuration files")
    List<Path> files;

    @Option(names = "--dump", description = "print each valid file as the normalised configuration it was understood as (ExaBGP syntax)")
    boolean dump;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path f : files) {
            ConfigParser.Result r = ConfigParser.check(f);
            r.errors().forEach(e -> err.println(e.describe()));
            if (!r.valid()) {
                failures++;
            } else if (dump) {
                if (files.size() > 1) {
                    out.println("# " + f);
                }
                out.print(ConfigDump.dump(r.configuration()));
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }
}
