// RtrSession alone: what each PDU in each state leads to (RFC 8210 sections 5-8), expiry, the right error codes.
package org.bgpekko.rtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.Test;

class RtrSessionTest {
    private static final RtrPdu.Vrp A = new RtrPdu.Vrp(IpPrefix.parse("192.0.2.0/24"), 24, 64511);
    private static final RtrPdu.Vrp B = new RtrPdu.Vrp(IpPrefix.parse("198.51.100.0/24"), 24, 64512);

    private static RtrSession.Outcome in(RtrSession s, RtrPdu pdu) {
        return s.received(s.version(), pdu, Bytes.of(RtrCodec.encode(s.version(), pdu)));
    }

    /** A session holding {A} from Session ID 4, serial 10. */
    private static RtrSession synced() {
        RtrSession s = new RtrSession();
        assertEquals(new RtrPdu.ResetQuery(), s.connected());
        in(s, new RtrPdu.CacheResponse(4));
        in(s, new RtrPdu.Prefix(true, A));
        RtrSession.Outcome o = in(s, new RtrPdu.EndOfData(4, 10, 900, 60, 1800));
        assertEquals(new RtrSession.Delivery(true, List.of(A), List.of()), o.delivery());
        assertEquals(900, o.refresh());
        return s;
    }

    private static int errorCode(RtrSession.Outcome o) {
        assertNotNull(o.close());
        return assertInstanceOf(RtrPdu.ErrorReport.class, o.send().get(0)).code();
    }

    @Test
    void theIntervalsOfEndOfDataAreTaken() {
        RtrSession s = synced();
        assertEquals(60, s.retry());
        assertEquals(1800, s.expireSeconds());
        assertEquals(new RtrPdu.SerialQuery(4, 10), s.refresh());
        assertNull(s.refresh(), "one query at a time");
    }

    @Test
    void expiredDataIsWithdrawnAndTheNextConnectionResets() {
        RtrSession s = synced();
        assertEquals(new RtrSession.Delivery(false, List.of(), List.of(A)), s.expire());
        assertNull(s.expire(), "nothing left");
        assertEquals(new RtrPdu.ResetQuery(), s.connected());
        assertEquals(0, s.size());
    }

    @Test
    void errorsOfContentHaveTheirCodes() {
        RtrSession s = synced();
        s.connected(); // Serial Query for session 4
        assertEquals(RtrPdu.ErrorReport.CORRUPT_DATA, errorCode(in(s, new RtrPdu.CacheResponse(5))),
                "another Session ID");
        s.connected();
        in(s, new RtrPdu.CacheResponse(4));
        assertEquals(RtrPdu.ErrorReport.WITHDRAWAL_OF_UNKNOWN_RECORD, errorCode(in(s, new RtrPdu.Prefix(false, B))));
        s.connected();
        in(s, new RtrPdu.CacheResponse(4));
        assertEquals(RtrPdu.ErrorReport.DUPLICATE_ANNOUNCEMENT_RECEIVED, errorCode(in(s, new RtrPdu.Prefix(true, A))));
        s.connected();
        assertEquals(RtrPdu.ErrorReport.CORRUPT_DATA, errorCode(in(s, new RtrPdu.Prefix(true, B))),
                "a prefix before the Cache Response");
        s.connected();
        assertEquals(RtrPdu.ErrorReport.UNSUPPORTED_PDU_TYPE, errorCode(in(s, new RtrPdu.ResetQuery())));
        s.connected();
        in(s, new RtrPdu.CacheResponse(4));
        assertEquals(RtrPdu.ErrorReport.UNEXPECTED_PROTOCOL_VERSION, errorCode(s.received(0,
                new RtrPdu.Prefix(true, B), Bytes.EMPTY)), "version 0 after version 1 was settled");
        assertEquals(1, s.size(), "no broken response changed the set");
    }

    @Test
    void withinAResponseAnAnnouncementAndItsWithdrawalCancelOut() {
        RtrSession s = synced();
        s.connected();
        in(s, new RtrPdu.CacheResponse(4));
        in(s, new RtrPdu.Prefix(true, B));
        in(s, new RtrPdu.Prefix(false, B));
        in(s, new RtrPdu.Prefix(false, A));
        in(s, new RtrPdu.Prefix(true, A));
        RtrSession.Outcome o = in(s, new RtrPdu.EndOfData(4, 11, 900, 60, 1800));
        assertEquals(new RtrSession.Delivery(false, List.of(), List.of()), o.delivery());
    }

    @Test
    void cacheResetAsksForTheWholeSetAndKeepsTheOldOneUntilItIsIn() {
        RtrSession s = synced();
        s.connected();
        assertEquals(List.of(new RtrPdu.ResetQuery()), in(s, new RtrPdu.CacheReset()).send());
        assertEquals(1, s.size());
        in(s, new RtrPdu.CacheResponse(9));
        in(s, new RtrPdu.Prefix(true, B));
        assertEquals(new RtrSession.Delivery(false, List.of(B), List.of(A)),
                in(s, new RtrPdu.EndOfData(9, 1, 900, 60, 1800)).delivery());
    }

    @Test
    void unsupportedProtocolVersionFallsBackToVersion0OnceAndAnErrorReportIsNeverAnswered() {
        RtrSession s = new RtrSession();
        s.connected();
        RtrSession.Outcome o = s.received(0, new RtrPdu.ErrorReport(4, Bytes.EMPTY, ""), Bytes.EMPTY);
        assertTrue(o.reconnectNow());
        assertEquals(List.of(), o.send());
        assertEquals(0, s.version());
        s.connected();
        RtrSession.Outcome again = in(s, new RtrPdu.ErrorReport(4, Bytes.EMPTY, ""));
        assertFalse(again.reconnectNow(), "no version below 0");
        assertEquals(List.of(), again.send());
        assertNotNull(again.close());
    }
}
