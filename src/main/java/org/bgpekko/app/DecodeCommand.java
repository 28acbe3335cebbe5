// `bgpekko decode`: a BGP message (or NLRI) in hex to ExaBGP's JSON, like `exabgp decode`.
package org.bgpekko.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bgpekko.api.json.ExaJson;
import org.bgpekko.api.json.NlriJson;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.OpenCodec;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdateCodec;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.NlriCodecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode a BGP message given in hex and print it as ExaBGP's JSON.",
            "Without the 16-byte marker the hex is an UPDATE body (an OPEN body with --open).",
            "The session assumed is ExaBGP's: 127.0.0.1 <-> 127.0.0.1, AS 65533, 4-octet AS on."})
final class DecodeCommand implements Callable<Integer> {
    /** The neighbor ExaBGP's decode command pretends the message came from. */
    static final ExaJson.Neighbor NEIGHBOR = new ExaJson.Neighbor("127.0.0.1", "127.0.0.1", 65533, 65533);

    @Option(names = {"-f", "--family"}, paramLabel = "'AFI SAFI ...'",
            description = "families of the session, e.g. 'ipv4 unicast ipv6 unicast' (default ipv4 unicast)")
    String families;

    @Option(names = {"-u", "--update"}, description = "the data is an UPDATE (the default)")
    boolean update;

    @Option(names = {"-o", "--open"}, description = "the data is an OPEN")
    boolean open;

    @Option(names = {"-n", "--nlri"}, description = "the data is a list of NLRI of the first family")
    boolean nlri;

    @Option(names = {"-i", "--path-information"}, description = "NLRI carry ADD-PATH path identifiers")
    boolean pathInformation;

    @Parameters(arity = "1..*", paramLabel = "HEX", description = "the message; spaces and colons are ignored")
    List<String> hex;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Family> fams = parseFamilies();
            byte[] data = parseHex();
            SessionOptions options = sessionOptions();
            List<String> lines = nlri ? decodeNlri(fams.get(0), data, options) : List.of(decodeMessage(data, options));
            lines.forEach(out::println);
            out.flush();
            return 0;
        } catch (NotificationException e) {
            err.println("bgpekko decode: malformed message: " + e);
        } catch (IllegalArgumentException e) {
            err.println("bgpekko decode: " + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private List<Family> parseFamilies() {
        if (families == null || families.isBlank()) {
            return List.of(Family.IPV4_UNICAST);
        }
        String[] words = families.strip().split("\\s+");
        if (words.length % 2 != 0) {
            throw new IllegalArgumentException("-f expects AFI SAFI pairs, got '" + families + "'");
        }
        List<Family> out = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            Family f = Family.parse(words[i] + " " + words[i + 1]);
            if (!NlriCodecs.supports(f)) {
                throw new IllegalArgumentException("family " + f + " is not supported yet");
            }
            out.add(f);
        }
        return out;
    }

    private byte[] parseHex() {
        String joined = String.join("", hex);
        try {
            byte[] data = Hex.decode(joined);
            if (data.length == 0) {
                throw new IllegalArgumentException("no data to decode");
            }
            return data;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the message must be hexadecimal: " + e.getMessage());
        }
    }

    private SessionOptions sessionOptions() {
        java.util.Set<Family> addPath = pathInformation ? NlriCodecs.families() : java.util.Set.of();
        return new SessionOptions(true, addPath, addPath, java.util.Set.of(), SessionOptions.EXTENDED_MAX);
    }

    private List<String> decodeNlri(Family family, byte[] data, SessionOptions options) {
        boolean addPath = options.addPathReceive(family);
        NlriBlock.Decoding d = NlriBlock.decode(family, data, 0, data.length, addPath);
        if (!d.ok() && family.afi() == Family.AFI_BGPLS) {
            d = NlriBlock.decode(family, sliced(data, addPath), 0, data.length, addPath);
        }
        if (!d.ok()) {
            throw new IllegalArgumentException("invalid " + family + " NLRI: " + d.error());
        }
        List<String> lines = new ArrayList<>();
        for (Nlri n : d.block()) {
            lines.add(NlriJson.of(n));
        }
        return lines;
    }

    /**
     * ExaBGP's --nlri reader slices: a BGP-LS NLRI whose length runs past the data (bgp-ls-1 says 0xFFFF) takes
     * what is left. A copy of the data with the last NLRI's length cut to fit; the UPDATE decoder stays strict.
     */
    private static byte[] sliced(byte[] data, boolean addPath) {
        byte[] b = data.clone();
        int p = 0;
        while (true) {
            int header = p + (addPath ? 4 : 0);
            if (header + 4 > b.length) {
                return b;
            }
            int len = org.bgpekko.wire.Wire.u16(b, header + 2);
            int rest = b.length - header - 4;
            if (len >= rest) {
                b[header + 2] = (byte) (rest >>> 8);
                b[header + 3] = (byte) rest;
                return b;
            }
            p = header + 4 + len;
        }
    }

    private String decodeMessage(byte[] data, SessionOptions options) {
        boolean marker = data.length >= BgpMessage.MARKER_LENGTH;
        for (int i = 0; marker && i < BgpMessage.MARKER_LENGTH; i++) {
            marker = data[i] == (byte) 0xFF;
        }
        BgpMessage m;
        if (marker) {
            m = MessageCodec.decode(data, options);
        } else if (open) {
            m = OpenCodec.decode(data, 0, data.length);
        } else {
            m = UpdateCodec.decode(data, 0, data.length, options);
        }
        ExaJson json = ExaJson.forThisProcess();
        if (m instanceof Update u) {
            requireSupported(u);
            return json.update(NEIGHBOR, "in", 1, u);
        } else if (m instanceof Open o) {
            return json.open(NEIGHBOR, "in", 1, o);
        } else if (m instanceof Notification n) {
            return json.notification(NEIGHBOR, "in", 1, n);
        } else if (m instanceof RouteRefreshMessage r) {
            return json.refresh(NEIGHBOR, "in", 1, r);
        }
        return json.keepalive(NEIGHBOR, "in", 1, (Keepalive) m);
    }

    private static void requireSupported(Update u) {
        for (NlriBlock b : new NlriBlock[] {
            u.mpReach().map(MpReachNlri::nlri).orElse(null), u.mpUnreach().map(MpUnreachNlri::nlri).orElse(null)}) {
            if (b != null && b.isOpaque() && !b.isEmpty()) {
                throw new IllegalArgumentException("family " + b.family() + " is not supported yet");
            }
        }
    }
}
