package ai.massrouter.app.ratelimit;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small limits (a context and database of its own), so budgets run out in a few requests. */
@TestPropertySource(properties = {
        "massrouter.rate-limit.anonymous-per-hour=6",
        "massrouter.rate-limit.authenticated-per-hour=1000",
        "massrouter.rate-limit.auth-per-ip-per-hour=1000",
        "massrouter.rate-limit.auth-per-email-per-hour=4"})
class RateLimitIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void anonymousBudget_isSharedByTwoNodes_andTheNextRequestGets429() {
        try (SecondNode secondNode = SecondNode.start(databaseUrl, "--massrouter.rate-limit.anonymous-per-hour=6")) {
            ApiClient node2 = secondNode.api();
            int allowed = 0;
            for (int i = 0; i < 6; i++) {
                Response response = (i % 2 == 0 ? api : node2).get("/api/v1/no-such-page", null);
                if (response.status() != 429) {
                    allowed++;
                }
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("6");
            }
            assertThat(allowed).isEqualTo(6);
            Response limited = node2.get("/api/v1/no-such-page", null);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("RATE_001");
            assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
            assertThat(api.get("/api/v1/no-such-page", null).status()).isEqualTo(429);
        }
    }

    @Test
    void keyWithItsOwnLimit_isLimitedByIt() {
        String jwt = registerAndGetToken();
        Response me = api.get("/api/v1/users/me", jwt);
        assertThat(me.header("X-RateLimit-Limit")).isEqualTo("1000");
        String secret = api.post("/api/v1/users/me/api-keys", Map.of("name", "tight", "permissions",
                List.of("read"), "rate_limit_per_hour", 3), jwt).data().path("key").asText();
        for (int i = 0; i < 3; i++) {
            Response ok = api.get("/api/v1/users/me", secret);
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }
        Response limited = api.get("/api/v1/users/me", secret);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_001");
        assertThat(api.get("/api/v1/users/me", jwt).status()).isEqualTo(200);
    }

    @Test
    void passwordGuessing_onOneEmail_isStopped() {
        String email = uniqueEmail("guess");
        register(email, "password-123"); // the registration is the first of 4 attempts on this e-mail
        for (int i = 0; i < 3; i++) {
            Response guess = api.post("/api/v1/auth/login", Map.of("email", email, "password", "guess-" + i), null);
            assertThat(guess.errorCode()).isEqualTo("ERR_002");
            assertThat(guess.header("X-RateLimit-Limit")).isEqualTo("1000");
        }
        Response blocked = api.post("/api/v1/auth/login", Map.of("email", email, "password", "password-123"), null);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.errorCode()).isEqualTo("RATE_001");
        assertThat(blocked.header("Retry-After")).isNotNull();
    }
}
