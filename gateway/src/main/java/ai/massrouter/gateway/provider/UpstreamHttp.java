package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * The HTTP side of an upstream: one pooled JDK client per provider (keep-alive connections are
 * reused), a connect timeout, a timeout until the response starts and a read timeout while it
 * flows ({@link IdleTimeoutBody}). Any failure before the status line is retryable; a status
 * other than 2xx becomes an {@link UpstreamException}.
 */
public final class UpstreamHttp {

    private static final int MAX_ERROR_BODY = 4096;

    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration readTimeout;
    private final ObjectMapper json;

    public UpstreamHttp(String provider, Duration connectTimeout, Duration requestTimeout, Duration readTimeout,
                        ObjectMapper json) {
        this.provider = provider;
        // HTTP/1.1: an h2c upgrade offer confuses some local servers (vLLM, Ollama behind proxies)
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.readTimeout = readTimeout;
        this.json = json;
    }

    /** POSTs a JSON body and returns the open 2xx response body; the caller must close it. */
    public InputStream post(String url, JsonNode body, Map<String, String> headers, boolean stream) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json");
        headers.forEach(request::header);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            // the publisher is there once the status line is: send() does not wait for the body
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (IOException e) {
            throw UpstreamException.unreachable(provider, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UpstreamException.unreachable(provider, e);
        }
        IdleTimeoutBody responseBody = new IdleTimeoutBody(readTimeout);
        response.body().subscribe(responseBody);
        if (response.statusCode() / 100 != 2) {
            throw UpstreamException.ofStatus(provider, response.statusCode(), errorMessage(responseBody));
        }
        return responseBody;
    }

    /** Reads a whole JSON body; a body cut off or garbled counts as the upstream failing (retryable). */
    public JsonNode readJson(InputStream body) {
        try (body) {
            // read to the end, so the connection goes back to the pool instead of being cancelled
            return json.readTree(body.readAllBytes());
        } catch (IOException e) {
            throw UpstreamException.unreachable(provider, e);
        }
    }

    public JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UpstreamException(provider + " sent an event that is not JSON", 0, true, e);
        }
    }

    public ObjectMapper json() {
        return json;
    }

    public String provider() {
        return provider;
    }

    /** The upstream's own message (OpenAI's and Anthropic's {@code error.message}), or the body's start. */
    private String errorMessage(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            try {
                JsonNode message = json.readTree(text).path("error").path("message");
                return message.isTextual() ? message.asText() : text.strip();
            } catch (IOException notJson) {
                return text.strip();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
