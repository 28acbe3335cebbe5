// The executor configurator of a simulated ActorSystem's dispatchers: every mailbox runs on its SimLoop.
package org.bgpekko.sim;

import com.typesafe.config.Config;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/** Configured as a dispatcher's {@code executor}, with {@code sim-loop} naming the loop ({@link SimLoop#id}). */
public final class SimDispatcher extends ExecutorServiceConfigurator {
    private final SimLoop loop;

    public SimDispatcher(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        this.loop = SimLoop.byId(config.getString("sim-loop"));
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return loop::executor;
    }
}
