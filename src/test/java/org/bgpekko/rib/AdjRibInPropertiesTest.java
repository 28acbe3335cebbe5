// jqwik: random announce/withdraw UPDATEs, encoded and decoded, applied to an AdjRibIn equal a HashMap model.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdateError;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;

class AdjRibInPropertiesTest {
    /** A few keys per family so that announcements, replacements and withdrawals of the same key are frequent. */
    private static final List<IpPrefix> V4 = List.of(IpPrefix.parse("0.0.0.0/0"), IpPrefix.parse("10.0.0.0/8"),
            IpPrefix.parse("10.0.0.0/24"), IpPrefix.parse("10.0.1.0/24"), IpPrefix.parse("192.0.2.1/32"),
            IpPrefix.parse("198.51.100.0/23"));
    private static final List<IpPrefix> V6 = List.of(IpPrefix.parse("2001:db8::/32"),
            IpPrefix.parse("2001:db8:1::/48"), IpPrefix.parse("2001:db8:1::1/128"), IpPrefix.parse("::/0"));
    private static final List<RouteDistinguisher> RDS = List.of(RouteDistinguisher.parse("65000:1"),
            RouteDistinguisher.parse("65000:2"));
    private static final List<Bytes> NH6 = List.of(Bytes.fromHex("20010DB8000000000000000000000001"),
            Bytes.fromHex("20010DB8000000000000000000000002"));
    private static final Bytes NH_VPN = Bytes.fromHex("0000000000000000C0000201");
    private static final Family[] MP_FAMILIES = {Family.IPV6_UNICAST, Family.IPV4_MPLS_VPN};

    /** One UPDATE to send: indexes into the key universes above. */
    record Step(List<Integer> withdrawV4, List<Integer> announceV4, int unreachFamily, List<Integer> unreach,
                int reachFamily, List<Integer> reach, List<Integer> labels, int attrs, int nextHop,
                boolean treatAsWithdraw) {}

