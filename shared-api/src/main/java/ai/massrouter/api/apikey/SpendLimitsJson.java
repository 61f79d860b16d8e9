package ai.massrouter.api.apikey;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;

import java.math.BigDecimal;

/** Spend limits on the wire: exact decimals in the platform currency; a missing one is no limit. */
public record SpendLimitsJson(BigDecimal total, BigDecimal daily, BigDecimal monthly, String currency) {

    public SpendLimits toLimits(String platformCurrency) {
        if (currency != null && !currency.equals(platformCurrency)) {
            throw DomainException.invalid("spend_limit.currency", "must be " + platformCurrency);
        }
        return new SpendLimits(money("total", total, platformCurrency), money("daily", daily, platformCurrency),
                money("monthly", monthly, platformCurrency));
    }

    public static SpendLimitsJson of(SpendLimits limits, String platformCurrency) {
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        return new SpendLimitsJson(decimal(limits.total()), decimal(limits.daily()), decimal(limits.monthly()),
                platformCurrency);
    }

    private static Money money(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw DomainException.invalid("spend_limit." + field, "must not be negative");
        }
        return Money.ofDecimal(amount, currency);
    }

    private static BigDecimal decimal(Money money) {
        return money == null ? null : money.toDecimal();
    }
}
