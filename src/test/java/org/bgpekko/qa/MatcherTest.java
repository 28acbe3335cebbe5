// The matching state alone: completion, tolerated End-of-RIB, extra messages, head actions.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {
    private static final String M = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String EOR = M + "00170200000000";
    private static final String U = M + "0018020000000100";

    private static Matcher matcher(String... lines) {
        Matcher m = new Matcher(CaseFile.parseMsg(List.of(lines)).groups());
        m.onConnection();
        return m;
    }

    @Test
    void afterCompletionAnEndOfRibIsToleratedAndAnythingElseIsExtra() {
        Matcher m = matcher("1:raw:" + U);
        assertInstanceOf(Matcher.Accepted.class, m.check(Hex.parse(U)));
        assertTrue(m.completed());
        assertInstanceOf(Matcher.Accepted.class, m.check(Hex.parse(EOR)));
        assertInstanceOf(Matcher.Accepted.class, m.check(Messages.keepalive()));
        Matcher.Outcome extra = m.check(Hex.parse(U));
        assertTrue(((Matcher.Rejected) extra).reason().startsWith("extra message"));
    }

    @Test
    void headActionsRunSignalThenNotificationAcrossGroups() {
        Matcher m = matcher("1:raw:" + U, "2:signal:SIGHUP", "3:notification:x", "4:raw:" + EOR);
        Matcher.Accepted a = (Matcher.Accepted) m.check(Hex.parse(U));
        assertEquals(List.of(new Matcher.SendSignal("SIGHUP"), new Matcher.SendNotification("x")), a.actions());
        assertTrue(m.describeCurrent().startsWith("current group A4, 1 candidate(s) left"), m.describeCurrent());
    }

    @Test
    void anEndOfRibMatchedIsNotReplayed() {
        Matcher m = matcher("1:raw:" + EOR, "1:raw:" + U, "2:raw:" + M + "00170500010001");
        m.check(Hex.parse(EOR));
        m.check(Hex.parse(U));
        Matcher.Accepted a = (Matcher.Accepted) m.check(Hex.parse(M + "00170500010001"));
        assertEquals(List.of(new Matcher.Replay(List.of(U))), a.actions());
    }
}
