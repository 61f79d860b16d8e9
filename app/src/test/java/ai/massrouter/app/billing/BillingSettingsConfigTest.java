package ai.massrouter.app.billing;

import ai.massrouter.api.common.BillingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BillingSettingsConfigTest {

    private final BillingSettingsConfig config = new BillingSettingsConfig();

    @Test
    void unsetProperties_giveCnyAndNoSignupCredit() {
        BillingSettings settings = config.billingSettings(new MockEnvironment());

        assertThat(settings.currency()).isEqualTo("CNY");
        assertThat(settings.signupCredit()).isZero();
    }

    @Test
    void setProperties_areBoundByTheirKebabNames() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("massrouter.billing.currency", "USD")
                .withProperty("massrouter.billing.signup-credit", "2.50");

        BillingSettings settings = config.billingSettings(environment);

        assertThat(settings.currency()).isEqualTo("USD");
        assertThat(settings.signupCredit()).isEqualByComparingTo(new BigDecimal("2.50"));
    }
}
