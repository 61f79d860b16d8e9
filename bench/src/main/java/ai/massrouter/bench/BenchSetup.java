package ai.massrouter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** What the gateway benchmark needs, made through the public API: a funded user's API key and a model. */
final class BenchSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSetup() {
    }

    /** A new user with a large balance; returns the user's access JWT. */
    static String fundedUserToken(HttpClient http, String base) throws Exception {
        String admin = post(http, base + "/api/v1/auth/login", null,
                "{\"email\":\"bench@massrouter.test\",\"password\":\"bench-password\"}")
                .path("tokens").path("access_token").asText();
        String name = "bench" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode user = post(http, base + "/api/v1/auth/register", null, "{\"email\":\"" + name
                + "@example.com\",\"username\":\"" + name + "\",\"password\":\"password-123\","
                + "\"confirm_password\":\"password-123\"}");
        post(http, base + "/api/v1/admin/accounts/" + user.path("user").path("id").asText() + "/adjustments", admin,
                "{\"amount\":1000000,\"reason\":\"benchmark funding\"}");
        return user.path("tokens").path("access_token").asText();
    }

    static String apiKeyWithFunds(HttpClient http, String base) throws Exception {
        String admin = post(http, base + "/api/v1/auth/login", null,
                "{\"email\":\"bench@massrouter.test\",\"password\":\"bench-password\"}")
                .path("tokens").path("access_token").asText();
        String name = "bench" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode user = post(http, base + "/api/v1/auth/register", null, "{\"email\":\"" + name
                + "@example.com\",\"username\":\"" + name + "\",\"password\":\"password-123\","
                + "\"confirm_password\":\"password-123\"}");
        String userId = user.path("user").path("id").asText();
        post(http, base + "/api/v1/admin/accounts/" + userId + "/adjustments", admin,
                "{\"amount\":1000000,\"reason\":\"benchmark funding\"}");
        return post(http, base + "/api/v1/users/me/api-keys", user.path("tokens").path("access_token").asText(),
                "{\"name\":\"bench\",\"permissions\":[\"read\",\"write\"]}").path("key").asText();
    }

    /** Adds a model served by the given provider and waits until the catalog's read model has it. */
    static String model(HttpClient http, String base, String provider, String upstreamModel) throws Exception {
        String admin = post(http, base + "/api/v1/auth/login", null,
                "{\"email\":\"bench@massrouter.test\",\"password\":\"bench-password\"}")
                .path("tokens").path("access_token").asText();
        String id = "bench/instant-" + UUID.randomUUID().toString().substring(0, 8);
        post(http, base + "/api/v1/admin/models", admin, "{\"id\":\"" + id + "\",\"name\":\"Instant\",\"provider\":\""
                + provider + "\",\"category\":\"chat\",\"context_length\":8192,\"pricing\":{\"input_per_million\":1,"
                + "\"output_per_million\":2},\"routes\":[{\"provider\":\"" + provider + "\",\"upstream_model\":\""
                + upstreamModel + "\"}]}");
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/" + id))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (found.statusCode() == 200) {
                return id;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("model " + id + " never reached the catalog");
    }

    private static JsonNode post(HttpClient http, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("data");
    }
}
