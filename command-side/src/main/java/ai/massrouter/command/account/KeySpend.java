package ai.massrouter.command.account;

import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What one API key has spent (in total, this UTC day, this UTC month) and holds in flight,
 * in nanos. Immutable: every change returns a new value.
 */
record KeySpend(long total, long day, long dayTotal, long month, long monthTotal, long held) {

    static final KeySpend NONE = new KeySpend(0, 0, 0, 0, 0, 0);

    /** The same spend seen at {@code at}: a new day or month starts from zero. */
    KeySpend at(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        long today = date.toEpochDay();
        long thisMonth = date.getYear() * 12L + date.getMonthValue();
        return new KeySpend(total, today, today == day ? dayTotal : 0, thisMonth,
                thisMonth == month ? monthTotal : 0, held);
    }

    KeySpend charged(long amount, Instant at) {
        KeySpend now = at(at);
        return new KeySpend(Math.addExact(now.total, amount), now.day, Math.addExact(now.dayTotal, amount), now.month,
                Math.addExact(now.monthTotal, amount), now.held);
    }

    KeySpend holding(long delta) {
        return new KeySpend(total, day, dayTotal, month, monthTotal, Math.addExact(held, delta));
    }

    /** The spend policy: what was spent, what is held and the new amount must fit every limit of the key. */
    void ensureWithin(SpendLimits limits, Money amount, Instant at) {
        if (limits == null || limits.isEmpty()) {
            return;
        }
        KeySpend now = at(at);
        check("total", limits.total(), now.total, amount);
        check("daily", limits.daily(), now.dayTotal, amount);
        check("monthly", limits.monthly(), now.monthTotal, amount);
    }

    private void check(String period, Money limit, long spent, Money amount) {
        if (limit == null) {
            return;
        }
        long wanted = Math.addExact(Math.addExact(spent, held), amount.nanos());
        if (wanted > limit.nanos()) {
            throw new DomainException(ErrorCode.BILL_001, "The API key's " + period + " spend limit of " + limit
                    + " would be exceeded", Map.of("api_key", period + " spend limit " + limit.toDecimal().toPlainString()
                    + " reached"));
        }
    }
}
