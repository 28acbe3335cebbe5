// BGP roles on a session (RFC 9234 section 4): the role sent in OPEN, Role Mismatch (2/11) in strict mode and for a
// pair of roles outside table 2, the session up otherwise. A Peer over the in-memory transport.
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RoleConfig;
import org.bgpekko.peer.FakeTransport.FakeConnection;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.UnknownCapability;
import org.junit.jupiter.api.Test;

class PeerRoleTest extends FsmHarness {
    static NeighborConfig withRole(NeighborConfig n, RoleConfig role) {
        return new NeighborConfig(n.peerAddress(), n.description(), n.routerId(), n.localAddress(), n.localAs(),
                n.peerAs(), n.holdTime(), n.passive(), n.connect(), n.groupUpdates(), n.autoFlush(), n.manualEor(),
                n.adjRibIn(), n.routeServerClient(), n.hostName(), n.domainName(), n.families(), n.capability(),
                n.addPathFamilies(), n.nextHop(), n.apis(), n.routes(), n.at(), n.tcp(), role, n.rsPolicy());
    }

    static Open theirs(Capability... extra) {
        List<Capability> caps = new ArrayList<>(List.of(new Multiprotocol(Family.IPV4_UNICAST), new FourOctetAs(65002)));
        caps.addAll(List.of(extra));
        return new Open(4, 65002, 9, THEIR_ID, caps);
    }

    /** Starts a Peer with {@code role}, reads its OPEN (checks the role it carries) and answers {@code their}. */
    private FakeConnection exchange(RoleConfig role, Open their) throws Exception {
        start(withRole(neighbor(9, ""), role), 0);
        FakeConnection c = transport.nextAttempt().succeed();
        Open ours = assertInstanceOf(Open.class, c.next());
        assertEquals(role.enabled() ? List.of(new BgpRole(role.localRole())) : List.of(), ours.all(BgpRole.class));
        c.receive(their);
        return c;
    }

    private void refusedWithRoleMismatch(RoleConfig role, Open their) throws Exception {
        FakeConnection c = exchange(role, their);
        Notification n = assertInstanceOf(Notification.class, c.next());
        assertEquals(List.of(2, 11), List.of(n.code(), n.subcode()), n.toString());
        assertTrue(PeerFsmTest.waitClosed(c));
        rib.expectNoMessage(Duration.ofMillis(100));
    }

    private void established(RoleConfig role, Open their) throws Exception {
        FakeConnection c = exchange(role, their);
        assertInstanceOf(Keepalive.class, c.next());
        c.receive(Keepalive.INSTANCE);
        assertEquals(65002, rib.expectMessageClass(Rib.PeerUp.class).session().peerAs());
    }

    @Test
    void strictModeWithoutTheirRoleIsRoleMismatch() throws Exception {
        refusedWithRoleMismatch(new RoleConfig(BgpRole.RS, true), theirs());
    }

    @Test
    void withoutStrictModeAPeerWithoutARoleIsAccepted() throws Exception {
        established(new RoleConfig(BgpRole.RS, false), theirs());
    }

    @Test
    void anIncompatiblePairIsRoleMismatchStrictOrNot() throws Exception {
        refusedWithRoleMismatch(new RoleConfig(BgpRole.RS, false), theirs(new BgpRole(BgpRole.RS)));
    }

    @Test
    void anIncompatiblePairIsRoleMismatchInStrictModeToo() throws Exception {
        refusedWithRoleMismatch(new RoleConfig(BgpRole.PEER, true), theirs(new BgpRole(BgpRole.CUSTOMER)));
    }

    @Test
    void theAllowedPairComesUpInStrictMode() throws Exception {
        established(new RoleConfig(BgpRole.RS, true), theirs(new BgpRole(BgpRole.RS_CLIENT)));
    }

    @Test
    void aMalformedRoleIsRoleMismatch() throws Exception {
        refusedWithRoleMismatch(new RoleConfig(BgpRole.RS, false),
                theirs(new UnknownCapability(Capability.BGP_ROLE, Bytes.fromHex("0202"))));
    }

    @Test
    void withoutALocalRoleTheirRoleIsIgnored() throws Exception {
        established(RoleConfig.NONE, theirs(new BgpRole(BgpRole.PROVIDER)));
    }
}
