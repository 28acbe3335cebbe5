// OPEN checks (RFC 4271 section 6.2) and what two OPENs negotiate.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

class NegotiationTest {
    static final Family V4 = Family.IPV4_UNICAST;
    static final Family V6 = Family.IPV6_UNICAST;

    static Open open(long as, int hold, long id, Capability... caps) {
        return new Open(4, as > 0xFFFF ? OpenBuilder.AS_TRANS : (int) as, hold, id, List.of(caps));
    }

    static NotificationException refused(Open sent, Open received, long peerAs, long localAs) {
        return assertThrows(NotificationException.class, () -> Negotiation.of(sent, received, peerAs, localAs));
    }

    @Test
    void holdTimeIsTheSmallerAndKeepaliveAThird() {
        Negotiation n = Negotiation.of(open(1, 180, 1), open(2, 9, 2), 2, 1);
        assertEquals(9, n.holdTime());
        assertEquals(3, n.keepalive());
        assertEquals(0, Negotiation.of(open(1, 180, 1), open(2, 0, 2), 2, 1).holdTime());
    }

    /** Issue 11: the decoder learns from the two OPENs whether the peer is external and which families it may send. */
    @Test
    void theOptionsSayWhetherThePeerIsExternalAndWhichFamiliesWereNegotiated() {
        Open ours = open(65001, 180, 1, new FourOctetAs(65001), new Multiprotocol(V4), new Multiprotocol(V6));
        SessionOptions ebgp = Negotiation.options(ours, open(65002, 180, 2, new FourOctetAs(65002),
                new Multiprotocol(V4)));
        assertTrue(ebgp.externalPeer());
        assertEquals(Set.of(V4), ebgp.families());
        assertFalse(ebgp.negotiated(V6));
        SessionOptions ibgp = Negotiation.options(ours, open(65001, 180, 2, new FourOctetAs(65001),
                new Multiprotocol(V4), new Multiprotocol(V6)));
        assertFalse(ibgp.externalPeer());
        assertEquals(Set.of(V4, V6), ibgp.families());
        // a 4-octet AS: the capability, not AS_TRANS in My AS, says which AS the peer is in
        assertTrue(Negotiation.options(ours, open(4200000000L, 180, 2, new FourOctetAs(4200000000L)))
                .externalPeer());
        assertFalse(Negotiation.options(open(4200000000L, 180, 1, new FourOctetAs(4200000000L)),
                open(4200000000L, 180, 2, new FourOctetAs(4200000000L))).externalPeer());
        assertTrue(Negotiation.options(open(4200000000L, 180, 1, new FourOctetAs(4200000000L)),
                open(4200000001L, 180, 2, new FourOctetAs(4200000001L))).externalPeer());
    }

    @Test
    void badVersionIs2_1WithTheSupportedVersion() {
        Open v3 = new Open(3, 2, 180, 2, List.of());
        NotificationException e = refused(open(1, 180, 1), v3, 2, 1);
        assertEquals(List.of(2, 1), List.of(e.code(), e.subcode()));
        assertEquals(Bytes.of((byte) 0, (byte) 4), e.data());
        // and the decoder says the same for a version 3 OPEN on the wire
        byte[] wire = MessageCodec.encode(open(2, 180, 2), SessionOptions.DEFAULT);
        wire[19] = 3;
        NotificationException d = assertThrows(NotificationException.class,
                () -> MessageCodec.decode(wire, SessionOptions.LEGACY));
        assertEquals(List.of(2, 1), List.of(d.code(), d.subcode()));
    }

    @Test
    void wrongPeerAsIs2_2() {
        NotificationException e = refused(open(1, 180, 1), open(3, 180, 2), 2, 1);
        assertEquals(List.of(2, 2), List.of(e.code(), e.subcode()));
        assertEquals("ASN in OPEN (3) did not match ASN expected (2)", e.data().utf8());
    }

