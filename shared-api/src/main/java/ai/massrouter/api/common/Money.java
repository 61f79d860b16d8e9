package ai.massrouter.api.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * An exact amount: an integer count of nanos (10^-9 of the currency unit) and a currency code.
 * At this scale every catalog price per token is exact; a long holds up to ~9.2 billion units.
 * Arithmetic is exact ({@code Math.addExact}); the one rounding rule lives in {@link #ofDecimal}
 * (refuses what needs more than 9 places) and in the pricing code (half-up to the nano).
 */
public record Money(long nanos, String currency) implements Comparable<Money> {

    public static final int SCALE = 9;
    public static final long NANOS_PER_UNIT = 1_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static Money of(long units, String currency) {
        return new Money(Math.multiplyExact(units, NANOS_PER_UNIT), currency);
    }

    /** From a decimal such as 100.00; more than 9 decimal places is refused, never rounded. */
    public static Money ofDecimal(BigDecimal amount, String currency) {
        try {
            return new Money(amount.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new DomainException(ErrorCode.ERR_001, "Amount " + amount.toPlainString()
                    + " has more than " + SCALE + " decimal places or is too large", Map.of("amount", "not representable"));
        }
    }

    /** The exact decimal value, with at least 2 decimal places (100.00, 0.000002). */
    public BigDecimal toDecimal() {
        BigDecimal exact = BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
        return exact.scale() < 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : exact;
    }

    public Money plus(Money other) {
        ensureSameCurrency(other);
        return new Money(Math.addExact(nanos, other.nanos), currency);
    }

    public Money minus(Money other) {
        ensureSameCurrency(other);
        return new Money(Math.subtractExact(nanos, other.nanos), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(nanos), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @JsonIgnore
    public boolean isNegative() {
        return nanos < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return nanos == 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return nanos > 0;
    }

    public boolean exceeds(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        ensureSameCurrency(other);
        return Long.compare(nanos, other.nanos);
    }

    private void ensureSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new DomainException(ErrorCode.ERR_001, "Currency mismatch: " + currency + " vs " + other.currency,
                    Map.of("currency", "must be " + currency));
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
