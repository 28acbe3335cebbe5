// Property tests: decoding random and mutated bytes only ever throws NotificationException, fast, with sane findings.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.bgpekko.testing.CaseSessionOptions;
import org.bgpekko.testing.Conformance;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.nlri.NlriCodecs;

class DecodeRobustnessPropertiesTest {
    private static final long LIMIT_NANOS = 100_000_000L;

    private static final Set<Family> ALL = NlriCodecs.families();
    private static final List<SessionOptions> OPTIONS = List.of(
            SessionOptions.DEFAULT,
            SessionOptions.LEGACY,
            SessionOptions.DEFAULT.withAddPath(ALL, ALL),
            SessionOptions.LEGACY.withAddPath(ALL, Set.of()),
            SessionOptions.DEFAULT.withAddPath(Set.of(Family.IPV4_UNICAST, Family.IPV6_MPLS_VPN), Set.of())
                    .withMaxMessageSize(SessionOptions.EXTENDED_MAX),
            SessionOptions.DEFAULT.withMaxMessageSize(SessionOptions.EXTENDED_MAX));

    /** A valid message to mutate, and the session it was captured in. */
    record Seed(String name, byte[] wire, SessionOptions options) {
        @Override
        public String toString() {
            return name + " " + Hex.encode(wire);
        }
    }

    /** One edit of a message: what, where (taken modulo the length) and with which value. */
    record Mutation(int kind, int position, int value) {}

    private static List<Seed> seeds;
    private static List<Seed> generated;
    /** Statistics exist only inside a property; the warm-up runs outside one. */
    private static boolean collect;

