// ADD-PATH capability (code 69, RFC 7911): per family, whether the speaker sends and/or receives path ids.
package org.bgpekko.wire.capability;

import java.util.List;
import org.bgpekko.wire.Family;

public record AddPath(List<Entry> entries) implements Capability {
    public static final int RECEIVE = 1;
    public static final int SEND = 2;
    public static final int SEND_RECEIVE = 3;

    /** A family and its mode (1 receive, 2 send, 3 both). */
    public record Entry(Family family, int mode) {
        public Entry {
            if (mode < 0 || mode > 0xFF) {
                throw new IllegalArgumentException("add-path mode out of range: " + mode);
            }
        }

        public boolean send() {
            return (mode & SEND) != 0;
        }

        public boolean receive() {
            return (mode & RECEIVE) != 0;
        }
    }

    public AddPath {
        entries = List.copyOf(entries);
    }

    @Override
    public int code() {
        return ADD_PATH;
    }
}
