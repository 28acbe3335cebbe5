// The codec of one NLRI encoding; one instance per (AFI, SAFI), registered in NlriCodecs.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;

public interface NlriCodec {
    /** Scan result: the NLRI runs past the end of its field. */
    int TRUNCATED = -1;
    /** Scan result: the prefix length is larger than the address (after labels and RD). */
    int BAD_LENGTH = -2;
    /** Scan result: the NLRI's own fields are inconsistent (a route type's value of the wrong size, ...). */
    int MALFORMED = -3;

    Family family();

    /**
     * Validates the NLRI starting at {@code off} without building objects.
     *
     * @return the offset just past it, or {@link #TRUNCATED} / {@link #BAD_LENGTH}
     */
    int scan(byte[] b, int off, int end, boolean addPath);

    /**
     * For NLRI that carry their own length (FlowSpec): why the NLRI in b[off, next), which {@link #scan} delimited,
     * is malformed, or null. A malformed NLRI is left out of its block and the UPDATE is treat-as-withdraw (RFC
     * 7606 section 5.3): its extent is known, so the rest of the field still parses. Other codecs validate all in
     * {@link #scan}.
     */
    default String malformed(byte[] b, int off, int next, boolean addPath) {
        return null;
    }

    /** Builds the NLRI at {@code off}, which {@link #scan} accepted (and {@link #malformed} did not refuse). */
    Nlri decode(byte[] b, int off, boolean addPath);

    /** Writes one NLRI; a missing path id is written as 0 when addPath is on, dropped when off. */
    void encode(Nlri nlri, boolean addPath, WireWriter out);

    static String reason(int scanResult) {
        return switch (scanResult) {
            case TRUNCATED -> "NLRI truncated";
            case BAD_LENGTH -> "invalid prefix length in NLRI";
            default -> "malformed NLRI";
        };
    }

    static void writePathId(long pathId, boolean addPath, WireWriter out) {
        if (addPath) {
            out.put32(pathId == Nlri.NO_PATH_ID ? 0 : pathId);
        }
    }
}
