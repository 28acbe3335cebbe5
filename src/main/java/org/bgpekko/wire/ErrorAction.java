// RFC 7606 section 2 error-handling approaches, ordered from least to most severe.
package org.bgpekko.wire;

public enum ErrorAction {
    /** Nothing wrong. */
    NONE,
    /** Drop the attribute, keep the route (RFC 7606 "attribute discard"). */
    ATTRIBUTE_DISCARD,
    /** Treat every NLRI of the UPDATE as withdrawn (RFC 7606 "treat-as-withdraw"). */
    TREAT_AS_WITHDRAW,
    /** Disable the family of a malformed MP attribute (RFC 4760 section 7, RFC 7606 "AFI/SAFI disable"). */
    AFISAFI_DISABLE,
    /** Send a NOTIFICATION and reset the session (RFC 7606 "session reset"). */
    SESSION_RESET;

    public ErrorAction max(ErrorAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The dashed name RFC 7606 uses. */
    public String rfcName() {
        return switch (this) {
            case NONE -> "none";
            case ATTRIBUTE_DISCARD -> "attribute-discard";
            case TREAT_AS_WITHDRAW -> "treat-as-withdraw";
            case AFISAFI_DISABLE -> "afi-safi-disable";
            case SESSION_RESET -> "session-reset";
        };
    }
}
