// Parses one line a helper wrote into selectors and a typed command (ExaBGP's text API, README 5.1/5.2).
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bgpekko.config.Token;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;

public final class ApiParser {
    private static final String COMMANDS = "announce, withdraw, clear, flush, teardown, shutdown, reload, restart, "
            + "enable-ack, disable-ack, silence-ack, show, version, route-server, group or debug";

    private ApiParser() {}

    /**
     * One line (without its newline) as ExaBGP reads it: trimmed, tabs as spaces, a space on both sides of
     * {@code [ ] ( ) ,}, runs of spaces collapsed.
     */
    public static String normalise(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '[', ']', '(', ')', ',' -> sb.append(' ').append(c).append(' ');
                case '\t', '\r', '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c != ' ' || (out.length() > 0 && out.charAt(out.length() - 1) != ' ')) {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Parses one line; the exception's message says what is wrong and what was expected. */
    public static ApiLine parse(String line) throws ApiParseException {
        if (line == null) {
            throw new ApiParseException("no command (null line)");
        }
        String trimmed = line.strip();
        if (trimmed.equals("debug") || trimmed.startsWith("debug ") || trimmed.startsWith("debug\t")) {
            return new ApiLine(List.of(), new ApiCommand.Debug(trimmed.substring(5).strip()));
        }
        String text = normalise(line);
        if (text.endsWith(";")) { // ExaBGP's configuration parser takes a final ';'
            text = normalise(text.substring(0, text.length() - 1));
        }
        if (text.isEmpty()) {
            throw new ApiParseException("empty command (expected " + COMMANDS + ")");
        }
        try {
            ApiLine group = GroupCommands.parse(text);
            if (group != null) {
                return group;
            }
            Cursor c = new Cursor(LineTokens.split(text));
            List<Selector> selectors = c.peekIs("neighbor") ? selectors(c) : List.of();
            if (c.peekIs("show")) {
                noSelector(!selectors.isEmpty(), "show");
                c.next("show");
                return ShowCommands.parse(c);
            }
            Token block = c.blockWord();
            if (block != null && !flowCommand(c)) {
                throw new ApiParseException("unexpected '" + block.text() + "' at column " + block.column()
                        + " (';', '{' and '}' belong to the block form of flow routes)");
            }
            ApiCommand command = command(c, !selectors.isEmpty());
            return new ApiLine(selectors, command);
        } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
            // a safety net: the typed readers report their own errors; anything else still becomes a parse error
            throw new ApiParseException("invalid command '" + text + "' (" + e.getMessage() + ")");
        }
    }

    /** {@code neighbor IP|* [qualifier value]… [, [neighbor IP|*] [qualifier value]…]…}. */
    static List<Selector> selectors(Cursor c) throws ApiParseException {
        List<Selector> out = new ArrayList<>();
        boolean first = true;
        while (true) {
            Optional<IpAddress> peer = Optional.empty();
            if (c.accept("neighbor")) {
                Token t = c.next("a neighbor address or '*' after 'neighbor'");
                if (!t.text().equals("*")) {
                    peer = Optional.of(ip(t, "a neighbor address or '*' after 'neighbor'"));
                }
            } else if (first || !Selector.KEYS.contains(c.peekText())) {
                throw c.error("expected 'neighbor' to start a selector");
            }
            first = false;
            List<Selector.Qualifier> qualifiers = new ArrayList<>();
            while (Selector.KEYS.contains(c.peekText())) {
                String key = c.next("a qualifier").text();
                qualifiers.add(new Selector.Qualifier(key, qualifierValue(key, c.next("a value after '" + key + "'"))));
            }
            out.add(new Selector(peer, qualifiers));
            if (c.peekIs("neighbor")) {
                throw c.error("expected ',' between two selectors");
            }
            if (!c.accept(",")) {
                return out;
            }
        }
    }

    private static String qualifierValue(String key, Token t) throws ApiParseException {
        String v = t.text();
        switch (key) {
            case "local-ip", "router-id" -> ip(t, key + " address");
            case "local-as", "peer-as" -> {
                if (!v.equals("auto") && !v.matches("[0-9]{1,10}")) {
                    throw new ApiParseException("'" + v + "' is not an AS number (expected " + key + " N)");
                }
            }
            default -> {
                v = v.toLowerCase(Locale.ROOT);
                if (!v.equals("in-open")) {
                    for (String f : v.split("/", -1)) {
                        family(f, "family-allowed in-open or families like ipv4-unicast joined by '/'");
                    }
                }
            }
        }
        return v;
    }

