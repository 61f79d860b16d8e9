package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.statistics.Latency;
import ai.massrouter.api.statistics.UsageTotals;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A running sum of usage rows (and, for a model's providers, of their latency histograms). */
final class Tally {

    long calls;
    long errors;
    long promptTokens;
    long completionTokens;
    long spendNanos;
    final LatencyHistogram firstToken = new LatencyHistogram();
    final LatencyHistogram total = new LatencyHistogram();

    void add(ResultSet rs) throws SQLException {
        calls += rs.getLong("calls");
        promptTokens += rs.getLong("prompt_tokens");
        completionTokens += rs.getLong("completion_tokens");
        spendNanos += rs.getLong("spend_nanos");
    }

    void latency(String kind, int bin, long samples) {
        (kind.equals("f") ? firstToken : total).add(bin, samples);
    }

    UsageTotals totals(String currency) {
        return new UsageTotals(calls, promptTokens, completionTokens, new Money(spendNanos, currency));
    }

    Latency latency() {
        return new Latency(total.samples(), firstToken.percentile(50), firstToken.percentile(95),
                total.percentile(50), total.percentile(95));
    }
}
