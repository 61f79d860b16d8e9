package ai.massrouter.app;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.KilledApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command: no database configured, an embedded PostgreSQL whose data survives a
 * restart, an administrator from the first start, a clean stop, and a start after a {@code kill -9}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartIT {

    private static final Pattern FIRST_ADMIN =
            Pattern.compile("export MR_ADMIN_EMAIL=(\\S+) MR_ADMIN_PASSWORD=(\\S+)");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // command-line arguments, as a user would pass them; they outrank application.yml
        return new SpringApplicationBuilder(MassRouterApplication.class)
                .run("--server.port=0", "--spring.datasource.url=", "--massrouter.data-dir=" + dataDir,
                        "--massrouter.jwt.secret=", "--massrouter.admin.email=", "--massrouter.admin.password=");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void registeredUser_canLogInAfterRestart_withTheSameToken_andTheFirstAdministratorIsPrintedOnce(
            CapturedOutput output) {
        String token;
        String userId;
        String adminEmail;
        String adminPassword;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            Matcher admin = FIRST_ADMIN.matcher(output.getOut());
            assertThat(admin.find()).as("the first start prints an administrator").isTrue();
            adminEmail = admin.group(1);
            adminPassword = admin.group(2);
            Response adminLogin = api.post("/api/v1/auth/login", Map.of("email", adminEmail, "password", adminPassword),
                    null);
            assertThat(adminLogin.data().path("user").path("role").asText()).as(adminLogin.toString())
                    .isEqualTo("admin");
            Response registered = api.post("/api/v1/auth/register", Map.of("email", "persist@example.com",
                    "username", "persist", "password", "password-123", "confirm_password", "password-123"), null);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            token = registered.data().path("tokens").path("access_token").asText();
            userId = registered.data().path("user").path("id").asText();
            assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        // a clean stop: the application closed before its database, nothing went wrong on the way
        assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("Timed out during shutdown");
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

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
            assertThat(api.post("/api/v1/auth/login", Map.of("email", adminEmail, "password", adminPassword), null)
                    .status()).isEqualTo(200);
        }
        Matcher printed = FIRST_ADMIN.matcher(output.getOut());
        assertThat(printed.find() && !printed.find()).as("the password is printed once, never again").isTrue();
    }

    @Test
    void startsAfterAKilledApplication_whoseDatabaseIsStillRunning() throws Exception {
        long orphanPid = KilledApplication.leaveDatabaseRunning(dataDir.resolve("postgres"));
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
        try (ConfigurableApplicationContext second = start()) {
            assertThat(client(second).get("/actuator/health", null).json().path("status").asText()).isEqualTo("UP");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
        }
    }
}
