// ExaBGP 6's transactions: "group start", "group end", and the one-line "[selectors] group CMD ; CMD ; …".
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.config.Token;

final class GroupCommands {
    /** What may stand inside a group, for error messages. */
    static final String GROUPABLE = "announce, withdraw, clear adj-rib and flush adj-rib out";

    private GroupCommands() {}

    /**
     * The group forms of a normalised line (its final ';' already removed), or null when the line is not one: its
     * first word after the selectors is not {@code group}.
     */
    static ApiLine parse(String text) throws ApiParseException {
        if (!text.startsWith("group") && !text.startsWith("neighbor")) {
            return null;
        }
        int semi = text.indexOf(';');
        Cursor c = new Cursor(LineTokens.split(semi < 0 ? text : text.substring(0, semi)));
        List<Selector> selectors = c.peekIs("neighbor") ? ApiParser.selectors(c) : List.of();
        if (!c.peekIs("group")) {
            return null;
        }
        Token group = c.next("group");
        String body = text.substring(group.column() - 1 + group.text().length()).strip();
        if (body.equals("start") || body.equals("end")) {
            if (!selectors.isEmpty()) {
                throw new ApiParseException("'group " + body + "' takes no neighbor selector (a command inside the "
                        + "group may have its own)");
            }
            return new ApiLine(List.of(), body.equals("start") ? new ApiCommand.GroupStart()
                    : new ApiCommand.GroupEnd());
        }
        List<ApiLine> lines = new ArrayList<>();
        int n = 0;
        for (String part : body.split(";", -1)) {
            String command = part.strip();
            if (command.isEmpty()) {
                continue;
            }
            n++;
            ApiLine line;
            try {
                line = ApiParser.parse(command);
            } catch (ApiParseException e) {
                throw new ApiParseException("group command " + n + " '" + command + "': " + e.getMessage());
            }
            String refused = refusal(line.command());
            if (refused != null) {
                throw new ApiParseException("group command " + n + " '" + command + "': " + refused);
            }
            if (!selectors.isEmpty()) {
                if (!line.selectors().isEmpty()) {
                    throw new ApiParseException("group command " + n + " '" + command + "' has its own neighbor "
                            + "selector (the group's selectors apply to every command of the line)");
                }
                line = new ApiLine(selectors, line.command());
            }
            lines.add(line);
        }
        return new ApiLine(List.of(), new ApiCommand.Group(lines));
    }

    /** Why a command cannot be part of a group, or null when it can. */
    static String refusal(ApiCommand c) {
        if (c instanceof ApiCommand.GroupStart || c instanceof ApiCommand.GroupEnd
                || c instanceof ApiCommand.Group) {
            return "groups do not nest";
        }
        boolean groupable = c instanceof ApiCommand.AnnounceRoutes || c instanceof ApiCommand.WithdrawRoutes
                || c instanceof ApiCommand.AnnounceEor || c instanceof ApiCommand.RouteRefresh
                || c instanceof ApiCommand.Watchdog || c instanceof ApiCommand.ClearAdjRibOut
                || c instanceof ApiCommand.ClearAdjRibIn || c instanceof ApiCommand.FlushAdjRibOut;
        return groupable ? null : "only " + GROUPABLE + " can be part of a group";
    }
}
