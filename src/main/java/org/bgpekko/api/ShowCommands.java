// The read-only "show" commands: show neighbor [IP] [summary|extensive|configuration],
// show adj-rib in|out [[neighbor] IP] [filtered] [json].
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.config.Token;

final class ShowCommands {
    private ShowCommands() {}

    /** After "show"; an address in the command comes back as the line's selector. */
    static ApiLine parse(Cursor c) throws ApiParseException {
        Token what = c.next("what to show (neighbor or adj-rib)");
        List<Selector> peer = new ArrayList<>(1);
        ApiCommand command = switch (what.text()) {
            case "neighbor" -> neighbor(c, peer);
            case "adj-rib" -> adjRib(c, peer);
            default -> throw new ApiParseException("unknown 'show " + what.text()
                    + "' (expected show neighbor or show adj-rib)");
        };
        return new ApiLine(peer, command);
    }

    private static void peer(Token t, List<Selector> peer, String expected) throws ApiParseException {
        if (!peer.isEmpty()) {
            throw new ApiParseException("unexpected '" + t.text() + "' (only one neighbor address may be given)");
        }
        peer.add(Selector.of(ApiParser.ip(t, expected)));
    }

    private static ApiCommand neighbor(Cursor c, List<Selector> peer) throws ApiParseException {
        String variant = "";
        while (c.hasNext()) {
            Token t = c.next("an option");
            switch (t.text()) {
                case "summary", "extensive", "configuration" -> {
                    if (!variant.isEmpty()) {
                        throw new ApiParseException("show neighbor takes one of summary, extensive or configuration, "
                                + "not both " + variant + " and " + t.text());
                    }
                    variant = t.text();
                }
                case "json" -> throw new ApiParseException("show neighbor json is not supported yet");
                case "text" -> { }
                default -> peer(t, peer, "summary, extensive, configuration or a neighbor address");
            }
        }
        return new ApiCommand.ShowNeighbor(variant);
    }

    private static final String ADJ_RIB = "show adj-rib in|out [[neighbor] IP] [filtered] [extensive] [json]";

    /**
     * The neighbour is written as ExaBGP writes it (its address after {@code in}/{@code out}) or as
     * {@code neighbor IP}; {@code filtered} (Adj-RIB-In only) keeps the routes the route server's policy filtered.
     */
    private static ApiCommand adjRib(Cursor c, List<Selector> peer) throws ApiParseException {
        Token dir = c.next("in or out (" + ADJ_RIB + ")");
        if (!dir.is("in") && !dir.is("out")) {
            throw new ApiParseException("unexpected '" + dir.text() + "' (expected " + ADJ_RIB + ")");
        }
        boolean extensive = false;
        boolean json = false;
        boolean filtered = false;
        while (c.hasNext()) {
            Token t = c.next("an option");
            switch (t.text()) {
                case "extensive" -> extensive = true;
                case "json" -> json = true;
                case "text" -> json = false;
                case "filtered" -> {
                    if (!dir.is("in")) {
                        throw new ApiParseException("filtered lists routes of the Adj-RIB-In (show adj-rib in "
                                + "neighbor IP filtered)");
                    }
                    filtered = true;
                }
                case "neighbor" -> peer(c.next("the neighbor's address after neighbor"), peer, ADJ_RIB);
                case "inet", "flow", "l2vpn" -> throw new ApiParseException("show adj-rib " + t.text()
                        + " (family filter) is not supported yet");
                default -> peer(t, peer, ADJ_RIB);
            }
        }
        return new ApiCommand.ShowAdjRib(dir.is("in"), extensive, json, filtered);
    }
}
