// State of one UPDATE decode: the session options and the RFC 7606 findings so far.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.UpdateError;

public final class DecodeContext {
    private final SessionOptions options;
    private final List<UpdateError> errors = new ArrayList<>(0);
    private AttributeCodec current;

    public DecodeContext(SessionOptions options) {
        this.options = options;
    }

    public SessionOptions options() {
        return options;
    }

    /** Names the attribute that the following findings are about. */
    public void enter(AttributeCodec codec) {
        this.current = codec;
    }

    /** Records that the attribute being decoded is malformed; returns null for the caller to return. */
    public PathAttribute malformed(String reason) {
        errors.add(new UpdateError(current.typeCode(), current.malformedAction(), reason));
        return null;
    }

    /** Records a finding with an explicit action (and family, for AFI/SAFI disable). */
    public PathAttribute malformed(ErrorAction action, String reason, Family family) {
        errors.add(new UpdateError(current == null ? -1 : current.typeCode(), action, reason, family));
        return null;
    }

    public void add(UpdateError error) {
        errors.add(error);
    }

    public List<UpdateError> errors() {
        return List.copyOf(errors);
    }

    public ErrorAction worst() {
        ErrorAction a = ErrorAction.NONE;
        for (UpdateError e : errors) {
            a = a.max(e.action());
        }
        return a;
    }
}
