// How the speaker reaches its peers: the Peer factory over TCP and the listener for passive sessions.
package org.bgpekko.app;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.env.Settings;

final class Sessions {
    private Sessions() {}

    static BgpSpeaker.PeerFactory factory(ActorSystem<?> system, Settings settings) {
        throw new UnsupportedOperationException("TCP sessions are not wired yet");
    }

    static void listen(ActorContext<?> ctx, Settings settings, List<Configuration> configs) {
        // the listener arrives with the peer package
    }
}