    /** What the model holds for a key: the attributes and, for VPN routes, the label stack. */
    record Held(RouteAttributes attributes, Labels labels) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<List<Integer>> v4 = Arbitraries.integers().between(0, V4.size() * 2 - 1).list().ofMaxSize(5);
        Arbitrary<List<Integer>> mp = Arbitraries.integers().between(0, 7).list().ofMaxSize(5);
        Arbitrary<List<Integer>> labels = Arbitraries.integers().between(16, 19).list().ofSize(5);
        Arbitrary<Step> step = Combinators.combine(v4, v4, Arbitraries.integers().between(0, 1), mp,
                Arbitraries.integers().between(0, 1), mp, labels, Arbitraries.integers().between(0, 3))
                .as((wv4, av4, uf, u, rf, r, l, a) -> new Step(wv4, av4, uf, u, rf, r, l, a, 0, false));
        return Combinators.combine(step, Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 9))
                .as((s, nh, taw) -> new Step(s.withdrawV4(), s.announceV4(), s.unreachFamily(), s.unreach(),
                        s.reachFamily(), s.reach(), s.labels(), s.attrs(), nh, taw == 0))
                .list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void anAdjRibInEqualsAHashMapModel(@ForAll("steps") List<Step> steps, @ForAll boolean addPathV4) {
        Set<Family> addPath = addPathV4 ? Set.of(Family.IPV4_UNICAST) : Set.of();
        SessionOptions options = SessionOptions.DEFAULT.withAddPath(addPath, addPath);
        AttributeStore store = new AttributeStore();
        AdjRibIn rib = new AdjRibIn(store);
        Map<Nlri, Held> model = new HashMap<>();
        for (Step s : steps) {
            Update sent = update(s, addPathV4);
            Update received = (Update) MessageCodec.decode(MessageCodec.encode(sent, options), options);
            if (s.treatAsWithdraw()) {
                received = new Update(received.withdrawn(), received.attributes(), received.nlri(),
                        List.of(new UpdateError(4, ErrorAction.TREAT_AS_WITHDRAW, "test")));
            }
            Map<Nlri, Held> before = new HashMap<>(model);
            applyToModel(received, model);
            List<RibChange> changes = rib.apply(received);
            assertEquals(model, replay(before, changes), "the changes turn the old state into the new");
            assertEquals(model, contents(rib, store));
        }
        Map<RouteAttributes, Integer> uses = new HashMap<>();
        model.values().forEach(h -> uses.merge(h.attributes(), 1, Integer::sum));
        assertEquals(uses.size(), store.size(), "one interned set per distinct value held");
        for (Map.Entry<RouteAttributes, Integer> e : uses.entrySet()) {
            assertEquals(e.getValue(), store.refCount(store.acquire(e.getKey())) - 1, "references of " + e.getKey());
        }
        assertEquals(model.size(), rib.size());
        rib.clear();
        assertEquals(uses.size(), store.size(), "only the references just acquired by the check are left");
    }

    private static Update update(Step s, boolean addPathV4) {
        PathAttributes attrs = RibFixtures.attrs(s.attrs());
        NlriBlock withdrawn = NlriBlock.of(Family.IPV4_UNICAST, addPathV4, v4(s.withdrawV4(), addPathV4));
        NlriBlock nlri = NlriBlock.of(Family.IPV4_UNICAST, addPathV4, v4(s.announceV4(), addPathV4));
        Family uf = MP_FAMILIES[s.unreachFamily()];
        Family rf = MP_FAMILIES[s.reachFamily()];
        if (!s.unreach().isEmpty()) {
            attrs = attrs.with(new MpUnreachNlri(uf, NlriBlock.of(uf, false, mp(uf, s.unreach(), null))));
        }
        if (!s.reach().isEmpty()) {
            Bytes nh = rf.equals(Family.IPV6_UNICAST) ? NH6.get(s.nextHop()) : NH_VPN;
            attrs = attrs.with(new MpReachNlri(rf, nh, NlriBlock.of(rf, false, mp(rf, s.reach(), s.labels()))));
        }
        return new Update(withdrawn, attrs, nlri);
    }

    private static List<Nlri> v4(List<Integer> picks, boolean addPath) {
        List<Nlri> out = new ArrayList<>();
        for (int i : picks) {
            long pathId = addPath ? i / V4.size() : Nlri.NO_PATH_ID;
            out.add(new InetNlri(Family.IPV4_UNICAST, pathId, V4.get(i % V4.size())));
        }
        return out;
    }

    /** IPv6 prefixes, or VPN routes (labels from {@code labels}; a withdrawal carries the RFC 3107 label). */
    private static List<Nlri> mp(Family f, List<Integer> picks, List<Integer> labels) {
        List<Nlri> out = new ArrayList<>();
        for (int k = 0; k < picks.size(); k++) {
            int i = picks.get(k);
            if (f.equals(Family.IPV6_UNICAST)) {
                out.add(new InetNlri(f, Nlri.NO_PATH_ID, V6.get(i % V6.size())));
            } else {
                Labels l = labels == null ? new Labels(List.of(Labels.WITHDRAW_ENTRY)) : Labels.of(labels.get(k));
                out.add(new VpnNlri(f, Nlri.NO_PATH_ID, l, RDS.get(i / 4), V4.get(i % 4)));
            }
        }
        return out;
    }

    /** The model: withdrawals, then announcements (withdrawals instead under treat-as-withdraw). */
    private static void applyToModel(Update u, Map<Nlri, Held> model) {
        boolean taw = u.errorAction() == ErrorAction.TREAT_AS_WITHDRAW;
        u.withdrawn().forEach(n -> model.remove(key(n)));
        u.mpUnreach().ifPresent(m -> m.nlri().forEach(n -> model.remove(key(n))));
        RouteAttributes plain = RouteAttributes.of(u.attributes(), Bytes.EMPTY);
        u.nlri().forEach(n -> put(model, n, plain, taw));
        u.mpReach().ifPresent(m -> {
            RouteAttributes a = RouteAttributes.of(u.attributes(), m.nextHop());
            m.nlri().forEach(n -> put(model, n, a, taw));
        });
    }

    private static void put(Map<Nlri, Held> model, Nlri n, RouteAttributes a, boolean withdraw) {
        if (withdraw) {
            model.remove(key(n));
        } else {
            model.put(key(n), new Held(a, n instanceof VpnNlri v ? v.labels() : Labels.NONE));
        }
    }

    /** The model's key: the NLRI without its labels. */
    private static Nlri key(Nlri n) {
        return n instanceof VpnNlri v ? new VpnNlri(v.family(), v.pathId(), Labels.NONE, v.rd(), v.prefix()) : n;
    }

    private static Map<Nlri, Held> replay(Map<Nlri, Held> before, List<RibChange> changes) {
        Map<Nlri, Held> state = new HashMap<>(before);
        for (RibChange c : changes) {
            for (Nlri n : c.nlri()) {
                put(state, n, c.attributes(), c.isWithdrawal());
            }
        }
        return state;
    }

    private static Map<Nlri, Held> contents(AdjRibIn rib, AttributeStore store) {
        Map<Nlri, Held> out = new HashMap<>();
        for (Family f : rib.families()) {
            rib.forEach(f, (n, id) -> {
                assertEquals(id, rib.attributeId(n), "get agrees with iteration");
                out.put(key(n), new Held(store.get(id), n instanceof VpnNlri v ? v.labels() : Labels.NONE));
            });
        }
        return out;
    }
}
