// Unix signals to guardian messages: TERM/INT shut down, USR1/HUP reload (sun.misc.Signal, no native code).
package org.bgpekko.app;

import org.apache.pekko.actor.typed.ActorRef;
import sun.misc.Signal;

final class Signals {
    private Signals() {}

    static void install(ActorRef<BgpSpeaker.Command> target) {
        handle("TERM", target, new BgpSpeaker.Shutdown());
        handle("INT", target, new BgpSpeaker.Shutdown());
        handle("USR1", target, new BgpSpeaker.Reload());
        handle("HUP", target, new BgpSpeaker.Reload());
    }

    private static void handle(String name, ActorRef<BgpSpeaker.Command> target, BgpSpeaker.Command message) {
        try {
            Signal.handle(new Signal(name), s -> target.tell(message));
        } catch (IllegalArgumentException e) {
            // the platform does not have this signal (or the JVM reserves it): nothing to install
        }
    }
}
