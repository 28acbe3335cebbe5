// What a receiver does with attributes that are well formed but out of place for the session it came on.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.SessionOptions;

public final class ReceiveRules {
    private ReceiveRules() {}

    /**
     * Why an attribute of {@code type} is discarded unread on this session, or null. From an external peer:
     * LOCAL_PREF (RFC 4271 section 5.1.5, RFC 7606 section 7.5), ORIGINATOR_ID (RFC 7606 section 7.9) and
     * CLUSTER_LIST (section 7.10), whatever their content. From a NEW (4-octet AS) speaker: AS4_PATH and
     * AS4_AGGREGATOR (RFC 6793 section 4.1).
     */
    public static String ignoredFromPeer(int type, SessionOptions options) {
        if (options.externalPeer()) {
            switch (type) {
                case PathAttribute.LOCAL_PREF:
                    return "LOCAL_PREF from an external peer ignored (RFC 4271 section 5.1.5, RFC 7606 section 7.5)";
                case PathAttribute.ORIGINATOR_ID:
                    return "ORIGINATOR_ID from an external peer discarded (RFC 7606 section 7.9)";
                case PathAttribute.CLUSTER_LIST:
                    return "CLUSTER_LIST from an external peer discarded (RFC 7606 section 7.10)";
                default:
                    break;
            }
        }
        if (options.asn4() && (type == PathAttribute.AS4_PATH || type == PathAttribute.AS4_AGGREGATOR)) {
            return (type == PathAttribute.AS4_PATH ? "AS4_PATH" : "AS4_AGGREGATOR")
                    + " from a 4-octet AS speaker discarded (RFC 6793 section 4.1)";
        }
        return null;
    }
}
