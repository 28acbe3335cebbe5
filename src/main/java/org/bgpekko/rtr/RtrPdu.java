// The PDUs of the RPKI-Router protocol (RFC 8210 version 1, RFC 6810 version 0), as records.
package org.bgpekko.rtr;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * One record per PDU type (RFC 8210 section 5). The protocol version is not part of a PDU: it is the session's, given
 * to {@link RtrCodec#encode} and returned by {@link RtrCodec#decode} beside the PDU. Serial numbers and intervals are
 * unsigned 32-bit values held in a {@code long}.
 */
public sealed interface RtrPdu {
    int SERIAL_NOTIFY = 0;
    int SERIAL_QUERY = 1;
    int RESET_QUERY = 2;
    int CACHE_RESPONSE = 3;
    int IPV4_PREFIX = 4;
    int IPV6_PREFIX = 6;
    int END_OF_DATA = 7;
    int CACHE_RESET = 8;
    int ROUTER_KEY = 9;
    int ERROR_REPORT = 10;

    /** The PDU type code. */
    int type();

    /** Section 5.2: the cache has new data (serial). */
    record SerialNotify(int sessionId, long serial) implements RtrPdu {
        public int type() {
            return SERIAL_NOTIFY;
        }
    }

    /** Section 5.3: the router asks for what changed since {@code serial}. */
    record SerialQuery(int sessionId, long serial) implements RtrPdu {
        public int type() {
            return SERIAL_QUERY;
        }
    }

    /** Section 5.4: the router asks for the whole data set. */
    record ResetQuery() implements RtrPdu {
        public int type() {
            return RESET_QUERY;
        }
    }

    /** Section 5.5: the data that answers a query follows. */
    record CacheResponse(int sessionId) implements RtrPdu {
        public int type() {
            return CACHE_RESPONSE;
        }
    }

    /**
     * Sections 5.6 and 5.7 (IPv4 Prefix, IPv6 Prefix): one VRP announced ({@code announce}) or withdrawn. The type
     * follows the prefix's address family.
     */
    record Prefix(boolean announce, Vrp vrp) implements RtrPdu {
        public int type() {
            return vrp.prefix().afi() == org.bgpekko.wire.Family.AFI_IPV4 ? IPV4_PREFIX : IPV6_PREFIX;
        }
    }

    /**
     * Section 5.8: the end of a response. Version 0 (RFC 6810 section 5.8) carries no intervals: they are -1 when
     * decoded, and are not written.
     */
    record EndOfData(int sessionId, long serial, long refresh, long retry, long expire) implements RtrPdu {
        public int type() {
            return END_OF_DATA;
        }
    }

    /** Section 5.9: the cache cannot answer a Serial Query incrementally; the router sends a Reset Query. */
    record CacheReset() implements RtrPdu {
        public int type() {
            return CACHE_RESET;
        }
    }

    /** Section 5.10 (version 1 only): a BGPsec router key; bgpekko does not validate BGPsec and ignores it. */
    record RouterKey(int flags, Bytes subjectKeyIdentifier, long asn, Bytes subjectPublicKeyInfo) implements RtrPdu {
        public int type() {
            return ROUTER_KEY;
        }
    }

    /**
     * Section 5.11: an error; the session ends after it. {@code pdu} is the erroneous PDU as received (may be
     * empty), {@code text} a diagnostic (may be empty).
     */
    record ErrorReport(int code, Bytes pdu, String text) implements RtrPdu {
        public static final int CORRUPT_DATA = 0;
        public static final int INTERNAL_ERROR = 1;
        public static final int NO_DATA_AVAILABLE = 2;
        public static final int INVALID_REQUEST = 3;
        public static final int UNSUPPORTED_PROTOCOL_VERSION = 4;
        public static final int UNSUPPORTED_PDU_TYPE = 5;
        public static final int WITHDRAWAL_OF_UNKNOWN_RECORD = 6;
        public static final int DUPLICATE_ANNOUNCEMENT_RECEIVED = 7;
        public static final int UNEXPECTED_PROTOCOL_VERSION = 8;

        public int type() {
            return ERROR_REPORT;
        }

        /** RFC 8210 section 12's name of an error code. */
        public static String name(int code) {
            return switch (code) {
                case CORRUPT_DATA -> "Corrupt Data";
                case INTERNAL_ERROR -> "Internal Error";
                case NO_DATA_AVAILABLE -> "No Data Available";
                case INVALID_REQUEST -> "Invalid Request";
                case UNSUPPORTED_PROTOCOL_VERSION -> "Unsupported Protocol Version";
                case UNSUPPORTED_PDU_TYPE -> "Unsupported PDU Type";
                case WITHDRAWAL_OF_UNKNOWN_RECORD -> "Withdrawal of Unknown Record";
                case DUPLICATE_ANNOUNCEMENT_RECEIVED -> "Duplicate Announcement Received";
                case UNEXPECTED_PROTOCOL_VERSION -> "Unexpected Protocol Version";
                default -> "error code " + code;
            };
        }
    }

    /** A Validated ROA Payload (RFC 6811 section 2): {@code asn} may originate {@code prefix} up to maxLength. */
    record Vrp(IpPrefix prefix, int maxLength, long asn) {
        public Vrp {
            if (maxLength < prefix.length() || maxLength > IpPrefix.maxLength(prefix.afi())) {
                throw new IllegalArgumentException("maxLength " + maxLength + " out of range for " + prefix);
            }
            if (asn < 0 || asn > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("AS " + asn + " out of range");
            }
        }
    }
}
