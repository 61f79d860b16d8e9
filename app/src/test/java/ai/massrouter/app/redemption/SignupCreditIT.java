package ai.massrouter.app.redemption;

import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static ai.massrouter.app.support.MoneyFixtures.available;
import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "massrouter.billing.signup-credit=2.50")
class SignupCreditIT extends PlatformIT {

    @Test
    void aNewAccount_isCreditedOnce_asASignupCreditTransaction() {
        String token = registerAndGetToken();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = api.get("/api/v1/billing/transactions", token).data().path("items");
            assertThat(items).hasSize(1);
            assertThat(items.path(0).path("type").asText()).isEqualTo("signup_credit");
            assertThat(items.path(0).path("amount").decimalValue()).isEqualByComparingTo("2.5");
        });
        assertThat(available(api, token)).isEqualByComparingTo("2.5");
    }
}
