// The bgpekko command line: subcommands, exit codes, and no stack traces for user errors.
package org.bgpekko.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bgpekko",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "BGP speaker and route server on Apache Pekko, a drop-in for ExaBGP.",
        subcommands = {RunCommand.class, SimulateCommand.class, DecodeCommand.class, ValidateCommand.class, EnvCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + ex.getMessage());
            return 1;
        });
        return cl.execute(withDefaultCommand(cl, args));
    }

    /** ExaBGP is started as {@code exabgp [-d] CONF…}: without a subcommand, {@code run} is meant. */
    static String[] withDefaultCommand(CommandLine cl, String... args) {
        if (args.length == 0 || cl.getSubcommands().containsKey(args[0])
                || java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0])) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "run";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try --help)");
    }
}
