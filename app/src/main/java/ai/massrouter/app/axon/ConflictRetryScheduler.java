package ai.massrouter.app.axon;

import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.AxonTransientException;

/**
 * Retries a command only when it lost a race that a second attempt can win: another node appended
 * to the same aggregate first (a {@code ConcurrencyException}; the stale cached aggregate is
 * dropped on rollback, so the retry reloads it), or recorded the same operation id first. A
 * business refusal ({@code BILL_001}, validation) is never retried: Axon's default retries every
 * exception that is not explicitly non-transient.
 */
final class ConflictRetryScheduler extends ExponentialBackOffIntervalRetryScheduler {

    ConflictRetryScheduler(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return false;
            }
        }
        return true;
    }
}
