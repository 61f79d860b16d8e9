package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.UsageDetails;

import java.time.Instant;

/**
 * What one event means to the statistics, kept until its batch is written. {@code aggregateId}
 * and {@code sequence} make it idempotent (see {@link StatisticsWriter}).
 */
sealed interface StatisticsEvent {

    String aggregateId();

    long sequence();

    /** A charged call; {@code holdId} set for a gateway call (its open call is closed). */
    record Call(String aggregateId, long sequence, String holdId, UsageDetails usage, long spendNanos, Instant at)
            implements StatisticsEvent {
    }

    /** A gateway call's hold: the model it is for, until it is settled or released. */
    record Held(String aggregateId, long sequence, String holdId, String modelId) implements StatisticsEvent {
    }

    /** A hold given back: an error of its model when it was a gateway call's. */
    record Released(String aggregateId, long sequence, String holdId, Instant at) implements StatisticsEvent {
    }

    record Registered(String aggregateId, long sequence, Instant at) implements StatisticsEvent {
    }

    record ToppedUp(String aggregateId, long sequence, String userId, long nanos, Instant at)
            implements StatisticsEvent {
    }

    record Refunded(String aggregateId, long sequence, long nanos, Instant at) implements StatisticsEvent {
    }
}
