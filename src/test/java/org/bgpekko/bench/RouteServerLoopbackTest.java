// The route server as a real process on loopback TCP: feeders and a monitor (RsConvergence) through bgpekko.
package org.bgpekko.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.bgpekko.testing.SpeakerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteServerLoopbackTest {
    /**
     * Three feeders and a monitor, each its own session from its own loopback address: every feeder's routes reach
     * the monitor and the two other feeders with AS_PATH (first AS the feeder's) and NEXT_HOP (the feeder's address)
     * unchanged, never the feeder itself; then every feeder withdraws its table and every client ends empty.
     */
    @Test
    void routesOfEachClientReachTheOthersUnchangedAndLeaveWithTheirWithdrawal(@TempDir Path dir) throws Exception {
        int feeders = 3;
        StringBuilder conf = new StringBuilder();
        for (RsClients.Client c : RsClients.all(feeders)) {
            conf.append("neighbor ").append(c.address()).append(" {\n    description \"").append(c.name())
                    .append("\";\n    router-id 127.0.0.1;\n    local-address 127.0.0.1;\n    local-as 64500;\n")
                    .append("    peer-as ").append(c.as()).append(";\n    hold-time 180;\n    passive true;\n")
                    .append("    route-server-client true;\n    family { ipv4 unicast; }\n}\n");
        }
        Path file = dir.resolve("rs.conf");
        Files.writeString(file, conf);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process speaker = SpeakerProcess.start(port, Map.of("exabgp_tcp_bind", "127.0.0.1"), dir.resolve("log"),
                file);
        try {
            String line = RsConvergence.run("--server", "127.0.0.1:" + port, "--feeders", "" + feeders,
                    "--prefixes", "2000", "--idle", "10", "--timeout", "120", "--connect-timeout", "60");
            Map<String, String> r = Arrays.stream(line.substring("result ".length()).split(" "))
                    .map(kv -> kv.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            String log = Files.readString(dir.resolve("log"));
            assertEquals("complete", r.get("end"), r + "\n" + log);
            assertEquals("0", r.get("mismatched"), r.toString());
            assertEquals("0", r.get("own_routes_back"), r.toString());
            assertEquals(feeders * 2000 + "/" + feeders * 2000, r.get("announce_monitor_held"));
            assertEquals((feeders + 1) + "/" + (feeders + 1), r.get("withdraw_clients_done"));
            assertTrue(speaker.isAlive(), "no session or process ended\n" + log);
        } finally {
            speaker.destroy();
            speaker.waitFor();
        }
    }
}
