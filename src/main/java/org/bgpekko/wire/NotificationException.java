// A session-fatal decoding error: the NOTIFICATION (RFC 4271 section 6) the session must send before closing.
package org.bgpekko.wire;

public final class NotificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int subcode;
    private final transient Bytes data;

    public NotificationException(int code, int subcode, Bytes data, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.subcode = subcode;
        this.data = data;
    }

    public NotificationException(int code, int subcode, String reason) {
        this(code, subcode, Bytes.EMPTY, reason);
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public Bytes data() {
        return data;
    }

    /** The NOTIFICATION message to send. */
    public Notification toNotification() {
        return new Notification(code, subcode, data);
    }

    @Override
    public String toString() {
        return "NOTIFICATION " + code + "/" + subcode + " (" + Notification.describe(code, subcode) + "): " + getMessage();
    }
}
