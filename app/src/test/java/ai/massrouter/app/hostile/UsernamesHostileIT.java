package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 10: a user renamed themself {@code admin}. Usernames are unique, compared
 * case-insensitively (and full-width look-alikes fold onto ASCII), on registration and on rename;
 * the bootstrap administrator owns its name ({@code root}, from {@code root@massrouter.test}).
 */
class UsernamesHostileIT extends HostileIT {

    private Response register(String username) {
        return api.post("/api/v1/auth/register", Map.of("email", uniqueEmail("n"), "username", username,
                "password", "password-123", "confirm_password", "password-123"), null);
    }

    private static void assertUsernameTaken(Response response) {
        assertEnvelopeError(response, 400, "ERR_001");
        assertThat(response.json().path("error").path("details").has("username")).as(response.toString()).isTrue();
    }

    @Test
    void registering_aUsernameTakenInAnotherCase_isErr001OnUsername() {
        String name = "mallory_" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(register(name).status()).isEqualTo(201);

        assertUsernameTaken(register(name.toUpperCase()));
        assertUsernameTaken(register(name));
    }

    @Test
    void renaming_toTheAdministratorsName_inAnyCase_isRefused_andTheNameStays() {
        String jwt = registerAndGetToken();
        String before = api.get("/api/v1/users/me", jwt).data().path("username").asText();

        for (String impostor : List.of("root", "Root", "ROOT", "\uFF52\uFF4F\uFF4F\uFF54")) {
            assertUsernameTaken(api.put("/api/v1/users/me", Map.of("username", impostor), jwt));
        }
        assertUsernameTaken(register("Root"));
        assertThat(api.get("/api/v1/users/me", jwt).data().path("username").asText()).isEqualTo(before);
    }

    @Test
    void renaming_toAnotherUsersName_isRefused_butTheOldNameIsFreedByARename() {
        String taken = "admin_" + UUID.randomUUID().toString().substring(0, 6);
        String holder = register(taken).data().path("tokens").path("access_token").asText();
        String mallory = registerAndGetToken();

        assertUsernameTaken(api.put("/api/v1/users/me", Map.of("username", taken.replace("admin", "Admin")), mallory));

        assertThat(api.put("/api/v1/users/me", Map.of("username", taken + "_old"), holder).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/users/me", Map.of("username", taken), mallory).status()).isEqualTo(200);
    }

    @Test
    void tenRegistrationsOfOneUsernameAtOnce_onlyOneWins() throws Exception {
        String name = "race_" + UUID.randomUUID().toString().substring(0, 6);

        List<Integer> statuses = AtOnce.run(10, 10, i -> register(i % 2 == 0 ? name : name.toUpperCase()).status());

        assertThat(statuses).containsOnly(201, 400);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    }
}
