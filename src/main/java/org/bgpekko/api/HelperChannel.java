// What the ApiGateway needs of one running helper: a program (HelperProcess) or, in the simulation, an in-JVM one.
package org.bgpekko.api;

/** The methods of {@link HelperProcess} the gateway calls, from its own thread; see there for what each does. */
public interface HelperChannel {
    long pid();

    /** Queues an event after the answers given so far; false (and counted) when too far behind. */
    boolean offerEvent(String text);

    /** An acknowledgement or a line of command output, queued by the next {@link #flushAnswers}. */
    void answer(String line);

    void flushAnswers();

    /** Text that must arrive (the shutdown notice), after the answers given so far. */
    void notice(String text);

    /** {@code lines} lines handed to the gateway were applied (or dropped): reading may go on. */
    void applied(int lines);

    long droppedEvents();

    /** Lines queued for the helper and not written yet. */
    int queued();

    /** Stops the helper, giving it at most {@code graceMillis} to read what it was sent. */
    void stop(long graceMillis);
}
