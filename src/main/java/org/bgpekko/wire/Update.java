// UPDATE (RFC 4271 section 4.3): IPv4 withdrawn routes, path attributes, IPv4 NLRI, and RFC 7606 findings.
package org.bgpekko.wire;

import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * @param withdrawn IPv4 unicast withdrawn routes
 * @param nlri IPv4 unicast reachable routes
 * @param errors RFC 7606 findings made while decoding (empty for a message built locally)
 */
public record Update(NlriBlock withdrawn, PathAttributes attributes, NlriBlock nlri, List<UpdateError> errors)
        implements BgpMessage {

    public Update {
        if (!withdrawn.family().equals(Family.IPV4_UNICAST) || !nlri.family().equals(Family.IPV4_UNICAST)) {
            throw new IllegalArgumentException("the UPDATE NLRI fields carry IPv4 unicast only");
        }
        errors = List.copyOf(errors);
    }

    public Update(NlriBlock withdrawn, PathAttributes attributes, NlriBlock nlri) {
        this(withdrawn, attributes, nlri, List.of());
    }

    /** The End-of-RIB marker of a family (RFC 4724 section 2). */
    public static Update endOfRib(Family family) {
        NlriBlock none = NlriBlock.empty(Family.IPV4_UNICAST);
        if (family.equals(Family.IPV4_UNICAST)) {
            return new Update(none, PathAttributes.EMPTY, none);
        }
        return new Update(none, PathAttributes.of(MpUnreachNlri.endOfRib(family)), none);
    }

    /** The family this UPDATE marks the end of, if it is an End-of-RIB. */
    public Optional<Family> endOfRibFamily() {
        if (!withdrawn.isEmpty() || !nlri.isEmpty()) {
            return Optional.empty();
        }
        if (attributes.isEmpty()) {
            return Optional.of(Family.IPV4_UNICAST);
        }
        if (attributes.size() == 1 && attributes.list().get(0) instanceof MpUnreachNlri u && u.nlri().isEmpty()) {
            return Optional.of(u.family());
        }
        return Optional.empty();
    }

    /** The most severe RFC 7606 action among the findings. */
    public ErrorAction errorAction() {
        ErrorAction a = ErrorAction.NONE;
        for (UpdateError e : errors) {
            a = a.max(e.action());
        }
        return a;
    }

    public Optional<MpReachNlri> mpReach() {
        return attributes.get(MpReachNlri.class);
    }

    public Optional<MpUnreachNlri> mpUnreach() {
        return attributes.get(MpUnreachNlri.class);
    }

    @Override
    public int type() {
        return UPDATE;
    }
}
