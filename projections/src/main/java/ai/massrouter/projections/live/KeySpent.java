package ai.massrouter.projections.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What one API key has spent, in nanos: in total, on {@code day} and in the month starting on
 * {@code month} (UTC, as the account aggregate counts a key's spend), up to the account's event
 * {@code lastSequence}. Immutable.
 */
record KeySpent(long lastSequence, long total, LocalDate day, long dayNanos, LocalDate month, long monthNanos) {

    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static LocalDate monthOf(Instant at) {
        return dayOf(at).withDayOfMonth(1);
    }

    /** The same spend seen at {@code at}: a new day or month starts from zero. */
    KeySpent at(Instant at) {
        LocalDate today = dayOf(at);
        LocalDate thisMonth = monthOf(at);
        return new KeySpent(lastSequence, total, today, today.equals(day) ? dayNanos : 0, thisMonth,
                thisMonth.equals(month) ? monthNanos : 0);
    }

    KeySpent charged(long amount, Instant at, long sequence) {
        KeySpent now = at(at);
        return new KeySpent(sequence, Math.addExact(total, amount), now.day, Math.addExact(now.dayNanos, amount),
                now.month, Math.addExact(now.monthNanos, amount));
    }
}
