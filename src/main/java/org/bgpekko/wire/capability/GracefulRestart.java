// Graceful restart capability (code 64, RFC 4724): restart flags and time, then per-family forwarding flags.
package org.bgpekko.wire.capability;

import java.util.List;
import org.bgpekko.wire.Family;

/**
 * @param restartFlags the 4 high bits (0x8 = Restart State, 0x4 = Notification, RFC 8538)
 * @param restartTime seconds, 12 bits
 */
public record GracefulRestart(int restartFlags, int restartTime, List<Entry> families) implements Capability {
    public static final int RESTART_STATE = 0x8;
    public static final int FORWARDING_STATE = 0x80;

    /** One family and its flags (0x80 = forwarding state preserved). */
    public record Entry(Family family, int flags) {
        public Entry {
            if (flags < 0 || flags > 0xFF) {
                throw new IllegalArgumentException("graceful-restart family flags out of range: " + flags);
            }
        }
    }

    public GracefulRestart {
        if (restartFlags < 0 || restartFlags > 0xF || restartTime < 0 || restartTime > 0xFFF) {
            throw new IllegalArgumentException("graceful-restart flags or time out of range");
        }
        families = List.copyOf(families);
    }

    @Override
    public int code() {
        return GRACEFUL_RESTART;
    }
}
