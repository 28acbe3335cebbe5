// A fake speaker process for CaseRunnerTest: follows the script given as its configuration file.
package org.bgpekko.qa;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Script lines: {@code env} (write the exabgp_* environment, argv and pid to facts.txt), {@code connect},
 * {@code send HEX}, {@code trap NAME} (handle that signal), {@code await-signal} (up to 10 s), {@code wait-eof} (read until the peer closes),
 * {@code sleep MS}, {@code say TEXT} (to stdout), {@code hang} (sleep 60 s), {@code exit N}.
 */
public final class ScriptedSpeakerMain {
    private ScriptedSpeakerMain() {}

    public static void main(String[] args) throws Exception {
        List<String> script = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        CountDownLatch signalled = new CountDownLatch(1);
        Socket socket = null;
        for (String line : script) {
            String[] w = line.strip().split("\\s+", 2);
            switch (w[0]) {
                case "env" -> {
                    List<String> facts = new ArrayList<>();
                    System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("exabgp"))
                            .sorted(java.util.Map.Entry.comparingByKey())
                            .forEach(e -> facts.add(e.getKey() + "=" + e.getValue()));
                    facts.add("args=" + String.join(" ", args));
                    facts.add("pid=" + ProcessHandle.current().pid());
                    Files.write(Path.of("facts.txt"), facts, StandardCharsets.UTF_8);
                }
                case "connect" -> socket = new Socket("127.0.0.1", Integer.parseInt(System.getenv("exabgp_tcp_port")));
                case "send" -> {
                    OutputStream out = socket.getOutputStream();
                    out.write(Hex.parse(w[1]));
                    out.flush();
                }
                case "trap" -> handle(w[1], s -> signalled.countDown());
                case "await-signal" -> {
                    if (!signalled.await(10, TimeUnit.SECONDS)) {
                        System.out.println("no signal");
                        System.exit(4);
                    }
                    System.out.println("got the signal");
                }
                case "wait-eof" -> {
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // drain until the peer closes
                    }
                }
                case "sleep" -> Thread.sleep(Long.parseLong(w[1]));
                case "say" -> System.out.println(w[1]);
                case "hang" -> Thread.sleep(60_000);
                case "exit" -> System.exit(Integer.parseInt(w[1]));
                default -> throw new IllegalArgumentException("bad script line " + line);
            }
        }
    }

    /** sun.misc.Signal.handle through reflection (no compile-time use of the internal API). */
    private static void handle(String name, Consumer<Object> action) throws Exception {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handler = Class.forName("sun.misc.SignalHandler");
        Object sig = signal.getConstructor(String.class).newInstance(name);
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                (p, m, a) -> {
                    if (m.getName().equals("handle")) {
                        action.accept(a[0]);
                    }
                    return null;
                });
        signal.getMethod("handle", signal, handler).invoke(null, sig, proxy);
    }
}
