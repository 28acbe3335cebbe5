// The Rib's RTR client (a child actor): started, replaced or stopped as the neighbours' policies name an RPKI cache.
package org.bgpekko.rib;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rs.RtrClient;
import org.bgpekko.rtr.RtrSession;

/** All clients share one general.yml, so there is one cache at most; its deliveries come as {@link Rib.RpkiRoas}. */
final class RtrChild {
    private final ActorContext<Rib.Command> ctx;
    private ActorRef<RtrClient.Command> client;
    /** The cache the client was started for; null while no policy uses RTR. */
    private RsPolicy.RtrCache cache;
    private int started;

    RtrChild(ActorContext<Rib.Command> ctx) {
        this.ctx = ctx;
    }

    /** True while a policy takes its ROAs over RTR (a delivery from a client stopped since is not). */
    boolean running() {
        return cache != null;
    }

    /**
     * Runs the client the neighbours' policies name: started when a policy first names a cache, replaced when the
     * cache changed, stopped when no policy names one any more (a reload that removed {@code rtr-cache}, or the last
     * client removed).
     *
     * @return true when the client was stopped: the ROAs it delivered are to be dropped
     */
    boolean sync(Collection<PeerState> peers) {
        RsPolicy.RtrCache wanted = null;
        for (PeerState ps : peers) {
            RsPolicy.Client policy = ps.config == null ? null : ps.config.rsPolicy();
            if (policy != null && policy.general().rtr() != null) {
                wanted = policy.general().rtr();
                break;
            }
        }
        if (Objects.equals(wanted, cache)) {
            return false;
        }
        boolean stopped = client != null;
        if (stopped) {
            ctx.stop(client);
            client = null;
            ctx.getLog().info("RTR: client for {} stopped", cache);
        }
        cache = wanted;
        if (wanted == null) {
            return stopped;
        }
        InetSocketAddress address = new InetSocketAddress(wanted.address().toInetAddress(), wanted.port());
        client = ctx.spawn(RtrClient.create(RtrClient.Settings.of(address),
                ctx.messageAdapter(RtrSession.Delivery.class, Rib.RpkiRoas::new)), "rtr-" + ++started);
        return false;
    }
}
