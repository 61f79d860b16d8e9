package ai.massrouter.app.user;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFlowIT extends PlatformIT {

    @Test
    void register_login_me_withJwt() {
        String email = uniqueEmail("alice");
        JsonNode registered = register(email, "password-123");
        assertThat(registered.path("user").path("email").asText()).isEqualTo(email);
        assertThat(registered.path("tokens").path("expires_in").asInt()).isEqualTo(3600);

        Response login = api.post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", "password-123"), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("success").asBoolean()).isTrue();
        assertThat(login.json().path("message").asText()).isNotBlank();
        assertThat(login.json().path("timestamp").asText()).endsWith("Z");
        String token = login.data().path("tokens").path("access_token").asText();

        Response me = api.get("/api/v1/users/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().path("id").asText()).isEqualTo(registered.path("user").path("id").asText());
        assertThat(me.data().path("email").asText()).isEqualTo(email);
        assertThat(me.data().path("status").asText()).isEqualTo("active");
        assertThat(me.data().has("password_hash")).isFalse();
    }

    @Test
    void login_withWrongPasswordOrUnknownEmail_isErr002() {
        String email = uniqueEmail("bob");
        register(email, "password-123");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "nope-nope"), null).errorCode())
                .isEqualTo("ERR_002");
        Response unknown = api.post("/api/v1/auth/login", Map.of("email", uniqueEmail("ghost"), "password", "x"), null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void refreshToken_rotates_andAReusedOneFailsAndRevokesTheSession() {
        JsonNode tokens = register(uniqueEmail("carol"), "password-123").path("tokens");
        String first = tokens.path("refresh_token").asText();

        Response rotated = api.post("/api/v1/auth/refresh", null, first);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.data().path("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/users/me", rotated.data().path("access_token").asText()).status()).isEqualTo(200);

        Response reused = api.post("/api/v1/auth/refresh", null, first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.errorCode()).isEqualTo("ERR_002");
        // the reuse ended the session: the newer token is dead too
        assertThat(api.post("/api/v1/auth/refresh", null, second).errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void accessToken_isNotARefreshToken_andGarbageIsRefused() {
        String access = registerAndGetToken();
        assertThat(api.post("/api/v1/auth/refresh", null, access).errorCode()).isEqualTo("ERR_002");
        assertThat(api.get("/api/v1/users/me", "not-a-jwt").errorCode()).isEqualTo("ERR_002");
        Response anonymous = api.get("/api/v1/users/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void profileUpdate_showsInUsersMe() {
        String token = registerAndGetToken();
        Response put = api.put("/api/v1/users/me", Map.of("username", "renamed_user",
                "avatar_url", "https://img.example/me.png"), token);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            JsonNode me = api.get("/api/v1/users/me", token).data();
            assertThat(me.path("username").asText()).isEqualTo("renamed_user");
            assertThat(me.path("avatar_url").asText()).isEqualTo("https://img.example/me.png");
        });
        Response bad = api.put("/api/v1/users/me", Map.of("username", "x"), token);
        assertThat(bad.errorCode()).isEqualTo("ERR_001");
        assertThat(bad.json().path("error").path("details").has("username")).isTrue();
    }

    @Test
    void twentyParallelRegistrationsOfOneEmail_exactlyOneSucceeds() throws Exception {
        String email = uniqueEmail("race");
        List<Response> responses = AtOnce.run(20, 20, i -> api.post("/api/v1/auth/register",
                Map.of("email", i % 2 == 0 ? email : email.toUpperCase(), "username", "racer" + i,
                        "password", "password-123", "confirm_password", "password-123"), null));
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.errorCode()).isEqualTo("ERR_001");
                    assertThat(r.json().path("error").path("details").path("email").asText()).isEqualTo("already registered");
                });
    }

    @Test
    void suspendedUser_cannotLogIn_andAdminSeesTheStatus() {
        String email = uniqueEmail("dave");
        String userId = register(email, "password-123").path("user").path("id").asText();
        String admin = adminToken();

        Response suspend = api.put("/api/v1/admin/users/" + userId + "/status",
                Map.of("status", "suspended", "reason", "chargeback"), admin);
        assertThat(suspend.status()).as(suspend.toString()).isEqualTo(200);

        Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", "password-123"), null);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.errorCode()).isEqualTo("USER_001");

        org.awaitility.Awaitility.await().untilAsserted(() -> {
            JsonNode page = api.get("/api/v1/admin/users?status=suspended&search=" + email, admin).data();
            assertThat(page.path("total").asInt()).isEqualTo(1);
            assertThat(page.path("items").path(0).path("id").asText()).isEqualTo(userId);
        });

        api.put("/api/v1/admin/users/" + userId + "/status", Map.of("status", "active"), admin);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "password-123"), null).status())
                .isEqualTo(200);
    }

    @Test
    void adminEndpoints_refuseOrdinaryUsers_andUnknownUsers() {
        String token = registerAndGetToken();
        Response forbidden = api.get("/api/v1/admin/users", token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("ERR_003");
        Response unknown = api.put("/api/v1/admin/users/usr_nobody/status", Map.of("status", "suspended"), adminToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ERR_004");
    }

    @Test
    void adminUserList_isPaged_andRefusesOutOfRangeLimits() {
        String admin = adminToken();
        register(uniqueEmail("p1"), "password-123");
        register(uniqueEmail("p2"), "password-123");
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            Response page = api.get("/api/v1/admin/users?page=1&limit=2", admin);
            assertThat(page.data().path("items").size()).isEqualTo(2);
            assertThat(page.data().path("limit").asInt()).isEqualTo(2);
            assertThat(page.data().path("total").asInt()).isGreaterThanOrEqualTo(3);
        });
        Response tooMany = api.get("/api/v1/admin/users?limit=1000", admin);
        assertThat(tooMany.errorCode()).isEqualTo("ERR_001");
        assertThat(tooMany.json().path("error").path("details").has("limit")).isTrue();
        assertThat(api.get("/api/v1/admin/users?page=abc", admin).errorCode()).isEqualTo("ERR_001");
    }
}
