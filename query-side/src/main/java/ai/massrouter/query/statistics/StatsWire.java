package ai.massrouter.query.statistics;

import ai.massrouter.api.statistics.Latency;
import ai.massrouter.api.statistics.ProviderUsage;
import ai.massrouter.api.statistics.UsageSlice;
import ai.massrouter.api.statistics.UsageTotals;

import java.math.BigDecimal;
import java.util.List;

/** The wire shapes shared by the statistics answers (snake_case by the application's Jackson). */
final class StatsWire {

    private StatsWire() {
    }

    record Totals(long calls, long promptTokens, long completionTokens, long totalTokens, BigDecimal spend,
                  String currency) {
    }

    record Slice(String id, long calls, long promptTokens, long completionTokens, long totalTokens,
                 BigDecimal spend, String currency) {
    }

    record LatencyMs(long samples, Long firstTokenP50, Long firstTokenP95, Long totalP50, Long totalP95) {
    }

    record Provider(String provider, long calls, long promptTokens, long completionTokens, BigDecimal spend,
                    String currency, LatencyMs latencyMs) {
    }

    static Totals totals(UsageTotals t) {
        return new Totals(t.calls(), t.promptTokens(), t.completionTokens(), t.promptTokens() + t.completionTokens(),
                t.spend().toDecimal(), t.spend().currency());
    }

    static Slice slice(UsageSlice s) {
        UsageTotals t = s.usage();
        return new Slice(s.id(), t.calls(), t.promptTokens(), t.completionTokens(),
                t.promptTokens() + t.completionTokens(), t.spend().toDecimal(), t.spend().currency());
    }

    static List<Provider> providers(List<ProviderUsage> providers) {
        return providers.stream().map(p -> {
            Latency l = p.latency();
            return new Provider(p.provider(), p.usage().calls(), p.usage().promptTokens(),
                    p.usage().completionTokens(), p.usage().spend().toDecimal(), p.usage().spend().currency(),
                    new LatencyMs(l.samples(), l.firstTokenP50(), l.firstTokenP95(), l.totalP50(), l.totalP95()));
        }).toList();
    }
}
