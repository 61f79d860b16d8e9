package ai.massrouter.app.redemption;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The batches of redemption codes an administrator issued ({@code GET /admin/redemption-codes}), never their codes. */
class RedemptionBatchesIT extends PlatformIT {

    @Test
    void batches_countTheirCodesIssuedAndRedeemed_newestFirst_andNeverShowACodeAgain() {
        String admin = adminToken();
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode older = issue(admin, Map.of("amount", 5, "count", 2));
        JsonNode newer = issue(admin, Map.of("amount", 12.5, "count", 3, "expires_at", expiry.toString()));
        List<String> codes = new ArrayList<>();
        newer.path("codes").forEach(c -> codes.add(c.asText()));
        String user = registerAndGetToken();
        for (String code : codes.subList(0, 2)) {
            Response redeemed = api.post("/api/v1/billing/redemptions", Map.of("code", code), user);
            assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        }

        JsonNode batch = awaitBatch(admin, newer.path("batch_id").asText(), b -> b.path("redeemed").asLong() == 2);
        assertThat(batch.path("amount").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(batch.path("currency").asText()).isEqualTo("CNY");
        assertThat(batch.path("issued").asLong()).isEqualTo(3);
        assertThat(batch.path("unredeemed").asLong()).isEqualTo(1);
        assertThat(Instant.parse(batch.path("expires_at").asText())).isEqualTo(expiry);
        assertThat(batch.path("created_by").asText()).startsWith("usr_");
        assertThat(batch.path("last_redeemed_at").isNull()).isFalse();
        JsonNode first = awaitBatch(admin, older.path("batch_id").asText(), b -> b.path("issued").asLong() == 2);
        assertThat(first.path("redeemed").asLong()).isZero();
        assertThat(first.path("expires_at").isNull()).isTrue();

        Response page = api.get("/api/v1/admin/redemption-codes?limit=100", admin);
        List<String> batches = new ArrayList<>();
        page.data().path("items").forEach(b -> batches.add(b.path("batch_id").asText()));
        assertThat(batches.indexOf(newer.path("batch_id").asText())).isLessThan(batches.indexOf(older.path("batch_id").asText()));
        // the codes were in the issuing answer only: neither they nor their hashes are listed
        assertThat(page.raw()).doesNotContain(codes.get(2)).doesNotContain("rc_").doesNotContain("\"codes\"");

        JsonNode one = api.get("/api/v1/admin/redemption-codes?page=1&limit=1", admin).data();
        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBatches_areForAdministratorsOnly_andPagingOutOfRangeIsErr001() {
        String user = registerAndGetToken();
        Response refused = api.get("/api/v1/admin/redemption-codes", user);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("ERR_003");
        assertThat(api.get("/api/v1/admin/redemption-codes", null).errorCode()).isEqualTo("ERR_002");

        String admin = adminToken();
        for (String[] wrong : new String[][] {{"limit=101", "limit"}, {"limit=0", "limit"}, {"page=0", "page"}}) {
            Response response = api.get("/api/v1/admin/redemption-codes?" + wrong[0], admin);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("ERR_001");
            assertThat(response.json().path("error").path("details").has(wrong[1])).as(response.toString()).isTrue();
        }
    }

    private JsonNode issue(String admin, Map<String, Object> batch) {
        Response created = api.post("/api/v1/admin/redemption-codes", batch, admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    /** The batch once the read model shows it as {@code shows} says (redemptions follow by moments). */
    private JsonNode awaitBatch(String admin, String batchId, java.util.function.Predicate<JsonNode> shows) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response response = api.get("/api/v1/admin/redemption-codes?limit=100", admin);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            found[0] = null;
            response.data().path("items").forEach(b -> found[0] = batchId.equals(b.path("batch_id").asText()) ? b : found[0]);
            assertThat(found[0] != null && shows.test(found[0])).as(response.toString()).isTrue();
        });
        return found[0];
    }
}
