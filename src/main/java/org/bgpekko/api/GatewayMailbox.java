// The ApiGateway's mailbox: the Peers' message events are bounded (dropped and counted past it); nothing else is.
package org.bgpekko.api;

import com.typesafe.config.Config;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.dispatch.Envelope;
import org.apache.pekko.dispatch.MailboxType;
import org.apache.pekko.dispatch.MessageQueue;
import org.apache.pekko.dispatch.ProducesMessageQueue;
import org.apache.pekko.dispatch.UnboundedMessageQueueSemantics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Every Peer tells the gateway each message a helper subscribed to; with several helpers encoding every received
 * UPDATE, the gateway can fall behind the sessions, and its mailbox grew without bound. Here at most
 * {@code peer-events} {@link ApiGateway.PeerEvent}s of kind "message" wait; more are dropped (a warning every 1,000),
 * as the helper's own queue drops events it does not read in time. Neighbour changes (connected, up, down), helper
 * lines and the Rib's answers are never dropped: they are few, or bounded where they come from. Configured as
 * {@link ApiGateway#MAILBOX} in application.conf.
 */
public final class GatewayMailbox implements MailboxType, ProducesMessageQueue<GatewayMailbox.Queue> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMailbox.class);

    private final int bound;

    public GatewayMailbox(ActorSystem.Settings settings, Config config) {
        this(config.getInt("peer-events"));
    }

    GatewayMailbox(int bound) {
        this.bound = bound;
    }

    @Override
    public MessageQueue create(Option<ActorRef> owner, Option<ActorSystem> system) {
        return new Queue(bound);
    }

    /** The queue: unbounded for everything but message events. */
    public static final class Queue implements MessageQueue, UnboundedMessageQueueSemantics {
        private final ConcurrentLinkedQueue<Envelope> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger events = new AtomicInteger();
        private final AtomicLong dropped = new AtomicLong();
        private final int bound;

        Queue(int bound) {
            this.bound = bound;
        }

        private static boolean droppable(Object message) {
            return message instanceof ApiGateway.PeerEvent e && "message".equals(e.kind());
        }

        @Override
        public void enqueue(ActorRef receiver, Envelope handle) {
            if (droppable(handle.message())) {
                if (events.incrementAndGet() > bound) {
                    events.decrementAndGet();
                    long n = dropped.incrementAndGet();
                    if (n % 1000 == 1) {
                        LOG.warn("the helpers' events come faster than they are encoded: {} message event(s) dropped "
                                + "so far ({} waiting at most)", n, bound);
                    }
                    return;
                }
            }
            queue.add(handle);
        }

        @Override
        public Envelope dequeue() {
            Envelope e = queue.poll();
            if (e != null && droppable(e.message())) {
                events.decrementAndGet();
            }
            return e;
        }

        @Override
        public int numberOfMessages() {
            return queue.size();
        }

        @Override
        public boolean hasMessages() {
            return !queue.isEmpty();
        }

        @Override
        public void cleanUp(ActorRef owner, MessageQueue deadLetters) {
            for (Envelope e = dequeue(); e != null; e = dequeue()) {
                deadLetters.enqueue(owner, e);
            }
        }

        /** Message events dropped so far. */
        public long dropped() {
            return dropped.get();
        }
    }
}
