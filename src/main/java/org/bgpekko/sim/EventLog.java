// The simulation's event log: one JSON object per line, in virtual-time order, and a digest of all of it.
package org.bgpekko.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Every line starts with {@code t} (virtual milliseconds) and {@code event}; the rest depends on the event (see
 * docs/simulation.md). The same scenario and seed give the same lines: {@link #digest()} compares two runs without
 * keeping either. Lines go to an optional writer; {@link #listener} sees each event as it is logged (progress,
 * report).
 */
public final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimLoop loop;
    private final MessageDigest sha;
    private Writer out;
    private Consumer<ObjectNode> listener = e -> { };
    private long lines;
    private boolean closed;

    EventLog(SimLoop loop) {
        this.loop = loop;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Also writes every line to {@code out} (not closed here). */
    public void writeTo(Writer out) {
        this.out = out;
    }

    public void listener(Consumer<ObjectNode> listener) {
        this.listener = listener;
    }

    /** A new event at the current virtual time; fill it, then {@link #log} it. */
    ObjectNode event(String event) {
        ObjectNode n = JSON.createObjectNode();
        n.put("t", loop.nanos() / 1_000_000L);
        n.put("event", event);
        return n;
    }

    void log(ObjectNode n) {
        if (closed) {
            return;
        }
        String line;
        try {
            line = JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        lines++;
        if (out != null) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        listener.accept(n);
    }

    /** Logs nothing more (the simulation is being torn down). */
    void close() {
        closed = true;
    }

    public long lines() {
        return lines;
    }

    /** SHA-256 of every line so far (each with its newline), in hex. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
