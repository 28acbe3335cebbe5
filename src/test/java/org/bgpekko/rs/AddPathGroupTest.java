// ADD-PATH clients in update groups (docs/decisions.md D18, GroupPaths): shared encodings, own paths, single paths.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.junit.jupiter.api.Test;

class AddPathGroupTest {
    private static final SessionOptions ADD_PATH =
            UpdateGroupTest.EXTERNAL.withAddPath(Set.of(), Set.of(Family.IPV4_UNICAST));

    /** Distinct encoded UPDATEs (by identity) written to these clients. */
    private static int encodings(UpdateGroupTest.Exchange x, List<Integer> clients) {
        Set<byte[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        clients.forEach(c -> distinct.addAll(x.written.get(c)));
        return distinct.size();
    }

    @Test
    void addPathMembersShareOneEncodingOfEveryPath() {
        int[] counts = new int[2];
        for (int grouped = 0; grouped < 2; grouped++) {
            UpdateGroupTest.Exchange x = new UpdateGroupTest.Exchange(ServerPolicy.NONE,
                    grouped == 1 ? UpdateGroup.LOG_LIMIT : 0);
            int f1 = x.client(UpdateGroupTest.EXTERNAL);
            int f2 = x.client(UpdateGroupTest.EXTERNAL);
            List<Integer> members = List.of(x.client(ADD_PATH), x.client(ADD_PATH), x.client(ADD_PATH));
            List.of(f1, f2).forEach(x::drain);
            members.forEach(x::drain); // the first pass (an empty table), then they join
            for (int p = 0; p < 300; p++) {
                x.announce(f1, p, p % 3, 2);
                x.announce(f2, p, 7, 3);
            }
            members.forEach(x::drain);
            for (int m : members) {
                assertEquals(600, x.tables.get(m).size(), "both paths of every prefix");
                assertTrue(x.tables.get(m).containsKey("10.0.1.0/24 path " + (f1 + 1)), "path id = source + 1");
                assertTrue(x.tables.get(m).containsKey("10.0.1.0/24 path " + (f2 + 1)));
                assertEquals(x.expected(m), x.tables.get(m));
            }
            counts[grouped] = encodings(x, members);
            if (grouped == 1) {
                assertNotNull(x.rs.group(members.get(0)));
                for (int m : members) {
                    assertSame(x.rs.group(members.get(0)), x.rs.group(m));
                    List<byte[]> first = x.written.get(members.get(0));
                    List<byte[]> got = x.written.get(m);
                    assertEquals(first.size(), got.size());
                    for (int i = 0; i < got.size(); i++) {
                        assertSame(first.get(i), got.get(i), "the same encoded UPDATE, not a copy");
                    }
                }
                assertEquals(0, x.rs.group(members.get(0)).logBytes(), "read by every member: the log is empty");
            } else {
                assertNull(x.rs.group(members.get(0)));
            }
        }
        assertEquals(3 * counts[1], counts[0], "written on their own, each UPDATE is encoded once per member");
    }

    @Test
    void aMemberIsNeverSentItsOwnPathAndSinglePathsAreWithdrawn() {
        UpdateGroupTest.Exchange x = new UpdateGroupTest.Exchange(ServerPolicy.NONE, UpdateGroup.LOG_LIMIT);
        int ap1 = x.client(ADD_PATH);
        int ap2 = x.client(ADD_PATH);
        int ap3 = x.client(ADD_PATH);
        List<Integer> all = List.of(ap1, ap2, ap3);
        all.forEach(x::drain);
        assertSame(x.rs.group(ap1), x.rs.group(ap3));
        x.announce(ap1, 1, 1, 1);
        x.announce(ap2, 1, 2, 1);
        x.announce(ap3, 1, 3, 1);
        all.forEach(x::drain);
        String p = "10.0.1.0/24 path ";
        assertEquals(Set.of(p + (ap2 + 1), p + (ap3 + 1)), x.tables.get(ap1).keySet(), "never its own path");
        assertEquals(Set.of(p + (ap1 + 1), p + (ap3 + 1)), x.tables.get(ap2).keySet());
        assertEquals(Set.of(p + (ap1 + 1), p + (ap2 + 1)), x.tables.get(ap3).keySet());
        assertEquals(2, x.written.get(ap1).size(), "the two others' paths, nothing about its own");
        List<byte[]> w2 = x.written.get(ap2);
        assertTrue(x.written.get(ap3).contains(w2.get(0)), "ap1's path: one encoding for ap2 and ap3");
        for (int c : all) {
            assertEquals(x.expected(c), x.tables.get(c));
        }

        int[] before = all.stream().mapToInt(c -> x.written.get(c).size()).toArray();
        x.withdraw(ap2, 1); // one path goes: the others stay
        all.forEach(x::drain);
        assertEquals(Set.of(p + (ap3 + 1)), x.tables.get(ap1).keySet());
        assertEquals(Set.of(p + (ap1 + 1)), x.tables.get(ap3).keySet());
        assertEquals(before[1], x.written.get(ap2).size(), "nothing to ap2 about its own path");
        assertEquals(before[0] + 1, x.written.get(ap1).size(), "one withdrawal, no other path sent again");
        assertSame(x.written.get(ap1).get(before[0]), x.written.get(ap3).get(before[2]), "one shared withdrawal");

        x.announce(ap3, 1, 9, 2); // one path's attributes change
        all.forEach(x::drain);
        assertEquals(before[0] + 2, x.written.get(ap1).size(), "only the changed path is sent");
        assertTrue(x.tables.get(ap1).get(p + (ap3 + 1)).contains("MultiExitDisc[value=9]"));
        assertEquals(before[2] + 1, x.written.get(ap3).size(), "ap3 is not sent its own");
        for (int c : all) {
            assertEquals(x.expected(c), x.tables.get(c));
        }
        x.withdraw(ap1, 1);
        x.withdraw(ap3, 1);
        all.forEach(x::drain);
        for (int c : all) {
            assertTrue(x.tables.get(c).isEmpty(), "nothing stale at " + c + ": " + x.tables.get(c));
        }
    }

    @Test
    void aSlowMemberLeavesAndRejoinsWithNothingLostOrStale() {
        UpdateGroupTest.Exchange x = new UpdateGroupTest.Exchange(ServerPolicy.NONE, 16 << 10);
        int f1 = x.client(UpdateGroupTest.EXTERNAL);
        int f2 = x.client(ADD_PATH);
        int fast = x.client(ADD_PATH);
        int slow = x.client(ADD_PATH);
        List.of(f1, f2, fast, slow).forEach(x::drain);
        assertSame(x.rs.group(fast), x.rs.group(slow));
        for (int p = 0; p < 500; p++) {
            x.announce(f1, p, 1, 2);
            x.announce(f2, p, 1, 3);
        }
        x.batch(slow); // one batch, then it stops reading
        for (int round = 0; round < 3; round++) {
            for (int p = 0; p < 500; p += 2) {
                x.withdraw(f1, p);
            }
            for (int p = 0; p < 500; p += 7) {
                x.withdraw(f2, p);
            }
            x.drain(fast);
            x.drain(f1);
            x.drain(f2);
            for (int p = 0; p < 500; p += 2) {
                x.announce(f1, p, 2 + round, 2);
            }
        }
        for (int p = 0; p < 500; p += 3) {
            x.withdraw(f1, p);
        }
        x.drain(fast);
        assertNull(x.rs.group(slow), "the slow member left the group");
        assertNotNull(x.rs.group(fast));
        assertTrue(x.rs.group(fast).logBytes() <= 16 << 10, "the log stays bounded");
        x.drain(slow);
        assertEquals(x.expected(slow), x.tables.get(slow), "no stale path, no missed withdrawal");
        assertEquals(x.expected(fast), x.tables.get(fast));
        assertFalse(x.tables.get(slow).keySet().stream().anyMatch(k -> k.endsWith("path " + (slow + 1))));
        assertSame(x.rs.group(fast), x.rs.group(slow), "caught up, it joined again");
        x.announce(f1, 0, 9, 1);
        x.withdraw(f2, 1);
        x.drain(fast);
        x.drain(slow);
        List<byte[]> f = x.written.get(fast);
        List<byte[]> s = x.written.get(slow);
        assertSame(f.get(f.size() - 1), s.get(s.size() - 1), "sharing again");
        assertEquals(x.expected(slow), x.tables.get(slow));
        assertEquals(x.expected(fast), x.tables.get(fast));
    }
}
