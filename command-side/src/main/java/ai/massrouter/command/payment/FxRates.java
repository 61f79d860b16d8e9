package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The currency rule of payments: an order in the platform currency credits its amount; an order
 * in another currency credits {@code amount × rate} at the rate configured for it
 * ({@code MASSROUTER_FX_RATES=USD:7.10,EUR:7.75}), recorded in the order's event; a currency
 * without a rate is refused. Rates have at most 6 decimals and amounts at most the currency's
 * minor units, so every conversion is exact in nanos: nothing is rounded.
 */
public final class FxRates {

    static final int MAX_RATE_SCALE = 6;

    private final String platformCurrency;
    private final Map<String, BigDecimal> rates;

    public FxRates(String platformCurrency, String spec) {
        this.platformCurrency = platformCurrency;
        this.rates = parse(spec == null ? "" : spec);
    }

    private static Map<String, BigDecimal> parse(String spec) {
        Map<String, BigDecimal> parsed = new HashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            BigDecimal rate = parts.length == 2 ? new BigDecimal(parts[1].trim()) : null;
            if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
                throw new IllegalArgumentException("MASSROUTER_FX_RATES entry '" + entry
                        + "' must be CODE:RATE with a positive rate of at most 6 decimals");
            }
            parsed.put(Currency.getInstance(parts[0].trim()).getCurrencyCode(), rate.stripTrailingZeros());
        }
        return Map.copyOf(parsed);
    }

    /** The platform currency first, then every currency with a configured rate. */
    public java.util.List<String> currencies() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(platformCurrency);
        rates.keySet().stream().sorted().filter(c -> !c.equals(platformCurrency)).forEach(all::add);
        return all;
    }

    public String platformCurrency() {
        return platformCurrency;
    }

    /** The rate from {@code currency} to the platform currency, or a clear refusal naming the setting. */
    public BigDecimal rateOf(String currency) {
        if (currency.equals(platformCurrency)) {
            return BigDecimal.ONE;
        }
        return Optional.ofNullable(rates.get(currency)).orElseThrow(() -> new DomainException(ErrorCode.ERR_001,
                "Payments in " + currency + " are not accepted: the platform currency is " + platformCurrency
                        + " and no exchange rate is configured for " + currency + " (MASSROUTER_FX_RATES="
                        + currency + ":<rate>)", Map.of("currency", "no exchange rate configured for " + currency)));
    }

    /** An order amount: a known currency, positive, with no more decimals than the currency has. */
    public static Money orderAmount(BigDecimal amount, String currency) {
        Currency code;
        try {
            code = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", "must be an ISO-4217 code such as CNY");
        }
        if (amount.signum() <= 0) {
            throw DomainException.invalid("amount", "must be positive");
        }
        if (amount.stripTrailingZeros().scale() > Math.max(0, code.getDefaultFractionDigits())) {
            throw DomainException.invalid("amount", "has more decimals than " + currency + " allows ("
                    + code.getDefaultFractionDigits() + ")");
        }
        return Money.ofDecimal(amount, currency);
    }

    /** {@code amount × rate} in {@code target}: exact, see the class comment. */
    public static Money convert(Money amount, BigDecimal rate, String target) {
        return Money.ofDecimal(amount.toDecimal().multiply(rate), target);
    }

    /** An amount in the currency's minor units (cents, fen), as providers' APIs count it. */
    public static long minorUnits(Money amount) {
        int digits = Math.max(0, Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        return amount.toDecimal().movePointRight(digits).longValueExact();
    }

    public static Money fromMinorUnits(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return Money.ofDecimal(BigDecimal.valueOf(minor).movePointLeft(digits), currency);
    }
}
