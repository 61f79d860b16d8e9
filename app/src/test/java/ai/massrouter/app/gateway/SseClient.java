package ai.massrouter.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a streamed chat completion over real HTTP: every {@code data:} payload, in order. */
final class SseClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    SseClient(int port) {
        this.port = port;
    }

    record Stream(int status, String contentType, String requestId, List<String> data) {

        /** The JSON chunks, without the final {@code [DONE]}. */
        List<JsonNode> chunks() {
            List<JsonNode> chunks = new ArrayList<>();
            for (String d : data) {
                if (!d.equals("[DONE]")) {
                    try {
                        chunks.add(JSON.readTree(d));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return chunks;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            chunks().forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
            return text.toString();
        }
    }

    Stream post(String key, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            List<String> data = response.body().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
            return new Stream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Request-Id").orElse(null), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
