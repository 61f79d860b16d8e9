package ai.massrouter.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of {@code /ws} (the JDK's), keeping what the server sends in arrival order. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final List<JsonNode> skipped = new ArrayList<>();

    private LiveClient(int port, String query) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), new Listener()).join();
    }

    /** Connects with {@code ?token=}. */
    public static LiveClient connect(int port, String token) {
        return new LiveClient(port, "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    public static LiveClient connectAnonymously(int port) {
        return new LiveClient(port, "");
    }

    public LiveClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public LiveClient subscribe(String topic) {
        send("{\"action\":\"subscribe\",\"topic\":\"" + topic + "\"}");
        next(m -> m.path("type").asText().equals("ack") && m.path("topic").asText().equals(topic), 5000);
        return this;
    }

    /**
     * The first message matching {@code wanted} within {@code millis}, null if none came. Messages it
     * passes over stay for later calls.
     */
    public JsonNode next(Predicate<JsonNode> wanted, long millis) {
        for (Iterator<JsonNode> it = skipped.iterator(); it.hasNext(); ) {
            JsonNode message = it.next();
            if (wanted.test(message)) {
                it.remove();
                return message;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (message == null || wanted.test(message)) {
                    return message;
                }
                skipped.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets everything received so far and during the next {@code millis}. */
    public void drain(long millis) {
        next(m -> false, millis);
        skipped.clear();
    }

    public JsonNode next(long millis) {
        return next(m -> true, millis);
    }

    public static Predicate<JsonNode> event(String name) {
        return m -> m.path("type").asText().equals("event") && m.path("event").asText().equals(name);
    }

    public Closed awaitClose(long millis) {
        try {
            return closed.get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
