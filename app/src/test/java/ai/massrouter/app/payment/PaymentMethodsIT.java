package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which methods a user may pay with, before trying one. */
class PaymentMethodsIT extends PaymentITBase {

    @Test
    void configuredMethods_areListed_withTheirCurrenciesAndLimits() {
        Response response = api.get("/api/v1/billing/payment-methods", registerAndGetToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> methods = new ArrayList<>();
        JsonNode items = response.data().path("items");
        items.forEach(m -> methods.add(m.path("method").asText()));
        assertThat(methods).containsExactly("alipay", "wechat_pay", "stripe", "bank_transfer");
        assertThat(response.data().path("platform_currency").asText()).isEqualTo("CNY");
        JsonNode stripe = items.path(2);
        assertThat(stripe.path("currencies").toString()).isEqualTo("[\"CNY\",\"USD\"]");
        assertThat(stripe.path("min_amount").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(stripe.path("max_amount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(items.path(0).path("currencies").toString()).isEqualTo("[\"CNY\"]");
        assertThat(items.path(3).path("expires_in_seconds").asLong()).isEqualTo(600);
    }
}
