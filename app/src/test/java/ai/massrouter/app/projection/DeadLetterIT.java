package ai.massrouter.app.projection;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.available;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that throws on one account's event parks that event, and every later event of the
 * same account, in its dead-letter queue; other accounts keep flowing through it; an administrator
 * lists the letters over HTTP, fixes the cause, retries, and the letters are applied in order.
 */
@TestPropertySource(properties = {"massrouter.test.failing-probe=true",
        "massrouter.projections.dead-letters=users,api-keys,accounts,models,payments," + FailingProbeProjection.GROUP})
class DeadLetterIT extends PlatformIT {

    private static final String LETTERS = "/api/v1/admin/projections/" + FailingProbeProjection.GROUP + "/dead-letters";

    @Test
    void aFailingEvent_isParkedWithItsSequence_othersFlow_andARetryAppliesThemInOrder() {
        String admin = adminToken();
        JsonNode broken = register(uniqueEmail("dlq-broken"), "password-123");
        JsonNode healthy = register(uniqueEmail("dlq-healthy"), "password-123");
        String brokenUser = broken.path("user").path("id").asText();
        String healthyUser = healthy.path("user").path("id").asText();
        String brokenAccount = "acc_" + brokenUser.substring(4);
        String healthyAccount = "acc_" + healthyUser.substring(4);
        FailingProbeProjection.poisoned.add(brokenAccount);

        adjust(admin, brokenUser, "first");
        adjust(admin, brokenUser, "second");
        adjust(admin, healthyUser, "other account");

        // the other account flows through the same processor; the broken one is parked, both events
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(FailingProbeProjection.applied.get(healthyAccount)).containsExactly("other account");
            JsonNode letters = api.get(LETTERS, admin).data();
            assertThat(letters.path("letters").asLong()).isEqualTo(2);
        });
        JsonNode letters = api.get(LETTERS, admin).data();
        assertThat(letters.path("sequences").asLong()).isEqualTo(1);
        List<String> parked = new ArrayList<>();
        letters.path("items").get(0).forEach(l -> {
            assertThat(l.path("aggregate_id").asText()).isEqualTo(brokenAccount);
            assertThat(l.path("event_type").asText()).endsWith("BalanceAdjustedEvent");
            parked.add(l.path("sequence_number").asText());
        });
        assertThat(parked).hasSize(2);
        assertThat(Long.parseLong(parked.get(0))).isLessThan(Long.parseLong(parked.get(1)));
        assertThat(letters.path("items").get(0).get(0).path("cause_message").asText()).contains("probe cannot handle");
        assertThat(FailingProbeProjection.applied).doesNotContainKey(brokenAccount);
        // the real read models are not held up by the probe's failure
        String brokenToken = broken.path("tokens").path("access_token").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(available(api, brokenToken)).isEqualByComparingTo("2.00"));

        // a retry before the cause is fixed fails again and keeps the letters
        Response stillBroken = api.post(LETTERS + "/retry", Map.of(), admin);
        assertThat(stillBroken.status()).as(stillBroken.toString()).isEqualTo(200);
        assertThat(stillBroken.data().path("failed_again").asInt()).isEqualTo(1);
        assertThat(stillBroken.data().path("letters_left").asLong()).isEqualTo(2);

        FailingProbeProjection.poisoned.remove(brokenAccount);
        Response retried = api.post(LETTERS + "/retry", Map.of(), admin);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.data().path("retried").asInt()).isEqualTo(1);
        assertThat(retried.data().path("letters_left").asLong()).isZero();
        assertThat(FailingProbeProjection.applied.get(brokenAccount)).containsExactly("first", "second");
        assertThat(api.get(LETTERS, admin).data().path("items")).isEmpty();

        // and the next event of that account is handled directly again
        adjust(admin, brokenUser, "third");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(FailingProbeProjection.applied.get(brokenAccount)).containsExactly("first", "second", "third"));
    }

    @Test
    void deadLetters_areForAdminsOnly_andOnlyForQueuesThatExist() {
        String user = registerAndGetToken();
        assertThat(api.get(LETTERS, user).status()).isEqualTo(403);
        assertThat(api.post(LETTERS + "/retry", Map.of(), user).status()).isEqualTo(403);
        assertThat(api.get(LETTERS, null).status()).isEqualTo(401);
        Response unknown = api.get("/api/v1/admin/projections/no-such/dead-letters", adminToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ERR_004");
    }

    private void adjust(String admin, String userId, String reason) {
        Response response = api.post("/api/v1/admin/accounts/" + userId + "/adjustments",
                Map.of("amount", BigDecimal.ONE, "reason", reason), admin);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
