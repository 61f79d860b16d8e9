package ai.massrouter.api.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void decimalsIn_areExactAtNinePlaces_andNeverRoundedSilently() {
        assertThat(Money.ofDecimal(new BigDecimal("0.000000001"), "CNY").nanos()).isEqualTo(1);
        assertThatThrownBy(() -> Money.ofDecimal(new BigDecimal("0.0000000001"), "CNY"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.ERR_001));
    }

    @Test
    void decimalsOut_haveAtLeastTwoPlaces_andAllThatAreNeeded() {
        assertThat(Money.of(100, "CNY").toDecimal().toPlainString()).isEqualTo("100.00");
        assertThat(new Money(9_998_000_000L, "CNY").toDecimal().toPlainString()).isEqualTo("9.998");
        assertThat(new Money(2_000, "CNY").toDecimal().toPlainString()).isEqualTo("0.000002");
    }

    @Test
    void overflow_isAnError_neverAWrap() {
        Money max = new Money(Long.MAX_VALUE, "CNY");
        assertThatThrownBy(() -> max.plus(new Money(1, "CNY"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void differentCurrencies_doNotMix() {
        assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD"))).isInstanceOf(RuntimeException.class);
    }
}
