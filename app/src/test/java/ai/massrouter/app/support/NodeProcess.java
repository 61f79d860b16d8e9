package ai.massrouter.app.support;

import ai.massrouter.app.MassRouterApplication;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MassRouter node in a JVM of its own ({@code java -cp <the test's class path>}), on the test's
 * database: a real second process, which can be stopped (SIGTERM, Spring's graceful shutdown)
 * or killed ({@code kill -9}). Its log goes to {@code target/node-<port>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final ApiClient api;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = new ApiClient(port);
    }

    /** Starts a node and waits until its health is {@code UP}; {@code settings}: {@code --name=value}. */
    public static NodeProcess start(String databaseUrl, String... settings) {
        int port = freePort();
        Path log = Path.of("target", "node-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MassRouterApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + File.separator + "massrouter-proc-" + port,
                "--massrouter.jwt.secret=integration-test-secret",
                "--massrouter.rate-limit.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1"));
        command.addAll(List.of(settings));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            NodeProcess node = new NodeProcess(process, port, log);
            node.awaitHealthy(Duration.ofSeconds(120));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a node process", e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Node process not healthy after " + timeout + "; see " + log);
    }

    public ApiClient api() {
        return api;
    }

    public int port() {
        return port;
    }

    /** The owner name Axon writes into the token table for this process's claims ({@code pid@host}). */
    public String tokenOwnerPrefix() {
        return process.pid() + "@";
    }

    /** SIGTERM: Spring's graceful shutdown; waits for the process to end. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no released claim, no finished request. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