    @Test
    void fourOctetPeerAsComesFromTheCapabilityWhenBothSidesSendIt() {
        Open sent = open(1, 180, 1, new FourOctetAs(1));
        Open received = open(4_200_000_000L, 180, 2, new FourOctetAs(4_200_000_000L));
        assertEquals(4_200_000_000L, Negotiation.of(sent, received, 4_200_000_000L, 1).peerAs());
        // we did not offer ASN4: the peer's AS is AS_TRANS
        NotificationException e = refused(open(1, 180, 1), received, 4_200_000_000L, 1);
        assertEquals(2, e.subcode());
    }

    @Test
    void zeroIdentifierAndIbgpSameIdentifierAre2_3() {
        assertEquals(3, refused(open(1, 180, 7), open(2, 180, 0), 2, 1).subcode());
        assertEquals(3, refused(open(1, 180, 7), open(1, 180, 7), 1, 1).subcode());
        Negotiation.of(open(1, 180, 7), open(2, 180, 7), 2, 1); // eBGP may share an identifier
    }

    @Test
    void holdTimeOneOrTwoIs2_6() {
        assertEquals(6, refused(open(1, 180, 1), open(2, 1, 2), 2, 1).subcode());
        assertEquals(6, refused(open(1, 180, 1), open(2, 2, 2), 2, 1).subcode());
        assertEquals(3, Negotiation.of(open(1, 180, 1), open(2, 3, 2), 2, 1).holdTime());
    }

    @Test
    void familiesAreTheIntersectionAscending() {
        Open sent = open(1, 180, 1, new Multiprotocol(V6), new Multiprotocol(V4), new Multiprotocol(Family.IPV4_MPLS_VPN));
        Open received = open(2, 180, 2, new Multiprotocol(Family.IPV4_MPLS_VPN), new Multiprotocol(V4),
                new UnknownCapability(66, Bytes.ascii("loremipsum")));
        assertEquals(List.of(V4, Family.IPV4_MPLS_VPN), Negotiation.of(sent, received, 2, 1).families());
    }

    @Test
    void aSideWithoutMultiprotocolMeansIpv4UnicastOnly() {
        Open sent = open(1, 180, 1, new Multiprotocol(V4), new Multiprotocol(V6));
        assertEquals(List.of(V4), Negotiation.of(sent, open(2, 180, 2), 2, 1).families());
        assertEquals(List.of(), Negotiation.of(open(1, 180, 1, new Multiprotocol(V6)), open(2, 180, 2), 2, 1)
                .families());
    }

    @Test
    void addPathPerDirection() {
        Open sent = open(1, 180, 1, new AddPath(List.of(new AddPath.Entry(V4, 3), new AddPath.Entry(V6, 2))));
        Open received = open(2, 180, 2, new AddPath(List.of(new AddPath.Entry(V4, 2), new AddPath.Entry(V6, 1))));
        SessionOptions o = Negotiation.of(sent, received, 2, 1).options();
        assertEquals(Set.of(V6), o.addPathSend());
        assertEquals(Set.of(V4), o.addPathReceive());
    }

    @Test
    void asn4ExtendedNextHopAndExtendedMessageNeedBothSides() {
        ExtendedNextHop nh = new ExtendedNextHop(List.of(new ExtendedNextHop.Entry(V4, 2)));
        List<Capability> all = new ArrayList<>(List.of(new FourOctetAs(1), nh, new ExtendedMessage()));
        Open both = new Open(4, 1, 180, 1, all);
        SessionOptions o = Negotiation.of(both, new Open(4, 2, 180, 2, List.of(new FourOctetAs(2), nh,
                new ExtendedMessage())), 2, 1).options();
        assertTrue(o.asn4());
        assertEquals(Set.of(V4), o.extendedNextHop());
        assertEquals(65535, o.maxMessageSize());
        SessionOptions none = Negotiation.of(both, open(2, 180, 2), 2, 1).options();
        assertFalse(none.asn4());
        assertEquals(Set.of(), none.extendedNextHop());
        assertEquals(4096, none.maxMessageSize());
    }

