// What the simulation's members share: prefixes and attribute sets numbered once, UPDATEs decoded once per bytes.
package org.bgpekko.sim;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * A prefix gets its number when a member first announces it (so a member's own routes are numbered together) or
 * when a member first receives it; an attribute set when a member first receives it. The route server's update
 * groups send the very same encoded UPDATE ({@code byte[]}) to every member of a group: {@link #decoded} keeps the
 * decoded form of each such array, by identity, while the array lives (weakly: the array goes when the server and
 * every member let go of it), so a thousand members decode it once. All of it runs on the simulation's one thread.
 */
final class RouteIndex {
    private final Long2IntOpenHashMap prefixes = new Long2IntOpenHashMap();
    private final LongArrayList keys = new LongArrayList();
    private final Object2IntOpenHashMap<PathAttributes> attributeIds = new Object2IntOpenHashMap<>();
    private final List<PathAttributes> attributes = new ArrayList<>();
    /** Decoded UPDATEs by the identity of their bytes (arrays compare by identity). */
    private final Map<byte[], ReceivedUpdate> decoded = new WeakHashMap<>();
    private final Map<SessionOptions, SessionOptions> sessionOptions = new java.util.HashMap<>();
    /** The last array looked up or decoded (held until the next: one message) and what it decoded to. */
    private byte[] lastMessage;
    private ReceivedUpdate lastDecoded;

    RouteIndex() {
        prefixes.defaultReturnValue(-1);
        attributeIds.defaultReturnValue(-1);
    }

    /** The number of prefix {@code key} ({@link Prefixes}), given now if it has none. */
    int prefix(long key) {
        int i = prefixes.get(key);
        if (i < 0) {
            i = keys.size();
            prefixes.put(key, i);
            keys.add(key);
        }
        return i;
    }

    /** The number of prefix {@code key}, or -1 when no member announced or received it. */
    int find(long key) {
        return prefixes.get(key);
    }

    /** Prefixes numbered so far. */
    int prefixes() {
        return keys.size();
    }

    long key(int prefix) {
        return keys.getLong(prefix);
    }

    /** The number of attribute set {@code a} (equal sets, one number). */
    int attributes(PathAttributes a) {
        int i = attributeIds.getInt(a);
        if (i < 0) {
            i = attributes.size();
            attributeIds.put(a, i);
            attributes.add(a);
        }
        return i;
    }

    PathAttributes attributes(int id) {
        return attributes.get(id);
    }

    /**
     * The UPDATE already decoded from this very array for a session with these options, or null. The members of a
     * group read its log in step, so the array just looked up is most often the next one asked for.
     */
    ReceivedUpdate decoded(byte[] message, SessionOptions options) {
        ReceivedUpdate r = message == lastMessage ? lastDecoded : decoded.get(message);
        if (r == null || !(r.options() == options || r.options().equals(options))) {
            return null;
        }
        lastMessage = message;
        lastDecoded = r;
        return r;
    }

    /** {@code u}, decoded from {@code message} under {@code options}, in the members' terms; kept for the next. */
    ReceivedUpdate received(byte[] message, SessionOptions options, Update u) {
        ReceivedUpdate r = ReceivedUpdate.of(this, options, u);
        decoded.put(message, r);
        lastMessage = message;
        lastDecoded = r;
        return r;
    }

    /** One object for equal session options, so that {@link #decoded} compares them by identity. */
    SessionOptions options(SessionOptions o) {
        return sessionOptions.computeIfAbsent(o, x -> x);
    }
}
