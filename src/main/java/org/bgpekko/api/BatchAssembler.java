// One helper's lines into batches for the Rib, on its reader thread: parsing, groups, and each line's planned answer.
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.rib.Ipv4Prefixes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsing happens here, on the helper's reader thread, so the ApiGateway actor only routes. The group rules follow
 * ExaBGP 6 ({@code reactor/api/command/group.py}): {@code group start} answers "group started"; each command inside
 * is answered at once ({@code done} when it parsed and may be part of a group, {@code error} otherwise, and then it
 * is not part of it); {@code group end} hands the whole group to the Rib as one batch and answers "group processed:
 * N announced, M withdrawn" once it is applied. Past {@link #MAX_GROUP_COMMANDS} commands or
 * {@link #MAX_GROUP_BYTES} of text the group is discarded: every line up to its {@code group end} answers
 * {@code error} and nothing of it is applied. A helper that ends inside a group applies nothing of it (the
 * assembler is dropped with its incarnation). Not thread-safe: one per helper incarnation.
 */
final class BatchAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);

    /** ExaBGP's MAX_GROUP_COMMANDS. */
    static final int MAX_GROUP_COMMANDS = 100_000;
    /** ExaBGP's MAX_GROUP_BYTES: the text of the commands of one group. */
    static final long MAX_GROUP_BYTES = 100L * 1024 * 1024;

    private enum GroupState { NONE, OPEN, DISCARDED }

    private final String process;
    private final int maxGroupCommands;
    private final long maxGroupBytes;
    private final RouteLineCache cache = new RouteLineCache();
    /** Refused lines logged within a second; the others are counted. */
    static final int LOGGED_PER_SECOND = 20;

    private GroupState state = GroupState.NONE;
    private long logWindow = System.nanoTime();
    private int logged;
    private long unlogged;
    private List<HelperBatch.Command> group = new ArrayList<>();
    private long groupBytes;

    /**
     * The run of lines being collected ({@link ApiCommand.RouteRun}): back-to-back route lines of one template
     * outside a group, one command at {@code runIndex} of the batch, one answer shared by its lines.
     */
    private RouteLineCache.Template runTemplate;
    private final Ipv4Prefixes.Builder run = new Ipv4Prefixes.Builder();
    private int runIndex;
    private String runText;
    private HelperBatch.FromRib runAnswer;

    BatchAssembler(String process) {
        this(process, MAX_GROUP_COMMANDS, MAX_GROUP_BYTES);
    }

    BatchAssembler(String process, int maxGroupCommands, long maxGroupBytes) {
        this.process = process;
        this.maxGroupCommands = maxGroupCommands;
        this.maxGroupBytes = maxGroupBytes;
    }

    /** The commands held by an open group (0 when none is open). */
    int openGroup() {
        return state == GroupState.OPEN ? group.size() : 0;
    }

    /**
     * One batch of lines, as the reader delivered them ({@code null}: a line over the length cap, discarded).
     */
    HelperBatch assemble(List<String> lines) {
        List<HelperBatch.Command> commands = new ArrayList<>();
        List<HelperBatch.Answer> answers = new ArrayList<>(lines.size());
        for (String raw : lines) {
            line(raw, commands, answers);
        }
        endRun(commands);
        return new HelperBatch(commands, answers, lines.size());
    }

    private void line(String raw, List<HelperBatch.Command> commands, List<HelperBatch.Answer> answers) {
        if (raw == null) {
            refuse("(a line of more than " + HelperProcess.MAX_LINE_BYTES + " bytes)", "too long: discarded",
                    answers);
            return;
        }
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("debug ")) {
            LOG.warn("debug info from {}: {}", process, line.substring(6));
            return;
        }
        RouteLineCache.Template t = state == GroupState.NONE ? cache.runTemplate(line) : null;
        if (t != null) {
            if (t != runTemplate) {
                endRun(commands);
                runTemplate = t;
                runIndex = commands.size();
                runText = line;
                runAnswer = new HelperBatch.FromRib(runIndex);
                commands.add(null); // the run's command, once it is complete
            }
            run.add(cache.lastKey());
            answers.add(runAnswer);
            return;
        }
        endRun(commands);
        ApiLine parsed = cache.parse(line);
        if (parsed == null) {
            try {
                parsed = ApiParser.parse(line);
                cache.learn(line, parsed);
            } catch (ApiParseException e) {
                refuse(line, e.getMessage(), answers);
                return;
            }
        }
        ApiCommand c = parsed.command();
        switch (state) {
            case NONE -> outside(line, parsed, commands, answers);
            case OPEN -> inside(line, parsed, commands, answers);
            case DISCARDED -> {
                if (c instanceof ApiCommand.GroupEnd) {
                    state = GroupState.NONE;
                    answers.add(new HelperBatch.Fixed(List.of("error: group discarded (over its limit)"), false));
                } else {
                    refuse(line, "the open group was discarded (over its limit); nothing is applied up to its "
                            + "'group end'", answers);
                }
            }
        }
    }

    /** Puts the run being collected, if any, in its place among the batch's commands. */
    private void endRun(List<HelperBatch.Command> commands) {
        if (runTemplate == null) {
            return;
        }
        int n = run.size();
        String text = n == 1 ? runText : runText + " (and " + (n - 1) + " more line(s) with other prefixes)";
        commands.set(runIndex, new HelperBatch.Command(text, new ApiLine(List.of(),
                new ApiCommand.RouteRun(runTemplate.announce(), runTemplate.route(), run.build()))));
        run.clear();
        runTemplate = null;
    }

    private void outside(String line, ApiLine parsed, List<HelperBatch.Command> commands,
                         List<HelperBatch.Answer> answers) {
        ApiCommand c = parsed.command();
        if (c instanceof ApiCommand.GroupStart) {
            state = GroupState.OPEN;
            group = new ArrayList<>();
            groupBytes = 0;
            answers.add(new HelperBatch.Fixed(List.of("group started"), true));
        } else if (c instanceof ApiCommand.GroupEnd) {
            log(line, "not in group block");
            answers.add(new HelperBatch.Fixed(List.of("error: not in group block"), false));
        } else if (c instanceof ApiCommand.Group g) {
            if (g.lines().isEmpty()) {
                answers.add(new HelperBatch.Fixed(List.of("error: empty group"), false));
                return;
            }
            int from = commands.size();
            g.lines().forEach(l -> commands.add(new HelperBatch.Command(line, l)));
            answers.add(new HelperBatch.GroupSummary(from, commands.size()));
        } else {
            answers.add(new HelperBatch.FromRib(commands.size()));
            commands.add(new HelperBatch.Command(line, parsed));
        }
    }

    private void inside(String line, ApiLine parsed, List<HelperBatch.Command> commands,
                        List<HelperBatch.Answer> answers) {
        ApiCommand c = parsed.command();
        if (c instanceof ApiCommand.GroupStart) {
            log(line, "already in group block");
            answers.add(new HelperBatch.Fixed(List.of("error: already in group block (nested groups not allowed)"),
                    false));
        } else if (c instanceof ApiCommand.GroupEnd) {
            state = GroupState.NONE;
            if (group.isEmpty()) {
                answers.add(new HelperBatch.Fixed(List.of("group ended (0 commands)"), true));
                return;
            }
            int from = commands.size();
            commands.addAll(group);
            answers.add(new HelperBatch.GroupSummary(from, commands.size()));
            group = new ArrayList<>();
        } else if (GroupCommands.refusal(c) != null) {
            refuse(line, GroupCommands.refusal(c), answers);
        } else if (group.size() >= maxGroupCommands || groupBytes + line.length() > maxGroupBytes) {
            LOG.error("{}: the open group is over its limit ({} commands, {} bytes; at most {} and {}): it is "
                    + "discarded, nothing of it is applied", process, group.size(), groupBytes, maxGroupCommands,
                    maxGroupBytes);
            state = GroupState.DISCARDED;
            group = new ArrayList<>();
            answers.add(new HelperBatch.Fixed(List.of("error: group buffer limit reached, group discarded"), false));
        } else {
            group.add(new HelperBatch.Command(line, parsed));
            groupBytes += line.length();
            answers.add(HelperBatch.Fixed.DONE);
        }
    }

    private void refuse(String line, String reason, List<HelperBatch.Answer> answers) {
        log(line, reason);
        answers.add(HelperBatch.Fixed.ERROR);
    }

    /** Logs at most {@link #LOGGED_PER_SECOND} refused lines a second: a helper writing garbage cannot flood the log. */
    private void log(String line, String reason) {
        long now = System.nanoTime();
        if (now - logWindow > 1_000_000_000L) {
            if (unlogged > 0) {
                LOG.warn("{}: {} more refused line(s) were not logged", process, unlogged);
            }
            logWindow = now;
            logged = 0;
            unlogged = 0;
        }
        if (logged++ < LOGGED_PER_SECOND) {
            LOG.warn("{}: '{}' failed: {}", process, line.length() > 200 ? line.substring(0, 200) + "…" : line,
                    reason);
        } else {
            if (unlogged++ == 0) {
                LOG.warn("{}: more than {} refused lines within a second: the next ones are counted, not logged",
                        process, LOGGED_PER_SECOND);
            }
        }
    }
}