    private static ApiCommand command(Cursor c, boolean selected) throws ApiParseException {
        Token verb = c.next("a command (" + COMMANDS + ")");
        String v = verb.text().toLowerCase(Locale.ROOT);
        switch (v) {
            case "announce", "withdraw" -> {
                return RouteCommands.parse(c, v.equals("announce"));
            }
            case "clear" -> {
                c.expect("adj-rib", "clear adj-rib in|out");
                String dir = c.hasNext() ? c.next("in or out").text() : "out";
                c.end();
                return switch (dir) {
                    case "in" -> new ApiCommand.ClearAdjRibIn();
                    case "out" -> new ApiCommand.ClearAdjRibOut();
                    default -> throw new ApiParseException("unexpected '" + dir + "' (expected clear adj-rib in|out)");
                };
            }
            case "route-server" -> {
                noSelector(selected, v);
                c.expect("graceful-shutdown", "route-server graceful-shutdown on|off");
                Token t = c.next("on or off (route-server graceful-shutdown on|off)");
                c.end();
                return switch (t.text()) {
                    case "on" -> new ApiCommand.RsGracefulShutdown(true);
                    case "off" -> new ApiCommand.RsGracefulShutdown(false);
                    default -> throw new ApiParseException("unexpected '" + t.text()
                            + "' (expected route-server graceful-shutdown on|off)");
                };
            }
            case "flush" -> {
                c.expect("adj-rib", "flush adj-rib out");
                c.expect("out", "flush adj-rib out");
                c.end();
                return new ApiCommand.FlushAdjRibOut();
            }
            case "teardown" -> {
                if (!selected) {
                    throw new ApiParseException("teardown needs a neighbor (expected neighbor IP teardown N)");
                }
                Token t = c.next("a NOTIFICATION subcode after teardown");
                if (!t.text().matches("[0-9]{1,3}") || Integer.parseInt(t.text()) > 255) {
                    throw new ApiParseException("'" + t.text() + "' is not a subcode (expected teardown 0..255)");
                }
                c.end();
                return new ApiCommand.Teardown(Integer.parseInt(t.text()));
            }
            default -> {
                ApiCommand simple = switch (v) {
                    case "shutdown" -> new ApiCommand.Shutdown();
                    case "reload" -> new ApiCommand.Reload();
                    case "restart" -> new ApiCommand.Restart();
                    case "version" -> new ApiCommand.Version();
                    case "enable-ack" -> new ApiCommand.Ack(ApiCommand.AckMode.ENABLE);
                    case "disable-ack" -> new ApiCommand.Ack(ApiCommand.AckMode.DISABLE);
                    case "silence-ack" -> new ApiCommand.Ack(ApiCommand.AckMode.SILENCE);
                    default -> null;
                };
                if (simple == null) {
                    throw new ApiParseException("unknown command '" + verb.text() + "' (expected " + COMMANDS + ")");
                }
                noSelector(selected, v);
                c.end();
                return simple;
            }
        }
    }

    /** announce|withdraw flow …, announce|withdraw ipv4|ipv6 flow|flow-vpn … */
    private static boolean flowCommand(Cursor c) {
        if (!c.peekIs("announce") && !c.peekIs("withdraw")) {
            return false;
        }
        return c.peekIs(1, "flow") || (c.peekIs(1, "ipv4") || c.peekIs(1, "ipv6"))
                && (c.peekIs(2, "flow") || c.peekIs(2, "flow-vpn"));
    }

    private static void noSelector(boolean selected, String command) throws ApiParseException {
        if (selected) {
            throw new ApiParseException("'" + command + "' takes no neighbor selector");
        }
    }

    static IpAddress ip(Token t, String expected) throws ApiParseException {
        try {
            return IpAddress.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw new ApiParseException("'" + t.text() + "' is not an IP address (expected " + expected + ")");
        }
    }

    /** "ipv4-unicast", "ipv4 unicast" … */
    static Family family(String text, String expected) throws ApiParseException {
        try {
            return Family.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiParseException("'" + text + "' is not a family (expected " + expected + ")");
        }
    }
}