    @BeforeContainer
    static void loadSeeds() {
        List<Seed> out = new ArrayList<>();
        for (Path msg : Conformance.encodingCases()) {
            SessionOptions options = CaseSessionOptions.of(Conformance.configsOf(msg));
            for (Conformance.RawRule rule : Conformance.rawRules(msg)) {
                out.add(new Seed(Conformance.caseName(msg) + ":" + rule.key(), Hex.decode(rule.hex()), options));
            }
        }
        int encoding = out.size();
        out.addAll(decodingSeeds());
        assertTrue(encoding > 300, "only " + encoding + " conformance messages");
        assertTrue(out.size() > encoding + 10, "the decoding cases gave no messages");
        seeds = List.copyOf(out);
        // a fixed pool of generated messages (deterministic: seeded), cheaper than generating one per try
        Random random = new Random(7606);
        RandomGenerator<WireArbitraries.Case> generator = WireArbitraries.cases().generator(1000);
        List<Seed> pool = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            WireArbitraries.Case c = generator.next(random).value();
            pool.add(new Seed("generated " + BgpMessage.typeName(c.message().type()),
                    MessageCodec.encode(c.message(), c.options()), c.options()));
        }
        generated = List.copyOf(pool);
        // warm up: class loading and the first JIT pass are not what the time limit is about
        for (int i = 0; i < 3; i++) {
            for (Seed s : Stream.concat(seeds.stream(), generated.stream()).toList()) {
                for (SessionOptions o : OPTIONS) {
                    decode(s.wire(), o);
                }
            }
        }
        collect = true;
    }

    /** The packets of ExaBGP's decoding cases (whole messages or UPDATE bodies, hex with separators). */
    private static List<Seed> decodingSeeds() {
        List<Seed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Conformance.root().resolve("decoding"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                String kind = lines.get(0).strip().split("\\s+")[0];
                String hex = lines.get(1).replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
                byte[] wire;
                if (hex.startsWith("F".repeat(32))) {
                    wire = Hex.decode(hex);
                } else if (kind.equals("update")) {
                    wire = VectorSupport.withHeader(BgpMessage.UPDATE, Hex.decode(hex));
                } else {
                    continue; // a bare NLRI
                }
                out.add(new Seed("decoding/" + f.getFileName(), wire, SessionOptions.DEFAULT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ---------------------------------------------------------------- the check every property makes

    /**
     * Decodes under the contract and checks the outcome: the message, or null when decoding threw the
     * NotificationException the contract allows. The time is the best of up to three runs, so that a GC pause or
     * a busy machine is not a failure while a decoder that is slow on some input is.
     */
    static BgpMessage decode(byte[] wire, SessionOptions options) {
        Object outcome = null;
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best >= LIMIT_NANOS; attempt++) {
            long t0 = System.nanoTime();
            outcome = decodeOnce(wire, options);
            best = Math.min(best, System.nanoTime() - t0);
        }
        if (best >= LIMIT_NANOS) {
            fail("decoding took " + best / 1_000_000 + " ms: " + Hex.encode(wire));
        }
        if (outcome instanceof NotificationException e) {
            assertTrue(e.code() >= 1 && e.code() <= 7, "NOTIFICATION code " + e.code());
            assertNotNull(e.data());
            if (collect) {
                Statistics.label("outcome").collect("NOTIFICATION " + e.code() + "/" + e.subcode());
            }
            return null;
        }
        BgpMessage m = (BgpMessage) outcome;
        if (collect) {
            Statistics.label("outcome").collect(BgpMessage.typeName(m.type())
                    + (m instanceof Update u && !u.errors().isEmpty() ? " " + u.errorAction().rfcName() : ""));
        }
        checkDecoded(m, options);
        return m;
    }

    /** The decoded message or the NotificationException; anything else thrown fails the property. */
    private static Object decodeOnce(byte[] wire, SessionOptions options) {
        try {
            return MessageCodec.decode(wire, options);
        } catch (NotificationException e) {
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("decoding threw " + e + " for " + Hex.encode(wire) + " with " + options, e);
        }
    }

    private static void checkDecoded(BgpMessage m, SessionOptions options) {
        if (m instanceof Update u) {
            ErrorAction max = ErrorAction.NONE;
            for (UpdateError e : u.errors()) {
                if (e.action().compareTo(max) > 0) {
                    max = e.action();
                }
                assertNotEquals(ErrorAction.NONE, e.action(), "a finding with no action: " + e);
                if (e.action() == ErrorAction.AFISAFI_DISABLE) {
                    assertNotNull(e.family(), "AFI/SAFI disable without a family: " + e);
                }
            }
            assertEquals(max, u.errorAction(), "errorAction() is not the most severe finding of " + u.errors());
            assertNotEquals(ErrorAction.SESSION_RESET, u.errorAction(), "a session reset must throw");
            if (!u.errors().isEmpty()) {
                return; // attributes were dropped: re-encoding gives another, valid, message
            }
        }
        reencodes(m, options);
    }

    /** A message decoded without findings encodes again (size permitting) and decodes to itself. */
    private static void reencodes(BgpMessage m, SessionOptions options) {
        SessionOptions symmetric = options.withAddPath(options.addPathReceive(), options.addPathReceive());
        byte[] again;
        try {
            again = MessageCodec.encode(m, symmetric);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("exceeds the maximum message size")) {
                return;
            }
            throw new AssertionError("cannot re-encode " + m + ": " + e, e);
        }
        assertEquals(m, MessageCodec.decode(again, symmetric), "decode(encode(decode(x))) != decode(x)");
    }

    // ---------------------------------------------------------------- arbitraries

    @Provide
    Arbitrary<SessionOptions> options() {
        return Arbitraries.of(OPTIONS);
    }

    @Provide
    Arbitrary<Seed> conformanceSeeds() {
        return Arbitraries.of(seeds);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Seed> generatedSeeds() {
        return Arbitraries.of(generated);
    }

    static byte[] mutate(byte[] wire, List<Mutation> mutations, boolean repairHeader) {
        byte[] b = wire;
        for (Mutation m : mutations) {
            int len = b.length;
            int pos = len == 0 ? 0 : m.position() % len;
            int v = m.value();
            switch (m.kind()) {
                case 0 -> { // flip bits
                    if (len > 0) {
                        b[pos] ^= (byte) (v % 255 + 1);
                    }
                }
                case 1 -> { // set a byte
                    if (len > 0) {
                        b[pos] = (byte) v;
                    }
                }
                case 2 -> b = Arrays.copyOf(b, m.position() % (len + 1)); // truncate
                case 3 -> { // insert 1..8 bytes
                    int n = v % 8 + 1;
                    int at = m.position() % (len + 1);
                    byte[] c = new byte[len + n];
                    System.arraycopy(b, 0, c, 0, at);
                    for (int i = 0; i < n; i++) {
                        c[at + i] = (byte) (v * 31 + i * 97);
                    }
                    System.arraycopy(b, at, c, at + n, len - at);
                    b = c;
                }
                case 4 -> { // delete 1..8 bytes
                    int n = Math.min(v % 8 + 1, len - pos);
                    if (n > 0) {
                        byte[] c = new byte[len - n];
                        System.arraycopy(b, 0, c, 0, pos);
                        System.arraycopy(b, pos + n, c, pos, len - pos - n);
                        b = c;
                    }
                }
                case 5 -> { // nudge a byte, as a length field would be: -4..+4
                    if (len > 0) {
                        int delta = v % 9 - 4;
                        b[pos] = (byte) (b[pos] + (delta == 0 ? 1 : delta));
                    }
                }
                default -> { // overwrite a 16-bit field with an edge or random value
                    if (len > 1) {
                        int pos16 = Math.min(pos, len - 2);
                        int[] edges = {0, 1, 0xFF, 0x100, 0x7FFF, 0xFFFF, v};
                        int x = edges[v % edges.length];
                        b[pos16] = (byte) (x >>> 8);
                        b[pos16 + 1] = (byte) x;
                    }
                }
            }
        }
        if (repairHeader && b.length >= BgpMessage.HEADER_LENGTH) {
            Arrays.fill(b, 0, BgpMessage.MARKER_LENGTH, (byte) 0xFF);
            b[16] = (byte) (b.length >>> 8);
            b[17] = (byte) b.length;
        }
        return b;
    }

    /** A random attribute: flags, type (mostly known), length (mostly right) and value. */
    @Provide
    Arbitrary<byte[]> randomAttributes() {
        Arbitrary<Integer> flags = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0x40, 0x80, 0xC0, 0x50, 0x90, 0xD0, 0xE0)),
                Tuple.of(1, Arbitraries.integers().between(0, 255)));
        Arbitrary<Integer> type = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 25, 26, 32, 40)),
                Tuple.of(1, Arbitraries.integers().between(0, 255)));
        Arbitrary<byte[]> value = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> one = Combinators.combine(flags, type, value, Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(-2, 2)))).as((f, t, v, delta) -> {
                    boolean ext = (f & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
                    int len = Math.max(0, v.length + delta);
                    WireWriter w = new WireWriter();
                    w.put8(f).put8(t);
                    if (ext) {
                        w.put16(len);
                    } else {
                        w.put8(len & 0xFF);
                    }
                    w.putBytes(v, 0, v.length);
                    return w.toArray();
                });
        return one.list().ofMaxSize(6).map(list -> {
            WireWriter w = new WireWriter();
            list.forEach(a -> w.putBytes(a, 0, a.length));
            return w.toArray();
        });
    }

    /** A plausible MP_REACH/MP_UNREACH value head for a known family, to reach the NLRI decoders. */
    @Provide
    Arbitrary<byte[]> randomMpAttribute() {
        return Combinators.combine(Arbitraries.of(List.copyOf(ALL)), Arbitraries.of(true, false),
                Arbitraries.of(0, 4, 12, 16, 24, 32), Arbitraries.bytes().array(byte[].class).ofMaxSize(60))
                .as((f, reach, nh, nlri) -> {
                    WireWriter w = new WireWriter();
                    w.put8(0x90).put8(reach ? PathAttribute.MP_REACH_NLRI : PathAttribute.MP_UNREACH_NLRI).put16(0);
                    w.put16(f.afi()).put8(f.safi());
                    if (reach) {
                        w.put8(nh);
                        for (int i = 0; i < nh; i++) {
                            w.put8(i);
                        }
                        w.put8(0);
                    }
                    w.putBytes(nlri, 0, nlri.length);
                    byte[] a = w.toArray();
                    int len = a.length - 4;
                    a[2] = (byte) (len >>> 8);
                    a[3] = (byte) len;
                    return a;
                });
    }

    /** Random capabilities (mostly known codes) inside one capabilities parameter. */
    @Provide
    Arbitrary<byte[]> randomCapabilities() {
        Arbitrary<Integer> code = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(1, 2, 5, 6, 64, 65, 68, 69, 70, 73, 75, 185)),
                Tuple.of(1, Arbitraries.integers().between(0, 255)));
        Arbitrary<byte[]> value = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(30)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(255)));
        Arbitrary<byte[]> plain = Combinators.combine(code, value).as(DecodeRobustnessPropertiesTest::capability);
        // FQDN and software version values framed right, with arbitrary (often invalid UTF-8) text bytes
        Arbitrary<byte[]> text = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> fqdn = Combinators.combine(text, text).as((h, d) -> {
            int hl = Math.min(h.length, 126);
            int dl = Math.min(d.length, 127);
            WireWriter w = new WireWriter();
            w.put8(hl).putBytes(h, 0, hl).put8(dl).putBytes(d, 0, dl);
            return capability(Capability.FQDN, w.toArray());
        });
        Arbitrary<byte[]> version = text.map(t -> {
            WireWriter w = new WireWriter();
            w.put8(t.length).putBytes(t, 0, t.length);
            return capability(Capability.SOFTWARE_VERSION, w.toArray());
        });
        Arbitrary<byte[]> one = Arbitraries.frequencyOf(Tuple.of(8, plain), Tuple.of(1, fqdn), Tuple.of(1, version));
        return one.list().ofMaxSize(5).map(list -> {
            WireWriter w = new WireWriter();
            list.forEach(c -> w.putBytes(c, 0, c.length));
            return w.toArray();
        });
    }

    private static byte[] capability(int code, byte[] value) {
        byte[] out = new byte[value.length + 2];
        out[0] = (byte) code;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.OFF)
    void randomBytes(@ForAll @Size(max = 120) byte[] wire, @ForAll("options") SessionOptions options) {
        decode(wire, options);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void randomBodiesBehindAValidHeader(@ForAll @Size(max = 200) byte[] body,
                                        @ForAll("messageTypes") int type, @ForAll("options") SessionOptions options) {
        decode(VectorSupport.withHeader(type, body), options);
    }

    @Provide
    Arbitrary<Integer> messageTypes() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 255)),
                Tuple.of(8, Arbitraries.integers().between(1, 5)));
    }

    /** An IPv4 NLRI field: mostly empty or well-formed (so the attributes get judged), sometimes random. */
    @Provide
    Arbitrary<byte[]> nlriFields() {
        Arbitrary<byte[]> prefixes = Combinators.combine(Arbitraries.integers().between(0, 32), Arbitraries.integers())
                .as((len, addr) -> {
                    WireWriter w = new WireWriter();
                    w.put8(len);
                    for (int i = 0; i < (len + 7) / 8; i++) {
                        w.put8(addr >>> (24 - 8 * i));
                    }
                    return w.toArray();
                }).list().ofMaxSize(3).map(list -> {
                    WireWriter w = new WireWriter();
                    list.forEach(p -> w.putBytes(p, 0, p.length));
                    return w.toArray();
                });
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new byte[0])), Tuple.of(6, prefixes),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(12)));
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void randomAttributeLists(@ForAll("randomAttributes") byte[] attributes, @ForAll("randomMpAttribute") byte[] mp,
                              @ForAll boolean withMp, @ForAll("nlriFields") byte[] nlri,
                              @ForAll("options") SessionOptions options) {
        WireWriter w = new WireWriter();
        int attrLen = attributes.length + (withMp ? mp.length : 0);
        w.put16(0).put16(attrLen).putBytes(attributes, 0, attributes.length);
        if (withMp) {
            w.putBytes(mp, 0, mp.length);
        }
        w.putBytes(nlri, 0, nlri.length);
        decode(VectorSupport.withHeader(BgpMessage.UPDATE, w.toArray()), options);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void randomCapabilityLists(@ForAll("randomCapabilities") byte[] capabilities, @ForAll boolean rfc9072) {
        WireWriter w = new WireWriter();
        w.put8(Open.VERSION).put16(65000).put16(180).put32(0x01020304L);
        if (rfc9072 || capabilities.length > 253) {
            w.put8(255).put8(255).put16(capabilities.length + 3).put8(OpenCodec.PARAM_CAPABILITIES)
                    .put16(capabilities.length);
        } else {
            w.put8(capabilities.length + 2).put8(OpenCodec.PARAM_CAPABILITIES).put8(capabilities.length);
        }
        w.putBytes(capabilities, 0, capabilities.length);
        // well-framed capabilities are never session-fatal: unknown or malformed ones are kept as unknown
        Open open = (Open) decode(VectorSupport.withHeader(BgpMessage.OPEN, w.toArray()), SessionOptions.LEGACY);
        assertNotNull(open, "a well-framed OPEN was refused");
        for (Capability c : open.capabilities()) {
            Statistics.label("capability").collect(c.getClass().getSimpleName());
        }
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void mutatedConformanceMessages(@ForAll("conformanceSeeds") Seed seed, @ForAll("mutations") List<Mutation> edits,
                                    @ForAll boolean repairHeader, @ForAll boolean ownOptions,
                                    @ForAll("options") SessionOptions options) {
        decode(mutate(seed.wire().clone(), edits, repairHeader), ownOptions ? seed.options() : options);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void mutatedGeneratedMessages(@ForAll("generatedSeeds") Seed seed, @ForAll("mutations") List<Mutation> edits,
                                  @ForAll boolean repairHeader) {
        decode(mutate(seed.wire().clone(), edits, repairHeader), seed.options());
    }

    @Property(tries = 1)
    void everyConformanceMessageDecodesUnderEveryOption() {
        int decoded = 0;
        for (Seed s : seeds) {
            for (SessionOptions o : OPTIONS) {
                if (decode(s.wire(), o) != null) {
                    decoded++;
                }
            }
            // under the session it was captured in, a conformance message is accepted
            assertNotNull(decode(s.wire(), s.options()), s.name());
        }
        assertTrue(decoded > seeds.size(), "too few decodes: " + decoded);
    }
}
