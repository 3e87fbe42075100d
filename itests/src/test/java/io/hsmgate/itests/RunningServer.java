package io.hsmgate.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real distribution started as an operator would: a private copy of distribution/target/hsmgate, run by
 * bin/hsmgate from an unrelated working directory on a free port with a fresh data dir. The administrator
 * password is set through HSMGATE_ADMIN_PASSWORD unless a test asks for the generated one. SOFTHSM2_CONF is
 * passed on, so the server sees the SoftHSM test tokens.
 */
final class RunningServer implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String DEFAULT_PASSWORD = "itest admin password";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path run;
    private final Path home;
    private final Path data;
    private final Path output;
    private final int port;
    private final String password;
    private Process process;

    private RunningServer(Path run, int port, String password) throws IOException {
        this.run = run;
        this.home = run.resolve("hsmgate");
        this.data = run.resolve("data");
        this.output = run.resolve("server.out");
        this.port = port;
        this.password = password;
        copyTree(DistributionLayout.fromSystemProperty().home(), home);
    }

    /** A fresh server copy, not started yet. {@code password} null means: let it generate one. */
    static RunningServer prepare(String name, String password) throws IOException {
        Path runs = Files.createDirectories(Path.of(System.getProperty("hsmgate.itest.dir")));
        return new RunningServer(Files.createTempDirectory(runs, name + "-"), freePort(), password);
    }

    /** Prepares and starts a server with the default test password, and waits until its console answers. */
    static RunningServer start(String name) throws Exception {
        RunningServer server = prepare(name, DEFAULT_PASSWORD);
        server.start(Map.of());
        server.awaitConsole();
        return server;
    }

    void start(Map<String, String> extraEnv) throws IOException {
        Path elsewhere = Files.createDirectories(run.resolve("cwd"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/hsmgate").toString())
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.put("HSMGATE_HTTP_PORT", Integer.toString(port));
        env.put("HSMGATE_DATA_DIR", data.toString());
        env.remove("HSMGATE_ADMIN_PASSWORD");
        env.remove("HSMGATE_HTTP_HOST");
        if (password != null) {
            env.put("HSMGATE_ADMIN_PASSWORD", password);
        }
        env.putAll(extraEnv);
        process = pb.start();
    }

    /** Waits until the console answers (401 without credentials). */
    void awaitConsole() throws InterruptedException {
        Http.awaitResponse(url("/system/console/hsm"), null, null, STARTUP, r -> r.statusCode() == 401);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    Path home() {
        return home;
    }

    Path data() {
        return data;
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Sends SIGTERM and waits for the script to end; returns its exit status. */
    int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError("bin/hsmgate did not stop within 15 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                if (source.startsWith(from.resolve("data"))) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
