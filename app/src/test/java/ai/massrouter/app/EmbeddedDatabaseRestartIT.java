package ai.massrouter.app;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command: no database configured, an embedded PostgreSQL whose data survives a restart. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // command-line arguments, as a user would pass them; they outrank application.yml
        return new SpringApplicationBuilder(MassRouterApplication.class)
                .run("--server.port=0", "--spring.datasource.url=", "--massrouter.data-dir=" + dataDir,
                        "--massrouter.jwt.secret=");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void registeredUser_canLogInAfterRestart_withTheSameToken() {
        String token;
        String userId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            Response registered = api.post("/api/v1/auth/register", Map.of("email", "persist@example.com",
                    "username", "persist", "password", "password-123", "confirm_password", "password-123"), null);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            token = registered.data().path("tokens").path("access_token").asText();
            userId = registered.data().path("user").path("id").asText();
            assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            Response login = api.post("/api/v1/auth/login",
                    Map.of("email", "persist@example.com", "password", "password-123"), null);
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            assertThat(login.data().path("user").path("id").asText()).isEqualTo(userId);
            // the generated signing secret is kept in the data folder, so old tokens still work
            Response me = api.get("/api/v1/users/me", token);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.data().path("email").asText()).isEqualTo("persist@example.com");
            assertThat(api.get("/actuator/health", null).json().path("status").asText()).isEqualTo("UP");
        }
    }
}
