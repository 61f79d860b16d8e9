package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server without a provider's credentials refuses that method, naming what to set; currencies follow one rule. */
class PaymentProvidersTest {

    static final PaymentsProperties NOTHING_SET = new PaymentsProperties(Duration.ofMinutes(30), Duration.ofDays(3),
            "", "http://localhost:8080",
            new PaymentsProperties.Stripe("", "https://api.stripe.com", "", Duration.ofMinutes(5), "", ""),
            new PaymentsProperties.Alipay("", "", "", "https://openapi.alipay.com/gateway.do", ""),
            new PaymentsProperties.WechatPay("", "", "", "", "", "", "", "https://api.mch.weixin.qq.com"),
            new PaymentsProperties.BankTransfer("", "", ""));

    @Test
    void unconfiguredMethods_areRefused_namingTheSettings() {
        assertRefusedNaming(new StripeCheckout(NOTHING_SET), "MASSROUTER_STRIPE_SECRET_KEY");
        assertRefusedNaming(new AlipayCheckout(NOTHING_SET), "MASSROUTER_ALIPAY_PRIVATE_KEY");
        assertRefusedNaming(new WechatPayCheckout(new WechatPayConfigs(NOTHING_SET), NOTHING_SET),
                "MASSROUTER_WECHATPAY_API_V3_KEY");
        assertRefusedNaming(new BankTransferDesk(NOTHING_SET), "MASSROUTER_BANK_TRANSFER_ACCOUNT_NUMBER");
    }

    @Test
    void unconfiguredWebhooks_refuseEveryNotification() {
        assertThatThrownBy(() -> new StripeNotifications(NOTHING_SET).verify("{}", "t=1,v1=00"))
                .isInstanceOf(InvalidNotificationException.class);
        assertThatThrownBy(() -> new WechatPayNotifications(new WechatPayConfigs(NOTHING_SET), Clock.systemUTC())
                .verify("{}", "s", "sig", "1", "n", null)).isInstanceOf(InvalidNotificationException.class);
    }

    @Test
    void foreignCurrency_isConvertedExactlyAtItsRate_orRefusedNamingTheSetting() {
        FxRates rates = new FxRates("CNY", "USD:7.1234,JPY:0.048");
        assertThat(FxRates.convert(FxRates.orderAmount(new BigDecimal("19.99"), "USD"), rates.rateOf("USD"), "CNY"))
                .isEqualTo(Money.ofDecimal(new BigDecimal("142.396766"), "CNY"));
        assertThat(rates.rateOf("CNY")).isEqualByComparingTo("1");
        assertThatThrownBy(() -> rates.rateOf("EUR")).isInstanceOf(DomainException.class)
                .hasMessageContaining("MASSROUTER_FX_RATES=EUR:");
        assertThatThrownBy(() -> FxRates.orderAmount(new BigDecimal("1.5"), "JPY")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new FxRates("CNY", "USD:7.1234567")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FxRates.minorUnits(Money.ofDecimal(new BigDecimal("88.80"), "CNY"))).isEqualTo(8880);
        assertThat(FxRates.fromMinorUnits(500, "JPY")).isEqualTo(Money.of(500, "JPY"));
    }

    private static void assertRefusedNaming(PaymentProvider provider, String setting) {
        assertThatThrownBy(provider::ensureConfigured).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ERR_001);
            assertThat(e.getMessage()).contains(setting);
            assertThat(e.details()).containsKey("payment_method");
        });
    }
}
