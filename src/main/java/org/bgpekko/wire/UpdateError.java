// One RFC 7606 finding while decoding an UPDATE: which attribute, what to do, and why.
package org.bgpekko.wire;

/**
 * A treat-as-withdraw finding withdraws every route of the UPDATE, except two that concern one set of routes only:
 * one about NEXT_HOP (typeCode 3) the routes of the NLRI field, which alone use it (RFC 4760 section 3), and one
 * about MP_REACH_NLRI (typeCode 14: a semantically incorrect next hop, RFC 4271 section 6.3) the routes it carries.
 *
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
