// RFC 6793 section 4.2: the AS4 attributes between NEW (4-octet AS) and OLD speakers, merged on receipt, built on send.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.UpdateError;

/**
 * {@link #merge} is applied to what an OLD speaker sent: AS_PATH holds AS_TRANS where a 4-octet AS was, AS4_PATH the 4-octet tail
 * of the path, AGGREGATOR AS_TRANS and AS4_AGGREGATOR the real aggregator. The result carries the merged path in
 * AS_PATH and the real aggregator in AGGREGATOR, and neither AS4 attribute: what is stored and relayed is the true
 * path, and a 4-octet session never gets AS4 attributes (RFC 6793 section 4.1).
 */
public final class As4Transition {
    private As4Transition() {}

    /**
     * RFC 6793 section 4.2.2, what a NEW speaker sends an OLD one: AS_PATH and AGGREGATOR go out with AS_TRANS for
     * the 4-octet AS numbers (their codecs do that), and AS4_PATH (without confederation segments) and
     * AS4_AGGREGATOR carry the real ones, unless every AS number fits two octets or the attributes already carry
     * their own AS4_PATH / AS4_AGGREGATOR.
     */
    public static PathAttributes forOldSpeaker(PathAttributes attributes) {
        PathAttributes out = attributes;
        AsPath path = attributes.get(AsPath.class).orElse(null);
        if (path != null && !attributes.has(PathAttribute.AS4_PATH) && hasFourOctetAs(path.segments())) {
            List<AsPathSegment> kept = path.segments().stream().filter(s -> !isConfed(s)).toList();
            if (!kept.isEmpty()) {
                out = out.with(new As4Path(kept));
            }
        }
        Aggregator g = attributes.get(Aggregator.class).orElse(null);
        if (g != null && g.as() > 0xFFFF && !attributes.has(PathAttribute.AS4_AGGREGATOR)) {
            out = out.with(new As4Aggregator(g.as(), g.address()));
        }
        return out;
    }

    private static boolean hasFourOctetAs(List<AsPathSegment> segments) {
        for (AsPathSegment s : segments) {
            for (long as : s.asns()) {
                if (as > 0xFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * RFC 6793 section 4.2.3: the attributes an OLD speaker sent with AS4_PATH and AS4_AGGREGATOR folded into
     * AS_PATH and AGGREGATOR (or ignored, as the RFC says), in type order.
     */
    public static List<PathAttribute> merge(List<PathAttribute> attributes, DecodeContext ctx) {
        AsPath asPath = null;
        As4Path as4Path = null;
        Aggregator aggregator = null;
        As4Aggregator as4Aggregator = null;
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) {
                asPath = p;
            } else if (a instanceof As4Path p) {
                as4Path = p;
            } else if (a instanceof Aggregator g) {
                aggregator = g;
            } else if (a instanceof As4Aggregator g) {
                as4Aggregator = g;
            }
        }
        if (as4Path == null && as4Aggregator == null) {
            return attributes;
        }
        if (as4Aggregator != null) {
            if (aggregator != null && aggregator.as() != AsPathSegment.AS_TRANS) {
                // the aggregator is a 2-octet AS: the AS4 attributes were added by someone else, and are stale
                ignored(ctx, PathAttribute.AS4_AGGREGATOR, "AGGREGATOR is not AS_TRANS: AS4_AGGREGATOR and AS4_PATH");
                as4Path = null;
            } else if (aggregator != null) {
                aggregator = new Aggregator(as4Aggregator.as(), as4Aggregator.address());
            } else {
                ignored(ctx, PathAttribute.AS4_AGGREGATOR, "AS4_AGGREGATOR without AGGREGATOR");
            }
        }
        if (as4Path != null && asPath != null) {
            asPath = merge(asPath, as4Path, ctx);
        }
        List<PathAttribute> out = new ArrayList<>(attributes.size());
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath) {
                out.add(asPath);
            } else if (a instanceof Aggregator) {
                out.add(aggregator);
            } else if (!(a instanceof As4Path) && !(a instanceof As4Aggregator)) {
                out.add(a);
            }
        }
        return out;
    }

    private static void ignored(DecodeContext ctx, int type, String what) {
        ctx.add(new UpdateError(type, ErrorAction.ATTRIBUTE_DISCARD, what + " ignored (RFC 6793 section 4.2.3)"));
    }

    /**
     * AS_PATH's leading AS numbers (and the confederation segments leading or next to them) prepended to AS4_PATH
     * so that the result has as many AS numbers as AS_PATH; AS_PATH alone when AS4_PATH holds more.
     */
    static AsPath merge(AsPath asPath, As4Path as4Path, DecodeContext ctx) {
        List<AsPathSegment> tail = new ArrayList<>();
        for (AsPathSegment s : as4Path.segments()) {
            if (isConfed(s)) {
                // RFC 6793 section 6: not allowed in AS4_PATH; discarded, the rest is used
                ctx.add(new UpdateError(PathAttribute.AS4_PATH, ErrorAction.ATTRIBUTE_DISCARD,
                        "confederation segment in AS4_PATH discarded (RFC 6793 section 6)"));
            } else {
                tail.add(s);
            }
        }
        int need = count(asPath.segments()) - count(tail);
        if (need < 0) {
            ignored(ctx, PathAttribute.AS4_PATH, "AS4_PATH longer than AS_PATH");
            return asPath;
        }
        List<AsPathSegment> head = new ArrayList<>();
        boolean cut = false; // the last segment taken is the front part of a longer AS_SEQUENCE
        for (AsPathSegment s : asPath.segments()) {
            if (isConfed(s)) {
                head.add(s); // leading, or next to a segment taken: the loop stops at the first one not taken
                continue;
            }
            if (need == 0) {
                break;
            }
            if (s.type() == AsPathSegment.AS_SET) {
                head.add(s);
                need--;
            } else if (s.asns().size() <= need) {
                head.add(s);
                need -= s.asns().size();
            } else {
                head.add(new AsPathSegment(s.type(), s.asns().subList(0, need)));
                need = 0;
                cut = true;
            }
        }
        List<AsPathSegment> all = new ArrayList<>(head);
        AsPathSegment last = head.isEmpty() ? null : head.get(head.size() - 1);
        if (cut && !tail.isEmpty() && tail.get(0).type() == AsPathSegment.AS_SEQUENCE
                && last.asns().size() + tail.get(0).asns().size() <= 255) {
            // the sequence was cut where AS_TRANS stood in for the AS4_PATH part: make it one sequence again
            List<Long> joined = new ArrayList<>(last.asns());
            joined.addAll(tail.get(0).asns());
            all.set(all.size() - 1, new AsPathSegment(AsPathSegment.AS_SEQUENCE, joined));
            all.addAll(tail.subList(1, tail.size()));
        } else {
            all.addAll(tail);
        }
        return new AsPath(all);
    }

    private static boolean isConfed(AsPathSegment s) {
        return s.type() == AsPathSegment.AS_CONFED_SEQUENCE || s.type() == AsPathSegment.AS_CONFED_SET;
    }

    /** The path length of RFC 4271 section 9.1.2.2: an AS_SET counts one, confederation segments none. */
    private static int count(List<AsPathSegment> segments) {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.type() == AsPathSegment.AS_SEQUENCE ? s.asns().size() : s.type() == AsPathSegment.AS_SET ? 1 : 0;
        }
        return n;
    }
}
