package ai.massrouter.projections.statistics;

import ai.massrouter.api.statistics.FindModelUsageQuery;
import ai.massrouter.api.statistics.FindUserUsageQuery;
import ai.massrouter.api.statistics.Granularity;
import ai.massrouter.api.statistics.ModelUsageBucket;
import ai.massrouter.api.statistics.ModelUsageView;
import ai.massrouter.api.statistics.ProviderUsage;
import ai.massrouter.api.statistics.UsageBucket;
import ai.massrouter.api.statistics.UsageRange;
import ai.massrouter.api.statistics.UsageSlice;
import ai.massrouter.api.statistics.UserUsageView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage of a model or of a user over a range of calendar days: sums of the hour or day buckets in
 * it (at most 1,000, checked by the caller), with every bucket of the range in the series.
 */
@Component
public class UsageQueries {

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;

    public UsageQueries(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Null for a model that is neither in the catalog nor in the statistics. */
    @QueryHandler
    public ModelUsageView modelUsage(FindModelUsageQuery query) {
        UsageRange range = query.range();
        String modelId = query.modelId().value();
        LocalDateTime from = range.startDate().atStartOfDay();
        LocalDateTime to = range.endDate().plusDays(1).atStartOfDay();
        Object[] args = {modelId, range.granularity().code(), from, to};
        Map<LocalDateTime, Map<String, Tally>> buckets = emptyBuckets(range);
        Map<String, Tally> providers = new TreeMap<>();
        Tally totals = new Tally();
        jdbc.query("SELECT * FROM stat_model_usage WHERE model_id = ? AND granularity = ? AND bucket >= ? "
                + "AND bucket < ?", rs -> {
            LocalDateTime bucket = rs.getTimestamp("bucket").toLocalDateTime();
            String provider = rs.getString("provider");
            long errors = rs.getLong("errors");
            totals.add(rs);
            totals.errors += errors;
            Map<String, Tally> inBucket = buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
            Tally tally = inBucket.computeIfAbsent(provider, p -> new Tally());
            tally.add(rs);
            tally.errors += errors;
            if (!provider.isEmpty()) {
                providers.computeIfAbsent(provider, p -> new Tally()).add(rs);
            }
        }, args);
        jdbc.query("SELECT bucket, provider, kind, bin, samples FROM stat_latency WHERE model_id = ? "
                + "AND granularity = ? AND bucket >= ? AND bucket < ?", rs -> {
            LocalDateTime bucket = rs.getTimestamp("bucket").toLocalDateTime();
            String provider = rs.getString("provider");
            buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).computeIfAbsent(provider, p -> new Tally())
                    .latency(rs.getString("kind"), rs.getInt("bin"), rs.getLong("samples"));
            providers.computeIfAbsent(provider, p -> new Tally())
                    .latency(rs.getString("kind"), rs.getInt("bin"), rs.getLong("samples"));
        }, args);
        Long users = jdbc.queryForObject("SELECT count(DISTINCT user_id) FROM stat_model_period_user "
                + "WHERE model_id = ? AND period = 'd' AND start_day >= ? AND start_day <= ?", Long.class,
                modelId, range.startDate(), range.endDate());
        if (totals.calls == 0 && totals.errors == 0 && !inCatalog(modelId)) {
            return null;
        }
        String currency = calendar.currency();
        List<ModelUsageBucket> series = new ArrayList<>();
        buckets.forEach((bucket, byProvider) -> {
            Tally sum = new Tally();
            byProvider.values().forEach(t -> {
                sum.calls += t.calls;
                sum.errors += t.errors;
                sum.promptTokens += t.promptTokens;
                sum.completionTokens += t.completionTokens;
                sum.spendNanos += t.spendNanos;
            });
            series.add(new ModelUsageBucket(calendar.instant(bucket), sum.totals(currency), sum.errors,
                    providerList(byProvider, currency)));
        });
        return new ModelUsageView(modelId, range.granularity(), calendar.instant(from), calendar.instant(to),
                totals.totals(currency), totals.errors, users == null ? 0 : users, providerList(providers, currency),
                series);
    }

    @QueryHandler
    public UserUsageView userUsage(FindUserUsageQuery query) {
        UsageRange range = query.range();
        LocalDateTime from = range.startDate().atStartOfDay();
        LocalDateTime to = range.endDate().plusDays(1).atStartOfDay();
        Map<LocalDateTime, Map<String, Tally>> buckets = emptyBuckets(range);
        Map<String, Tally> models = new TreeMap<>();
        Map<String, Tally> keys = new TreeMap<>();
        Tally totals = new Tally();
        jdbc.query("SELECT * FROM stat_user_usage WHERE user_id = ? AND granularity = ? AND bucket >= ? "
                + "AND bucket < ?", rs -> {
            totals.add(rs);
            buckets.computeIfAbsent(rs.getTimestamp("bucket").toLocalDateTime(), b -> new TreeMap<>())
                    .computeIfAbsent("", p -> new Tally()).add(rs);
            models.computeIfAbsent(rs.getString("model_id"), m -> new Tally()).add(rs);
            keys.computeIfAbsent(rs.getString("api_key_id"), k -> new Tally()).add(rs);
        }, query.userId().value(), range.granularity().code(), from, to);
        String currency = calendar.currency();
        List<UsageBucket> series = new ArrayList<>();
        buckets.forEach((bucket, all) -> series.add(new UsageBucket(calendar.instant(bucket),
                all.getOrDefault("", new Tally()).totals(currency))));
        return new UserUsageView(range.granularity(), calendar.instant(from), calendar.instant(to),
                totals.totals(currency), series, slices(models, currency), slices(keys, currency));
    }

    private static Map<LocalDateTime, Map<String, Tally>> emptyBuckets(UsageRange range) {
        Map<LocalDateTime, Map<String, Tally>> buckets = new TreeMap<>();
        LocalDateTime end = range.endDate().plusDays(1).atStartOfDay();
        for (LocalDateTime b = range.startDate().atStartOfDay(); b.isBefore(end);
             b = range.granularity() == Granularity.HOUR ? b.plusHours(1) : b.plusDays(1)) {
            buckets.put(b, new TreeMap<>());
        }
        return buckets;
    }

    private static List<ProviderUsage> providerList(Map<String, Tally> providers, String currency) {
        List<ProviderUsage> list = new ArrayList<>();
        providers.forEach((provider, tally) -> {
            if (!provider.isEmpty()) {
                list.add(new ProviderUsage(provider, tally.totals(currency), tally.latency()));
            }
        });
        return list;
    }

    /** By spend, then calls, then id. */
    private static List<UsageSlice> slices(Map<String, Tally> tallies, String currency) {
        Map<String, Tally> ordered = new LinkedHashMap<>();
        tallies.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Tally>>comparingLong(e -> -e.getValue().spendNanos)
                        .thenComparingLong(e -> -e.getValue().calls).thenComparing(Map.Entry::getKey))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered.entrySet().stream().map(e -> new UsageSlice(e.getKey(), e.getValue().totals(currency))).toList();
    }

    private boolean inCatalog(String modelId) {
        return !jdbc.queryForList("SELECT 1 FROM models_view WHERE model_id = ?", modelId).isEmpty();
    }
}
