// One RFC 7606 finding while decoding an UPDATE: which attribute, what to do, and why.
package org.bgpekko.wire;

/**
 * @param typeCode the attribute type code, or -1 for the message structure or NLRI fields
 * @param action what the receiver must do
 * @param reason a human-readable explanation
 * @param family the family to disable with {@link ErrorAction#AFISAFI_DISABLE}, otherwise null
 */
public record UpdateError(int typeCode, ErrorAction action, String reason, Family family) {
    public UpdateError(int typeCode, ErrorAction action, String reason) {
        this(typeCode, action, reason, null);
    }

    @Override
    public String toString() {
        String where = typeCode < 0 ? "UPDATE" : "attribute " + typeCode;
        return where + ": " + action.rfcName() + " (" + reason + ")" + (family != null ? " family " + family : "");
    }
}
