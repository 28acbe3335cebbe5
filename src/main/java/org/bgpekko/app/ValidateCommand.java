// `bgpekko validate CONF…`: parse configurations, report errors as file:line:column, optionally dump the model.
package org.bgpekko.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bgpekko.api.json.AttributeJson;
import org.bgpekko.config.ConfigException;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.ProcessConfig;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check ExaBGP configuration files; exit 0 when all are valid.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CONF", description = "configuration files")
    List<Path> files;

    @Option(names = "--dump", description = "print the parsed neighbors, processes and routes")
    boolean dump;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path f : files) {
            try {
                Configuration c = ConfigParser.parse(f);
                if (dump) {
                    dump(c, out);
                }
            } catch (ConfigException e) {
                err.println(e.describe());
                failures++;
            } catch (IOException e) {
                err.println(f + ": cannot read: " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static void dump(Configuration c, PrintWriter out) {
        out.println("# " + c.file());
        for (ProcessConfig p : c.processes()) {
            out.println("process " + p.name() + " run " + String.join(" ", p.run()) + " encoder " + p.encoder()
                    + " respawn " + p.respawn());
        }
        for (NeighborConfig n : c.neighbors()) {
            out.println("neighbor " + n.peerAddress() + " local-address " + (n.localAddress() == null ? "auto"
                    : n.localAddress()) + " local-as " + n.localAs() + " peer-as " + n.peerAs() + " router-id "
                    + (n.routerId() < 0 ? "(local-address)" : Wire.ipv4(n.routerId())) + " hold-time " + n.holdTime());
            out.println("  families " + (n.families().isEmpty() ? "(all)" : n.families()) + " " + n.capability());
            n.apis().forEach(a -> out.println("  " + a));
            for (RouteConfig r : n.routes()) {
                out.println("  route " + r.nlri() + " next-hop " + r.nextHop().map(Object::toString).orElse("self")
                        + (r.split() >= 0 ? " split /" + r.split() : "") + (r.watchdog() != null ? " watchdog "
                        + r.watchdog() : "") + (r.withdrawn() ? " withdraw" : "") + " attributes { "
                        + String.join(", ", AttributeJson.members(r.attributes(), List.of())) + " }");
            }
        }
    }
}
