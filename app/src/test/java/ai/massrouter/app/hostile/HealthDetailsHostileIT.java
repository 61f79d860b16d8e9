package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 8: anonymous {@code GET /actuator/health} showed the disk path, free space and the event log head. */
class HealthDetailsHostileIT extends HostileIT {

    private static void assertStatusAlone(Response health) {
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().size()).as(health.toString()).isEqualTo(1);
        assertThat(health.raw()).doesNotContain("event_log_head").doesNotContain("diskSpace").doesNotContain("path");
    }

    @Test
    void anonymousHealth_showsTheStatusAlone() {
        assertStatusAlone(api.get("/actuator/health", null));
    }

    @Test
    void healthDetails_areForAnAdministratorsLogin_notForUsersOrKeys() {
        String userJwt = registerAndGetToken();
        String admin = adminToken();
        assertStatusAlone(api.get("/actuator/health", userJwt));
        assertStatusAlone(api.get("/actuator/health", createKey(userJwt, Map.of()).path("key").asText()));
        assertStatusAlone(api.get("/actuator/health", createKey(admin, Map.of()).path("key").asText()));

        Response detailed = api.get("/actuator/health", admin);
        assertThat(detailed.json().path("components").path("eventStoreAndReadModels").path("details")
                .has("event_log_head")).as(detailed.toString()).isTrue();
        assertThat(detailed.json().path("components").has("diskSpace")).isTrue();
    }
}
