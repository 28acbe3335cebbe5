// BatchAssembler: what reaches the Rib and how each line is answered, groups (ExaBGP 6's text) and their bounds.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import org.bgpekko.api.HelperBatch.Fixed;
import org.bgpekko.api.HelperBatch.FromRib;
import org.bgpekko.api.HelperBatch.GroupSummary;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {
    private static final String A = "announce route 10.0.0.1/32 next-hop 1.1.1.1";
    private static final String B = "announce route 10.0.0.2/32 next-hop 1.1.1.1";
    private static final String CLEAR = "clear adj-rib out";

    private static Fixed info(String text, boolean ok) {
        return new Fixed(List.of(text), ok);
    }

    private static List<String> texts(HelperBatch b) {
        return b.commands().stream().map(HelperBatch.Command::text).toList();
    }

    @Test
    void plainLinesGoToTheRibAndParseErrorsAreAnsweredWithoutIt() {
        BatchAssembler a = new BatchAssembler("h");
        HelperBatch b = a.assemble(Arrays.asList(A, "", "  ", "debug hello", "bogus words", null, B));
        assertEquals(List.of(A, B), texts(b));
        assertEquals(List.of(new FromRib(0), Fixed.ERROR, Fixed.ERROR, new FromRib(1)), b.answers(),
                "the empty and debug lines get nothing; the unparsable and the overlong (null) line get error");
        assertEquals(7, b.lines());
    }

    @Test
    void aGroupOverSeveralBatchesReachesTheRibAtItsEnd() {
        BatchAssembler a = new BatchAssembler("h");
        HelperBatch start = a.assemble(List.of("group start"));
        assertEquals(List.of(), start.commands());
        assertEquals(List.of(info("group started", true)), start.answers());
        HelperBatch inside = a.assemble(List.of(A, CLEAR));
        assertEquals(List.of(), inside.commands(), "held until the group ends");
        assertEquals(List.of(Fixed.DONE, Fixed.DONE), inside.answers(), "each command is answered at once");
        assertEquals(2, a.openGroup());
        HelperBatch end = a.assemble(List.of("group end"));
        assertEquals(List.of(A, CLEAR), texts(end));
        assertEquals(List.of(new GroupSummary(0, 2)), end.answers());
        assertEquals(0, a.openGroup());
    }

    @Test
    void aGroupInsideOneBatchKeepsTheLineOrderOfAnswers() {
        HelperBatch b = new BatchAssembler("h").assemble(List.of(B, "group start", A, CLEAR, "group end", B));
        assertEquals(List.of(B, A, CLEAR, B), texts(b));
        assertEquals(List.of(new FromRib(0), info("group started", true), Fixed.DONE, Fixed.DONE,
                new GroupSummary(1, 3), new FromRib(3)), b.answers());
    }

    @Test
    void groupErrorsAreExabgpsTexts() {
        BatchAssembler a = new BatchAssembler("h");
        assertEquals(List.of(info("error: not in group block", false)), a.assemble(List.of("group end")).answers());
        assertEquals(List.of(info("group started", true),
                        info("error: already in group block (nested groups not allowed)", false),
                        info("group ended (0 commands)", true)),
                a.assemble(List.of("group start", "group start", "group end")).answers());
        assertEquals(List.of(info("error: empty group", false)), a.assemble(List.of("group")).answers());
        assertEquals(List.of(info("error: empty group", false)), a.assemble(List.of("group ; ;")).answers());
    }

    @Test
    void insideAGroupOnlyRibCommandsAreTakenAndABadLineLeavesTheGroupOpen() {
        BatchAssembler a = new BatchAssembler("h");
        HelperBatch b = a.assemble(List.of("group start", "show neighbor", "shutdown", "bogus", A, "group end"));
        assertEquals(List.of(A), texts(b));
        assertEquals(List.of(info("group started", true), Fixed.ERROR, Fixed.ERROR, Fixed.ERROR, Fixed.DONE,
                new GroupSummary(0, 1)), b.answers());
    }

    @Test
    void aGroupPastItsCommandBoundIsDiscardedUpToItsEnd() {
        BatchAssembler a = new BatchAssembler("h", 2, 1 << 20);
        HelperBatch b = a.assemble(List.of("group start", A, B, A, B, "group end", A));
        assertEquals(List.of(A), texts(b), "nothing of the group; the line after it as usual");
        assertEquals(List.of(info("group started", true), Fixed.DONE, Fixed.DONE,
                info("error: group buffer limit reached, group discarded", false), Fixed.ERROR,
                info("error: group discarded (over its limit)", false), new FromRib(0)), b.answers());
    }

    @Test
    void aGroupPastItsByteBoundIsDiscarded() {
        BatchAssembler a = new BatchAssembler("h", 1000, A.length() + B.length() - 1);
        HelperBatch b = a.assemble(List.of("group start", A, B, "group end"));
        assertEquals(List.of(), b.commands());
        assertEquals(info("error: group buffer limit reached, group discarded", false), b.answers().get(2));
        assertEquals(MAX_DEFAULTS, List.of(BatchAssembler.MAX_GROUP_COMMANDS, BatchAssembler.MAX_GROUP_BYTES));
    }

    private static final List<Number> MAX_DEFAULTS = List.of(100_000, 100L * 1024 * 1024); // ExaBGP's bounds

    @Test
    void aOneLineGroupIsOneAnswerForAllItsCommands() {
        BatchAssembler a = new BatchAssembler("h");
        String line = "neighbor 127.0.0.1 group " + A + " ; withdraw route 10.0.0.3/32 ; " + CLEAR + " ;";
        HelperBatch b = a.assemble(List.of(line));
        assertEquals(3, b.commands().size());
        assertEquals(List.of(new GroupSummary(0, 3)), b.answers());
        for (HelperBatch.Command c : b.commands()) {
            assertEquals(List.of(Selector.of(org.bgpekko.wire.nlri.IpAddress.parse("127.0.0.1"))),
                    c.line().selectors(), "every command of the line takes the group's selectors");
        }
        assertInstanceOf(ApiCommand.WithdrawRoutes.class, b.commands().get(1).line().command());
    }

    @Test
    void aOneLineGroupWithABadCommandIsRefusedWhole() {
        BatchAssembler a = new BatchAssembler("h");
        for (String bad : List.of("group " + A + " ; bogus", "group " + A + " ; show neighbor",
                "group " + A + " ; group end", "neighbor 127.0.0.1 group neighbor 127.0.0.2 " + A,
                "neighbor 127.0.0.1 group start")) {
            HelperBatch b = a.assemble(List.of(bad));
            assertEquals(List.of(), b.commands(), bad);
            assertEquals(List.of(Fixed.ERROR), b.answers(), bad);
        }
    }

    /**
     * Back-to-back lines with the same words after an IPv4 prefix become one RouteRun, answered per line with its
     * outcome; another line ends the run, and so does a group (whose lines stay commands of their own).
     */
    @Test
    void backToBackRouteLinesOfOneTemplateAreOneRunAnsweredPerLine() {
        BatchAssembler a = new BatchAssembler("h");
        a.assemble(List.of(A)); // learnt: the words are parsed once
        String c = "announce route 10.0.0.3/32 next-hop 1.1.1.1";
        String other = "announce route 10.0.0.4/32 next-hop 2.2.2.2";
        HelperBatch b = a.assemble(List.of(A, B, "bogus", c, CLEAR, B, "group start", c, "group end", other, A));
        List<ApiCommand> commands = b.commands().stream().map(x -> x.line().command()).toList();
        ApiCommand.RouteRun first = assertInstanceOf(ApiCommand.RouteRun.class, commands.get(0));
        assertEquals(List.of("10.0.0.1/32", "10.0.0.2/32"), prefixes(first));
        assertEquals(true, first.announce());
        assertEquals(List.of("10.0.0.3/32"), prefixes(assertInstanceOf(ApiCommand.RouteRun.class, commands.get(1))),
                "any other line, a refused one too, ends a run");
        assertInstanceOf(ApiCommand.ClearAdjRibOut.class, commands.get(2));
        assertEquals(List.of("10.0.0.2/32"), prefixes(assertInstanceOf(ApiCommand.RouteRun.class, commands.get(3))));
        assertInstanceOf(ApiCommand.AnnounceRoutes.class, commands.get(4), "inside a group: a command per line");
        assertInstanceOf(ApiCommand.AnnounceRoutes.class, commands.get(5), "other words: not learnt yet");
        assertEquals(List.of("10.0.0.1/32"), prefixes(assertInstanceOf(ApiCommand.RouteRun.class, commands.get(6))));
        assertEquals(7, commands.size());
        FromRib run = new FromRib(0);
        assertEquals(List.of(run, run, Fixed.ERROR, new FromRib(1), new FromRib(2), new FromRib(3),
                info("group started", true), Fixed.DONE, new GroupSummary(4, 5), new FromRib(5), new FromRib(6)),
                b.answers());
        assertEquals(A + " (and 1 more line(s) with other prefixes)", b.commands().get(0).text());
        assertEquals(List.of(), a.assemble(List.of()).commands(), "nothing of a run is left for the next batch");
    }

    private static List<String> prefixes(ApiCommand.RouteRun r) {
        return java.util.stream.IntStream.range(0, r.prefixes().size()).mapToObj(i -> r.prefixes().prefix(i).toString())
                .toList();
    }
}
