// Starts `bgpekko run` as its own process from the test classpath, connecting out to a test peer's port.
package org.bgpekko.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgpekko.app.Main;

public final class SpeakerProcess {
    private SpeakerProcess() {}

    /**
     * Runs the speaker with {@code configs}, ExaBGP's settings {@code env} added to {@code exabgp_tcp_port=port} and
     * {@code exabgp_tcp_bind=''}, its output in {@code log}.
     */
    public static Process start(int port, Map<String, String> env, Path log, Path... configs) throws IOException {
        return start(List.of(Main.class.getName(), "run"), port, env, log, configs);
    }

    /** As above, with {@code main} (a class name and its first arguments) instead of {@code Main run}. */
    public static Process start(List<String> main, int port, Map<String, String> env, Path log, Path... configs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(main);
        for (Path c : configs) {
            command.add(c.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("exabgp_tcp_port", String.valueOf(port));
        pb.environment().put("exabgp_tcp_bind", "");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }
}
