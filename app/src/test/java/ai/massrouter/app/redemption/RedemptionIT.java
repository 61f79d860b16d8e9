package ai.massrouter.app.redemption;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.available;
import static org.assertj.core.api.Assertions.assertThat;

/** Credit without a payment provider: codes an administrator issues, each redeemed exactly once. */
class RedemptionIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    private List<String> issue(String admin, Map<String, Object> batch) {
        Response created = api.post("/api/v1/admin/redemption-codes", batch, admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        created.data().path("codes").forEach(c -> codes.add(c.asText()));
        return codes;
    }

    private Response redeem(String token, String code) {
        return api.post("/api/v1/billing/redemptions", Map.of("code", code), token);
    }

    @Test
    void aCode_creditsOnce_andShowsAsARedemptionTransaction() {
        String admin = adminToken();
        List<String> codes = issue(admin, Map.of("amount", 25, "count", 3));
        assertThat(codes).hasSize(3).doesNotHaveDuplicates().allMatch(c -> c.matches("MR(-[0-9A-Z]{4}){4}"));
        String token = registerAndGetToken();

        Response redeemed = redeem(token, codes.get(0).toLowerCase());
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.data().path("amount").decimalValue()).isEqualByComparingTo("25");
        assertThat(redeemed.data().path("balance_after").decimalValue()).isEqualByComparingTo("25");
        Response again = redeem(token, codes.get(0));
        assertThat(again.errorCode()).isEqualTo("ERR_001");
        assertThat(again.json().path("error").path("details").path("code").asText()).contains("already been used");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(available(api, token)).isEqualByComparingTo("25"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = api.get("/api/v1/billing/transactions?type=redemption", token).data().path("items");
            assertThat(items).hasSize(1);
            assertThat(items.path(0).path("type").asText()).isEqualTo("redemption");
            assertThat(items.path(0).path("amount").decimalValue()).isEqualByComparingTo("25");
        });
        // only hashes are kept: no code appears in the event log
        Long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE position(convert_to(?, 'UTF8') "
                + "in payload) > 0", Long.class, codes.get(1));
        assertThat(stored).isZero();
    }

    @Test
    void unknownUsedAndExpiredCodes_areErr001_sayingWhich() throws Exception {
        String admin = adminToken();
        String token = registerAndGetToken();
        Response unknown = redeem(token, "MR-0000-0000-0000-0000");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("details").path("code").asText()).isEqualTo("is unknown");

        String shortLived = issue(admin, Map.of("amount", 1, "count", 1,
                "expires_at", Instant.now().plusSeconds(2).toString())).get(0);
        Thread.sleep(2500);
        Response expired = redeem(token, shortLived);
        assertThat(expired.errorCode()).isEqualTo("ERR_001");
        assertThat(expired.json().path("error").path("details").path("code").asText()).startsWith("expired at");
        assertThat(available(api, token)).isEqualByComparingTo("0");

        assertThat(redeem(token, "").errorCode()).isEqualTo("ERR_001");
    }

    @Test
    void onlyAdministrators_issueCodes_inSaneBatches() {
        String admin = adminToken();
        String token = registerAndGetToken();
        assertThat(api.post("/api/v1/admin/redemption-codes", Map.of("amount", 5, "count", 1), token).errorCode())
                .isEqualTo("ERR_003");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("amount", 0, "count", 1),
                Map.of("amount", -5, "count", 1), Map.of("amount", new BigDecimal("0.001"), "count", 1),
                Map.of("amount", 5, "count", 0), Map.of("amount", 5, "count", 1001),
                Map.of("amount", 5, "count", 1, "expires_at", "2020-01-01T00:00:00Z"))) {
            assertThat(api.post("/api/v1/admin/redemption-codes", bad, admin).errorCode()).as(bad.toString())
                    .isEqualTo("ERR_001");
        }
    }

    @Test
    void oneCode_redeemedByManyUsersAtOnce_creditsExactlyOne() throws Exception {
        String admin = adminToken();
        String code = issue(admin, Map.of("amount", 10, "count", 1)).get(0);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(registerAndGetToken());
        }
        List<Response> answers = AtOnce.run(users.size(), users.size(), i -> redeem(users.get(i), code));
        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() != 200)).allSatisfy(r -> {
            assertThat(r.errorCode()).as(r.toString()).isEqualTo("ERR_001");
            assertThat(r.json().path("error").path("details").path("code").asText()).contains("already been used");
        });
        // balances are read models: wait for the credit to reach them, then no more than one may show it
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            BigDecimal total = BigDecimal.ZERO;
            for (String user : users) {
                total = total.add(available(api, user));
            }
            assertThat(total).isEqualByComparingTo("10");
        });
    }
}
