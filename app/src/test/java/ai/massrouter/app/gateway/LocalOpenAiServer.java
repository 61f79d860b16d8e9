package ai.massrouter.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server speaking OpenAI's Chat Completions wire format (JSON and server-sent events),
 * scripted by the requested model name: {@code ok} answers with {@link #PROMPT_TOKENS} and
 * {@link #COMPLETION_TOKENS}, {@code fail500} fails, {@code slow} streams {@code "abcd"} chunks
 * until the client of the gateway has gone (see {@link #slowStream}), {@code stall} and
 * {@code stall-first} fall silent after two chunks or before the first, {@code cut} and {@code cut-first}
 * end the response cleanly after two chunks or before the first, without {@code [DONE]}; {@code cut-after-role}
 * after the role chunk alone; {@code error-first} answers 200 and then an error event with a 502 code, as
 * OpenRouter does when the provider behind it fails. A model named {@code reasoning...} behaves as OpenAI's
 * reasoning models: it refuses {@code max_tokens} and reports {@link #CACHED_TOKENS} of its prompt as read
 * from its cache and {@link #REASONING_TOKENS} of its completion as reasoning. A model named {@code ...-nousage}
 * reports no usage at all, as some compatible servers do.
 */
final class LocalOpenAiServer {

    static final long PROMPT_TOKENS = 1200;
    static final long COMPLETION_TOKENS = 300;
    static final String REPLY = "Hello from upstream";
    static final long CACHED_TOKENS = 1000;
    static final long EMBEDDING_TOKENS = 42;
    static final long LATE_MILLIS = 4500;
    static final long REASONING_TOKENS = 200;
    static final int SLOW_CHUNKS_BEFORE_WAIT = 3;
    static final int SLOW_CHUNKS_MAX = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile SlowStream slowStream = new SlowStream();

    LocalOpenAiServer() throws IOException {
        server = LocalHttp.start("/v1/chat/completions", this::handle);
        server.createContext("/v1/embeddings", this::embeddings);
    }

    /** {@code POST /v1/embeddings}: a 3-float vector per input, {@link #EMBEDDING_TOKENS} prompt tokens in all. */
    private void embeddings(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        calls.computeIfAbsent(request.path("model").asText(), m -> new AtomicInteger()).incrementAndGet();
        if (request.path("model").asText().equals("fail500")) {
            LocalHttp.json(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        JsonNode input = request.path("input");
        int count = input.isArray() ? input.size() : 1;
        for (int i = 0; i < count; i++) {
            body.withArray("data").addObject().put("object", "embedding").put("index", i)
                    .putArray("embedding").add(0.5).add(-0.25).add(i);
        }
        body.put("model", request.path("model").asText());
        body.putObject("usage").put("prompt_tokens", EMBEDDING_TOKENS).put("total_tokens", EMBEDDING_TOKENS);
        LocalHttp.json(exchange, 200, body.toString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int calls(String model) {
        return calls.getOrDefault(model, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String model = request.path("model").asText();
        requests.add(request);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        calls.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
        boolean stream = request.path("stream").asBoolean(false);
        if (model.startsWith("reasoning") && request.has("max_tokens")) {
            LocalHttp.json(exchange, 400, "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not "
                    + "supported with this model. Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\","
                    + "\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}");
            return;
        }
        switch (model) {
            case "fail500" -> LocalHttp.json(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
            case "slow" -> slow(exchange);
            case "slow-json" -> slowJson(exchange);
            case "late-ok" -> late(exchange, 200, completion(model));
            case "late-500" -> late(exchange, 500, "{\"error\":{\"message\":\"upstream exploded late\",\"type\":\"server_error\"}}");
            case "stall-first" -> stall(exchange, 0);
            case "stall" -> stall(exchange, 2);
            case "error-first" -> errorEvent(exchange);
            case "cut-first" -> cut(exchange, false, 0);
            case "cut-after-role" -> cut(exchange, true, 0);
            case "cut" -> cut(exchange, true, 2);
            default -> {
                if (stream) {
                    stream(exchange, request);
                } else {
                    LocalHttp.json(exchange, 200, completion(model));
                }
            }
        }
    }

    private static String completion(String model) {
        return """
                {"id":"chatcmpl-upstream","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}]%s}"""
                .formatted(model, REPLY, model.endsWith("-nousage") ? "" : ",\n \"usage\":" + usage(model));
    }

    private static String usage(String model) {
        String details = model.startsWith("reasoning") ? ",\"prompt_tokens_details\":{\"cached_tokens\":" + CACHED_TOKENS
                + "},\"completion_tokens_details\":{\"reasoning_tokens\":" + REASONING_TOKENS + "}" : "";
        return "{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + details + "}";
    }

    private static void stream(HttpExchange exchange, JsonNode request) throws IOException {
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (String word : REPLY.split("(?= )")) {
                event(out, chunk(JSON.createObjectNode().put("content", word).toString(), null));
            }
            event(out, chunk("{}", "stop"));
            if (request.path("stream_options").path("include_usage").asBoolean(false)
                    && !request.path("model").asText().endsWith("-nousage")) {
                event(out, "{\"id\":\"chatcmpl-upstream\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"ok\",\"choices\":[],\"usage\":" + usage(request.path("model").asText()) + "}");
            }
            out.write(": keep-alive comment, to be ignored\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Streams a few chunks, waits until the test says its client left, then streams until the gateway hangs up. */
    private void slow(HttpExchange exchange) throws IOException {
        SlowStream state = slowStream;
        OutputStream out = LocalHttp.eventStream(exchange);
        int sent = 0;
        try {
            event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (; sent < SLOW_CHUNKS_BEFORE_WAIT; sent++) {
                event(out, chunk("{\"content\":\"abcd\"}", null));
            }
            // an SSE comment every 200 ms keeps the gateway's idle timeout from ending the wait
            for (int waited = 0; waited < 50 && !state.clientGone.await(200, TimeUnit.MILLISECONDS); waited++) {
                LocalHttp.write(out, ": waiting\n\n");
            }
            for (; sent < SLOW_CHUNKS_MAX; sent++) {
                event(out, chunk("{\"content\":\"abcd\"}", null));
                Thread.sleep(10);
            }
            event(out, chunk("{}", "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException | InterruptedException hungUp) {
            state.hungUpAfter.set(sent);
        } finally {
            state.finished.countDown();
            exchange.close();
        }
    }

    /**
     * A whole answer that takes long: nothing until the test says its client left, then the JSON body
     * a few bytes at a time, for up to 10 s, until the gateway hangs up (recorded in {@link #slowStream}).
     */
    private void slowJson(HttpExchange exchange) throws IOException {
        SlowStream state = slowStream;
        int sent = 0;
        try {
            state.clientGone.await(10, TimeUnit.SECONDS);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] body = completion("slow-json").getBytes(StandardCharsets.UTF_8);
            for (; sent < 200; sent++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50);
            }
            out.write(body);
            out.close();
        } catch (IOException | InterruptedException hungUp) {
            state.hungUpAfter.set(sent);
        } finally {
            state.finished.countDown();
            exchange.close();
        }
    }

    /** Answers after {@link #LATE_MILLIS}: longer than the gateway waits before it starts its keep-alive spaces. */
    private static void late(HttpExchange exchange, int status, String body) throws IOException {
        try {
            Thread.sleep(LATE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalHttp.json(exchange, status, body);
    }

    /** Answers 200, streams {@code chunks} "abcd" chunks, then stays silent far longer than the gateway waits. */
    private static void stall(HttpExchange exchange, int chunks) throws IOException {
        OutputStream out = LocalHttp.eventStream(exchange);
        try {
            if (chunks > 0) {
                event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            }
            for (int i = 0; i < chunks; i++) {
                event(out, chunk("{\"content\":\"abcd\"}", null));
            }
            Thread.sleep(10_000);
            out.close();
        } catch (IOException | InterruptedException gone) {
            // the gateway gave up on us, as it should
        } finally {
            exchange.close();
        }
    }

    private static void errorEvent(HttpExchange exchange) throws IOException {
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            event(out, "{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}");
        }
    }

    /** Answers 200, streams the role chunk if asked, {@code chunks} "abcd" chunks, then ends the response. */
    private static void cut(HttpExchange exchange, boolean role, int chunks) throws IOException {
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            if (role) {
                event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            }
            for (int i = 0; i < chunks; i++) {
                event(out, chunk("{\"content\":\"abcd\"}", null));
            }
        }
    }

    private static String chunk(String delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-upstream").put("object", "chat.completion.chunk")
                .put("created", 1700000000).put("model", "upstream");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        try {
            choice.set("delta", JSON.readTree(delta));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        choice.put("finish_reason", finishReason);
        return chunk.toString();
    }

    private static void event(OutputStream out, String data) throws IOException {
        LocalHttp.write(out, "data: " + data + "\n\n");
    }


    /** One slow stream's progress: the test counts down {@code clientGone}; the server records when it was cut. */
    static final class SlowStream {
        final CountDownLatch clientGone = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final AtomicInteger hungUpAfter = new AtomicInteger(-1);
    }
}
