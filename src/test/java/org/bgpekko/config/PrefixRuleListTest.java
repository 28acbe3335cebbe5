// PrefixRule.List's look-up (only the rule lengths that may admit a route's length are probed) against a scan of every rule.
package org.bgpekko.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bgpekko.wire.nlri.IpPrefix;
import org.junit.jupiter.api.Test;

class PrefixRuleListTest {
    // covers and prefix: PrefixTableTest's (a scan and the same close-together prefixes)

    /** A rule as the loader makes them: exact, ge/le around the length, or more specifics up to the maximum. */
    private static PrefixRule rule(Random r, IpPrefix p) {
        int max = IpPrefix.maxLength(p.afi());
        int ge = switch (r.nextInt(3)) {
            case 0 -> p.length();
            case 1 -> Math.min(max, p.length() + r.nextInt(4));
            default -> Math.max(0, p.length() - r.nextInt(3)); // below the length: admits no shorter route anyway
        };
        int le = switch (r.nextInt(3)) {
            case 0 -> Math.max(ge, p.length());
            case 1 -> max;
            default -> Math.min(max, ge + r.nextInt(6));
        };
        return new PrefixRule(p, ge, le, "r");
    }

    @Property(tries = 300)
    void matchesAsAScanOfEveryRule(@ForAll long seed) {
        Random r = new Random(seed);
        PrefixRule.List list = new PrefixRule.List();
        List<PrefixRule> all = new ArrayList<>();
        boolean v6 = r.nextInt(4) == 0;
        for (int i = 0, n = r.nextInt(150); i < n; i++) {
            PrefixRule rule = rule(r, PrefixTableTest.prefix(r, v6 ? r.nextBoolean() : false));
            list.add(rule);
            all.add(rule);
        }
        for (int q = 0; q < 200; q++) {
            IpPrefix route = PrefixTableTest.prefix(r, r.nextBoolean());
            boolean want = all.stream().anyMatch(x -> PrefixTableTest.covers(x.prefix(), route) && x.admits(route.length()));
            assertEquals(want, list.matches(route), () -> "matches " + route + " in " + all);
        }
    }

    @Test
    void aRuleAdmitsOnlyItsLengthRange() {
        PrefixRule.List list = new PrefixRule.List();
        list.add(new PrefixRule(IpPrefix.parse("198.51.100.0/22"), 22, 24, "irr"));
        list.add(new PrefixRule(IpPrefix.parse("192.0.2.0/24"), 24, 24, "irr"));
        assertTrue(list.matches(IpPrefix.parse("198.51.100.0/22")));
        assertTrue(list.matches(IpPrefix.parse("198.51.101.0/24")));
        assertFalse(list.matches(IpPrefix.parse("198.51.101.0/25")), "longer than le");
        assertFalse(list.matches(IpPrefix.parse("198.51.100.0/21")), "shorter than the rule");
        assertTrue(list.matches(IpPrefix.parse("192.0.2.0/24")));
        assertFalse(list.matches(IpPrefix.parse("192.0.2.0/25")), "exact");
        assertFalse(list.matches(IpPrefix.parse("2001:db8::/32")), "no IPv6 rule");
        assertFalse(new PrefixRule.List().matches(IpPrefix.parse("192.0.2.0/24")), "an empty list");
    }
}
