// How the ApiGateway starts a helper: a program with pipes in production, an in-JVM helper in the simulation.
package org.bgpekko.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The contract of {@link HelperProcess#start}: {@code onLines} gets each batch of lines, {@code onExit} the end. */
@FunctionalInterface
public interface HelperLauncher {
    HelperLauncher PROCESSES = (name, command, window, onLines, onExit) ->
            HelperProcess.start(name, command, Map.of(), window, onLines, onExit);

    HelperChannel start(String name, List<String> command, HelperProcess.Window window,
                        Consumer<List<String>> onLines, IntConsumer onExit) throws IOException;
}
