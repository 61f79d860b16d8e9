package ai.massrouter.app.cluster;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.NodeProcess;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code MASSROUTER_ROLES}: a node serves only the surfaces of its roles and runs processors only with {@code projections}. */
class NodeRolesIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNodeWithoutProjections_runsNoProcessor_andOneWithoutGateway_doesNotServeV1() throws Exception {
        String admin = adminToken();
        try (NodeProcess node = NodeProcess.start(databaseUrl, "--massrouter.roles=command,query",
                "--massrouter.cluster.heartbeat-interval=PT1S")) {
            ApiClient other = node.api();
            // no processor on that node, while this one runs them all
            assertThat(other.get("/api/v1/admin/projections", admin).data()).isEmpty();
            assertThat(api.get("/api/v1/admin/projections", admin).data()).isNotEmpty();

            // it still takes commands and answers queries: the read models are built by this node
            JsonNode registered = node.api().post("/api/v1/auth/register", Map.of("email", uniqueEmail("roles"),
                    "username", "roles" + node.port(), "password", "password-123", "confirm_password", "password-123"),
                    null).data();
            String token = registered.path("tokens").path("access_token").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> other.get("/api/v1/users/me", token).status() == 200);

            // after several of its heartbeats it has claimed no segment of any processor
            Thread.sleep(3000);
            assertThat(jdbc.queryForList("SELECT DISTINCT owner FROM tokenentry WHERE owner IS NOT NULL", String.class))
                    .noneMatch(owner -> owner.startsWith(node.tokenOwnerPrefix()))
                    .contains(ManagementFactory.getRuntimeMXBean().getName());

            Response models = other.get("/v1/models", null);
            assertThat(models.status()).isEqualTo(404);
            assertThat(models.json().path("error").path("code").asText()).isEqualTo("ERR_004");
            assertThat(api.get("/v1/models", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aGatewayOnlyNode_servesV1_andRefusesThePlatformApi() {
        try (SecondNode gateway = SecondNode.start(databaseUrl, "--massrouter.roles=gateway")) {
            ApiClient node = gateway.api();
            assertThat(node.get("/v1/models", null).status()).isEqualTo(200);
            assertThat(node.get("/actuator/health", null).status()).isEqualTo(200);

            Response register = node.post("/api/v1/auth/register", Map.of("email", uniqueEmail("gw"),
                    "username", "gw", "password", "password-123", "confirm_password", "password-123"), null);
            assertThat(register.status()).isEqualTo(404);
            assertThat(register.errorCode()).isEqualTo("ERR_004");
            assertThat(register.json().path("error").path("details").path("role").asText()).isEqualTo("command");
            Response me = node.get("/api/v1/users/me", registerAndGetToken());
            assertThat(me.status()).isEqualTo(404);
            assertThat(me.errorCode()).isEqualTo("ERR_004");
            assertThat(node.get("/api/v1/admin/projections", adminToken()).status()).isEqualTo(404);
        }
    }
}
