package ai.massrouter.query.statistics;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.model.ModelCategory;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.statistics.FindLeaderboardQuery;
import ai.massrouter.api.statistics.FindModelUsageQuery;
import ai.massrouter.api.statistics.FindUserUsageQuery;
import ai.massrouter.api.statistics.LeaderboardMetric;
import ai.massrouter.api.statistics.LeaderboardView;
import ai.massrouter.api.statistics.ModelUsageView;
import ai.massrouter.api.statistics.StatsPeriod;
import ai.massrouter.api.statistics.UserUsageView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of the API document. The leaderboard is public (like the model list); a model's
 * usage needs a signed-in caller (any user); a user's usage is the caller's own. Model ids contain a slash: {@code /statistics/models/openai/gpt-4o/usage}.
 */
@RestController
public class StatisticsQueryController {

    private final ReadYourWrites reads;
    private final UsageRanges ranges;

    public StatisticsQueryController(ReadYourWrites reads, UsageRanges ranges) {
        this.reads = reads;
        this.ranges = ranges;
    }

    @GetMapping("/api/v1/statistics/leaderboard")
    public Leaderboard leaderboard(@RequestParam(defaultValue = "day") String period,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(defaultValue = "10") int limit,
                                   @RequestParam(defaultValue = "calls") String metric,
                                   @RequestParam(required = false) String date) {
        StatsPeriod statsPeriod = StatsPeriod.fromWire(period)
                .orElseThrow(() -> DomainException.invalid("period", "must be one of day, week, month, year"));
        LeaderboardMetric rankBy = LeaderboardMetric.fromWire(metric)
                .orElseThrow(() -> DomainException.invalid("metric", "must be one of calls, tokens, spend"));
        if (category != null && ModelCategory.fromWire(category).isEmpty()) {
            throw DomainException.invalid("category",
                    "must be one of chat, code, reasoning, vision, embedding, image, audio");
        }
        if (limit < 1 || limit > 100) {
            throw DomainException.invalid("limit", "must be between 1 and 100");
        }
        LocalDate day = date == null ? ranges.today() : ranges.date("date", date);
        LeaderboardView view = reads.ask(new FindLeaderboardQuery(statsPeriod, day, category, rankBy, limit),
                LeaderboardView.class).orElseThrow();
        return new Leaderboard(view.period().wireName(), view.metric().wireName(), view.category(), view.start(),
                view.end(), view.items().stream().map(e -> new Entry(e.rank(), e.modelId(), e.name(), e.provider(),
                e.category(), e.usage().calls(), e.usage().promptTokens(), e.usage().completionTokens(),
                e.usage().promptTokens() + e.usage().completionTokens(), e.usage().spend().toDecimal(),
                e.usage().spend().currency(), e.users(), e.rankChange())).toList());
    }

    @GetMapping("/api/v1/statistics/models/{provider}/{name}/usage")
    public ModelUsage modelUsage(Caller caller, @PathVariable String provider, @PathVariable String name,
                                 @RequestParam(required = false) String granularity,
                                 @RequestParam(name = "start_date", required = false) String startDate,
                                 @RequestParam(name = "end_date", required = false) String endDate) {
        String modelId = provider + "/" + name;
        ModelUsageView view = reads.ask(new FindModelUsageQuery(ModelId.of(modelId), ranges.range(granularity, startDate,
                endDate)), ModelUsageView.class).orElseThrow(() -> DomainException.notFound("Model " + modelId));
        long attempts = view.totals().calls() + view.errors();
        return new ModelUsage(view.modelId(), view.granularity().wireName(), view.start(), view.end(),
                StatsWire.totals(view.totals()), view.errors(), errorRate(view.errors(), attempts), view.users(),
                StatsWire.providers(view.providers()), view.series().stream().map(b -> new ModelBucket(b.start(),
                        b.usage().calls(), b.usage().promptTokens(), b.usage().completionTokens(),
                        b.usage().spend().toDecimal(), b.errors(), StatsWire.providers(b.providers()))).toList());
    }

    @GetMapping("/api/v1/statistics/users/me/usage")
    public UserUsage myUsage(Caller caller, @RequestParam(required = false) String granularity,
                             @RequestParam(name = "start_date", required = false) String startDate,
                             @RequestParam(name = "end_date", required = false) String endDate) {
        UserUsageView view = reads.ask(new FindUserUsageQuery(caller.userId(), ranges.range(granularity, startDate,
                endDate)), UserUsageView.class).orElseThrow();
        return new UserUsage(view.granularity().wireName(), view.start(), view.end(), StatsWire.totals(view.totals()),
                view.series().stream().map(b -> new UserBucket(b.start(), b.usage().calls(), b.usage().promptTokens(),
                        b.usage().completionTokens(), b.usage().spend().toDecimal())).toList(),
                view.byModel().stream().map(StatsWire::slice).toList(),
                view.byKey().stream().map(StatsWire::slice).toList());
    }

    /** Failed gateway calls among all calls, 4 decimal places; null without calls. */
    private static BigDecimal errorRate(long errors, long attempts) {
        return attempts == 0 ? null : BigDecimal.valueOf(errors).divide(BigDecimal.valueOf(attempts), 4,
                java.math.RoundingMode.HALF_UP);
    }

    public record Entry(int rank, String modelId, String name, String provider, String category, long calls,
                        long promptTokens, long completionTokens, long totalTokens, BigDecimal spend, String currency,
                        long users, Integer rankChange) {
    }

    public record Leaderboard(String period, String metric, String category, Instant start, Instant end,
                              List<Entry> items) {
    }

    public record ModelBucket(Instant start, long calls, long promptTokens, long completionTokens, BigDecimal spend,
                              long errors, List<StatsWire.Provider> providers) {
    }

    public record ModelUsage(String modelId, String granularity, Instant start, Instant end, StatsWire.Totals totals,
                             long errors, BigDecimal errorRate, long users, List<StatsWire.Provider> providers,
                             List<ModelBucket> series) {
    }

    public record UserBucket(Instant start, long calls, long promptTokens, long completionTokens, BigDecimal spend) {
    }

    public record UserUsage(String granularity, Instant start, Instant end, StatsWire.Totals totals,
                            List<UserBucket> series, List<StatsWire.Slice> byModel, List<StatsWire.Slice> byKey) {
    }
}
