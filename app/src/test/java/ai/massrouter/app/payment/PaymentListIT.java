package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists of payment orders: a user's own ({@code GET /billing/payments}) and, for administrators,
 * everyone's ({@code GET /admin/payments}), e.g. the bank transfers awaiting confirmation.
 */
class PaymentListIT extends PaymentITBase {

    private static final String AWAITING = "/api/v1/admin/payments?status=pending&method=bank_transfer";

    @Test
    void ownOrders_newestFirst_filteredByStatus_andNeverAnotherUsersOrders() {
        User payer = newUser();
        User other = newUser();
        String first = order(payer, "bank_transfer", "500.00", "CNY").path("payment_id").asText();
        String second = order(payer, "bank_transfer", "120.00", "CNY").path("payment_id").asText();
        String theirs = order(other, "bank_transfer", "300.00", "CNY").path("payment_id").asText();

        JsonNode mine = awaitList(payer, "/api/v1/billing/payments", 2);
        assertThat(ids(mine)).containsExactly(second, first);
        JsonNode newest = mine.path("items").get(0);
        assertThat(newest.path("status").asText()).isEqualTo("pending");
        assertThat(newest.path("payment_method").asText()).isEqualTo("bank_transfer");
        assertThat(newest.path("amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(newest.path("currency").asText()).isEqualTo("CNY");
        assertThat(newest.path("user_id").asText()).isEqualTo(payer.id());
        assertThat(newest.path("bank_transfer").path("reference").asText()).startsWith("MR-");
        assertThat(ids(awaitList(other, "/api/v1/billing/payments", 1))).containsExactly(theirs);

        // the user's list is the user's, an administrator's own included: everyone's is the admin route
        String admin = adminToken();
        assertThat(ids(api.get("/api/v1/billing/payments", admin).data())).doesNotContain(first, second, theirs);

        Response confirmed = api.post("/api/v1/admin/payments/" + first + "/confirm",
                Map.of("amount", new BigDecimal("500.00"), "currency", "CNY"), admin);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(ids(awaitList(payer, "/api/v1/billing/payments?status=succeeded", 1))).containsExactly(first);
        assertThat(ids(awaitList(payer, "/api/v1/billing/payments?status=pending", 1))).containsExactly(second);
    }

    @Test
    void awaitingConfirmation_listsPendingBankTransfersOnly_untilAnAdministratorConfirmsThem() {
        User payer = newUser();
        String transfer = order(payer, "bank_transfer", "88.00", "CNY").path("payment_id").asText();
        String stripe = order(payer, "stripe", "5.00", "CNY").path("payment_id").asText();
        String admin = adminToken();
        String mine = AWAITING + "&user_id=" + payer.id();

        JsonNode awaiting = awaitList(admin, mine, 1);
        assertThat(ids(awaiting)).containsExactly(transfer).doesNotContain(stripe);
        assertThat(awaiting.path("items").get(0).path("bank_transfer").path("reference").asText()).startsWith("MR-");
        JsonNode all = api.get(AWAITING + "&limit=100", admin).data();
        assertThat(all.path("items")).allSatisfy(p -> {
            assertThat(p.path("status").asText()).isEqualTo("pending");
            assertThat(p.path("payment_method").asText()).isEqualTo("bank_transfer");
        });
        assertThat(ids(all)).contains(transfer);
        assertThat(ids(awaitList(admin, "/api/v1/admin/payments?user_id=" + payer.id(), 2)))
                .containsExactlyInAnyOrder(transfer, stripe);

        assertThat(api.post("/api/v1/admin/payments/" + transfer + "/confirm",
                Map.of("amount", new BigDecimal("88.00"), "currency", "CNY"), admin).status()).isEqualTo(200);
        awaitList(admin, mine, 0);
        assertThat(ids(awaitList(admin, "/api/v1/admin/payments?status=succeeded&user_id=" + payer.id(), 1)))
                .containsExactly(transfer);
    }

    @Test
    void everyonesOrders_areForAdministratorsOnly() {
        User payer = newUser();
        Response asUser = api.get(AWAITING, payer.token());
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.errorCode()).isEqualTo("ERR_003");
        Response anonymous = api.get(AWAITING, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("ERR_002");
        assertThat(api.get("/api/v1/billing/payments", null).errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void pagingAndFilters_outOfRange_areErr001WithTheField_notClamped() {
        User payer = newUser();
        List<String> made = new ArrayList<>();
        for (String amount : new String[] {"10.00", "20.00", "30.00"}) {
            made.add(order(payer, "bank_transfer", amount, "CNY").path("payment_id").asText());
        }
        awaitList(payer, "/api/v1/billing/payments", 3);
        JsonNode second = api.get("/api/v1/billing/payments?page=2&limit=2", payer.token()).data();
        assertThat(second.path("page").asInt()).isEqualTo(2);
        assertThat(second.path("limit").asInt()).isEqualTo(2);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(ids(second)).containsExactly(made.get(0));

        String admin = adminToken();
        for (String[] refused : new String[][] {
                {"/api/v1/billing/payments?limit=0", payer.token(), "limit"},
                {"/api/v1/billing/payments?limit=101", payer.token(), "limit"},
                {"/api/v1/billing/payments?page=0", payer.token(), "page"},
                {"/api/v1/billing/payments?status=paid", payer.token(), "status"},
                {"/api/v1/admin/payments?limit=101", admin, "limit"},
                {"/api/v1/admin/payments?method=cash", admin, "method"},
                {"/api/v1/admin/payments?status=PENDING", admin, "status"},
                {"/api/v1/admin/payments?user_id=x%27%20OR%201=1", admin, "user_id"}}) {
            Response response = api.get(refused[0], refused[1]);
            assertThat(response.status()).as(refused[0] + " " + response).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("ERR_001");
            assertThat(response.json().path("error").path("details").has(refused[2])).as(response.toString()).isTrue();
        }
    }

    /** The list at {@code path} once the payments read model holds {@code total} orders there. */
    private JsonNode awaitList(User user, String path, long total) {
        return awaitList(user.token(), path, total);
    }

    private JsonNode awaitList(String token, String path, long total) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response response = api.get(path, token);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.data().path("total").asLong()).as(response.toString()).isEqualTo(total);
            last[0] = response.data();
        });
        return last[0];
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(p -> ids.add(p.path("payment_id").asText()));
        return ids;
    }
}
