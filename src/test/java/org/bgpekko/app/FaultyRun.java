// `bgpekko run` with a fault injected into one part: the process tests of each part's failure outcome run this.
package org.bgpekko.app;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.peer.Listener;
import org.bgpekko.peer.Peer;
import org.bgpekko.rib.Rib;
import picocli.CommandLine;

/**
 * Usage: {@code FaultyRun PART TRIGGER [run options] CONF…}. PART is rib, api, peer or listener: that part throws when
 * it receives a message whose text contains TRIGGER (the first such message only for peer and listener); with
 * PART speaker, the guardian's Peer factory throws for the neighbour whose address is TRIGGER.
 */
public final class FaultyRun {
    private FaultyRun() {}

    public static void main(String[] args) {
        String part = args[0];
        String trigger = args[1];
        RunCommand run = new RunCommand();
        run.parts = new BgpSpeaker.Parts() {
            @Override
            public Behavior<Rib.Command> rib(Behavior<Rib.Command> rib) {
                return part.equals("rib") ? failOn(Rib.Command.class, rib, trigger, false) : rib;
            }

            @Override
            public Behavior<ApiGateway.Command> gateway(Behavior<ApiGateway.Command> gateway) {
                return part.equals("api") ? failOn(ApiGateway.Command.class, gateway, trigger, false) : gateway;
            }

            @Override
            public BgpSpeaker.PeerFactory peers(BgpSpeaker.PeerFactory peers) {
                return (n, rib, parent, events) -> {
                    if (part.equals("speaker") && n.peerAddress().toString().equals(trigger)) {
                        throw new IllegalStateException("injected fault: no Peer for " + trigger);
                    }
                    Behavior<Peer.Command> p = peers.create(n, rib, parent, events);
                    return part.equals("peer") ? failOn(Peer.Command.class, p, trigger, true) : p;
                };
            }

            @Override
            public Behavior<Listener.Command> listener(Behavior<Listener.Command> listener) {
                return part.equals("listener") ? failOn(Listener.Command.class, listener, trigger, true) : listener;
            }
        };
        System.exit(new CommandLine(run).execute(Arrays.copyOfRange(args, 2, args.length)));
    }

    private static final AtomicBoolean FIRED = new AtomicBoolean();

    /** {@code inner}, throwing when a message's text contains {@code trigger} (with {@code once}: the first time). */
    static <T> Behavior<T> failOn(Class<T> type, Behavior<T> inner, String trigger, boolean once) {
        return Behaviors.intercept(() -> new BehaviorInterceptor<T, T>(type) {
            @Override
            public Behavior<T> aroundReceive(TypedActorContext<T> ctx, T msg, ReceiveTarget<T> target) {
                if (String.valueOf(msg).contains(trigger) && (!once || FIRED.compareAndSet(false, true))) {
                    throw new IllegalStateException("injected fault on " + msg);
                }
                return target.apply(ctx, msg);
            }
        }, inner);
    }
}
