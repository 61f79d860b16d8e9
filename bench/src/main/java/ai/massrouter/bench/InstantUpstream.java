package ai.massrouter.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible upstream that answers every chat completion at once with the same
 * small body: what is measured through it is MassRouter's own cost, not a model's.
 */
final class InstantUpstream implements AutoCloseable {

    static final byte[] ANSWER = """
            {"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"instant",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":20,"completion_tokens":2,"total_tokens":22}}""".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    InstantUpstream() throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: +40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
