// The route-server scenario suite: each directory of src/test/resources/rs-scenarios (arouteserver's general.yml and
// clients.yml, and scenario.yml: what scripted clients announce, what each must and must not receive) run against
// the real Rib actor; see that directory's README.md for the format.
package org.bgpekko.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class RsScenariosTest {
    private static final Path SUITE = Path.of("src/test/resources/rs-scenarios");
    private static final ActorTestKit kit = ActorTestKit.create();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @TestFactory
    Stream<DynamicTest> everyScenario() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(SUITE)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve("scenario.yml"))).sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no scenario in " + SUITE);
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    private void run(Path dir) throws IOException {
        JsonNode scenario = YAML.readTree(dir.resolve("scenario.yml").toFile());
        Path work = Files.createDirectories(tmp.resolve(dir.getFileName().toString()));
        if (scenario.has("files")) { // another directory's policy files, e.g. the worked example in conf/
            copy(Path.of(scenario.get("files").asText()), work);
        }
        copy(dir, work);
        ActorRef<Rib.Command> rib = kit.spawn(Rib.create());
        List<RsClientProbe> clients = RsFixtures.sectionClients(kit, rib, work, scenario.path("template")
                .asText("local-address 127.0.0.1; family { ipv4 unicast; ipv6 unicast; }"),
                scenario.path("section").asText(""));
        int n = 0;
        for (JsonNode step : scenario.path("steps")) {
            n++;
            String where = dir.getFileName() + " step " + n + " " + step + ": ";
            try {
                step(rib, clients, step, work);
            } catch (AssertionError e) {
                throw new AssertionError(where + e.getMessage(), e);
            }
        }
        assertTrue(n > 0, dir + ": no steps");
        kit.stop(rib);
    }

    private static void step(ActorRef<Rib.Command> rib, List<RsClientProbe> clients, JsonNode step, Path work)
            throws IOException {
        String kind = step.fieldNames().next();
        JsonNode v = step.get(kind);
        switch (kind) {
            case "announce" -> {
                RsClientProbe from = client(clients, v.path("from").asText());
                for (JsonNode r : v.path("routes")) {
                    from.send(RsScenarioRoute.parse(r.asText()).updates());
                }
            }
            case "withdraw" -> {
                RsClientProbe from = client(clients, v.path("from").asText());
                for (JsonNode p : v.path("prefixes")) {
                    from.send(RsFixtures.withdraw(p.asText()));
                }
            }
            case "expect" -> expect(client(clients, v.path("client").asText()), v);
            case "filtered" -> filtered(rib, v);
            case "command" -> RsFixtures.show(kit, rib, v.asText());
            case "down" -> client(clients, v.asText()).down();
            case "reload" -> { // each file replaced by another of the scenario's, then the configuration read again
                for (Iterator<Map.Entry<String, JsonNode>> i = v.fields(); i.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = i.next();
                    Files.copy(work.resolve(e.getValue().asText()), work.resolve(e.getKey()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                RsFixtures.reload(rib, work.resolve("rs.conf"));
            }
            case "up" -> {
                RsClientProbe c = client(clients, v.asText());
                c.up(RsFixtures.options());
                c.await(t -> t.endOfRibs == 2);
            }
            default -> throw new AssertionError("unknown step " + kind);
        }
    }

    /**
     * Waits until the client holds every expected route exactly, none of the absent ones, and (with {@code only})
     * nothing else; then reads on until the Rib is quiet and checks again, so a late UPDATE cannot hide.
     */
    private static void expect(RsClientProbe c, JsonNode v) {
        List<RsScenarioRoute> routes = new ArrayList<>();
        v.path("routes").forEach(r -> routes.add(RsScenarioRoute.parse(r.asText())));
        List<Nlri> absent = new ArrayList<>();
        v.path("absent").forEach(p -> absent.add(RsScenarioRoute.parse(p.asText() + " next-hop 0.0.0.0").nlri()));
        boolean only = v.path("only").asBoolean(false);
        java.util.function.Predicate<RsClientProbe> holds = t -> routes.stream().allMatch(r -> r.heldBy(t))
                && absent.stream().noneMatch(t.table::containsKey) && (!only || t.table.size() == routes.size());
        c.await(holds);
        c.settle();
        if (v.has("sent")) { // the prefixes announced or withdrawn to it since its previous expect step, exactly
            java.util.Set<Nlri> want = new java.util.HashSet<>();
            v.path("sent").forEach(p -> want.add(RsScenarioRoute.parse(p.asText() + " next-hop 0.0.0.0").nlri()));
            java.util.Set<Nlri> got = new java.util.HashSet<>();
            for (org.bgpekko.wire.Update u : c.updates.subList(c.mark, c.updates.size())) {
                u.withdrawn().forEach(got::add);
                u.nlri().forEach(got::add);
                u.mpUnreach().ifPresent(m -> m.nlri().forEach(got::add));
                u.mpReach().ifPresent(m -> m.nlri().forEach(got::add));
            }
            assertEquals(want, got, "the prefixes client " + c.config.peerAddress() + " was sent since its previous "
                    + "expect step");
        }
        c.mark = c.updates.size();
        String who = "client " + c.config.peerAddress();
        for (RsScenarioRoute r : routes) {
            assertTrue(r.heldBy(c), who + " holds " + c.table.get(r.nlri()) + " for " + r.nlri() + ", not " + r);
        }
        for (Nlri p : absent) {
            assertFalse(c.table.containsKey(p), who + " holds " + p + ": " + c.table.get(p));
        }
        if (only) {
            assertEquals(routes.size(), c.table.size(), who + " holds more: " + c.table.keySet());
        }
    }

    /** The client's filtered routes and their reject codes, exactly as listed. */
    private static void filtered(ActorRef<Rib.Command> rib, JsonNode v) {
        String client = v.path("client").asText();
        Map<String, List<Integer>> want = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = v.path("routes").fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> e = i.next();
            List<Integer> codes = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(x -> codes.add(x.asInt()));
            } else {
                codes.add(e.getValue().asInt());
            }
            want.put(e.getKey(), codes);
        }
        Map<String, List<Integer>> got = new TreeMap<>();
        for (String line : RsFixtures.show(kit, rib, "show adj-rib in neighbor " + client + " filtered json")) {
            JsonNode j;
            try {
                j = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
            List<Integer> codes = new ArrayList<>();
            JsonNode f = j.get("filtered");
            if (f.isArray()) {
                f.forEach(x -> codes.add(x.path("code").asInt()));
            } else {
                codes.add(f.path("code").asInt());
            }
            got.put(j.get("prefix").asText(), codes);
        }
        assertEquals(want, got, "filtered routes of " + client);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static RsClientProbe client(List<RsClientProbe> clients, String address) {
        return clients.stream().filter(c -> c.config.peerAddress().toString().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + address + " in clients.yml"));
    }
}