    /** Issue 11 item 5: a 4-octet AS capability of 2 bytes, an MP capability of 3, on the wire: 2/0, no session. */
    @Test
    void malformedCapabilitiesThatChangeTheEncodingAre2_0() {
        Open ours = open(65001, 180, 1, new Multiprotocol(V4), new FourOctetAs(65001));
        String header = "FF".repeat(16);
        // OPEN v4, AS 65002, hold 180, id 10.0.0.2, one optional parameter (capabilities)
        String as4Short = "04FDEA00B40A000002" + "0C" + "020A" + "010400010001" + "4102FDEA";
        String mpShort = "04FDEA00B40A000002" + "0D" + "020B" + "0103000101" + "41040000FDEA";
        for (String body : List.of(as4Short, mpShort)) {
            String hex = header + String.format("%04X", 19 + body.length() / 2) + "01" + body;
            Open received = (Open) MessageCodec.decode(Bytes.fromHex(hex).toArray(), SessionOptions.LEGACY);
            NotificationException e = refused(ours, received, 65002, 65001);
            assertEquals(List.of(2, 0), List.of(e.code(), e.subcode()), body);
        }
    }

    /** RFC 9234 table 2: every (local, remote) pair of table 1; the five allowed ones come up, the others are 2/11. */
    @Test
    void roleMismatchIsEveryPairOutsideTable2() {
        java.util.Set<List<Integer>> allowed = Set.of(List.of(0, 3), List.of(3, 0), List.of(1, 2), List.of(2, 1),
                List.of(4, 4));
        for (int local = 0; local <= 4; local++) {
            for (int remote = 0; remote <= 4; remote++) {
                Open sent = open(1, 180, 1, new org.bgpekko.wire.capability.BgpRole(local));
                Open received = open(2, 180, 2, new org.bgpekko.wire.capability.BgpRole(remote));
                for (boolean strict : new boolean[] {false, true}) {
                    if (allowed.contains(List.of(local, remote))) {
                        Negotiation.of(sent, received, 2, 1, strict);
                    } else {
                        NotificationException e = assertThrows(NotificationException.class,
                                () -> Negotiation.of(sent, received, 2, 1, strict));
                        assertEquals(List.of(2, 11), List.of(e.code(), e.subcode()), local + " " + remote);
                    }
                }
            }
        }
    }

    @Test
    void rolesOfDifferentValuesAreRoleMismatchAndRepeatedEqualOnesOne() {
        Open sent = open(1, 180, 1, new org.bgpekko.wire.capability.BgpRole(1));
        NotificationException e = assertThrows(NotificationException.class, () -> Negotiation.of(sent,
                open(2, 180, 2, new org.bgpekko.wire.capability.BgpRole(2), new org.bgpekko.wire.capability.BgpRole(4)),
                2, 1, false));
        assertEquals(List.of(2, 11), List.of(e.code(), e.subcode()));
        Negotiation.of(sent, open(2, 180, 2, new org.bgpekko.wire.capability.BgpRole(2),
                new org.bgpekko.wire.capability.BgpRole(2)), 2, 1, true);
    }

    @Test
    void strictModeNeedsTheirRoleAndWithoutOursNothingIsChecked() {
        Open sent = open(1, 180, 1, new org.bgpekko.wire.capability.BgpRole(1));
        NotificationException e = assertThrows(NotificationException.class,
                () -> Negotiation.of(sent, open(2, 180, 2), 2, 1, true));
        assertEquals(List.of(2, 11), List.of(e.code(), e.subcode()));
        Negotiation.of(sent, open(2, 180, 2), 2, 1, false);
        // no local role: a peer's role (even malformed) is a capability we do not use
        Negotiation.of(open(1, 180, 1), open(2, 180, 2, new UnknownCapability(9, Bytes.EMPTY)), 2, 1, false);
    }
}
