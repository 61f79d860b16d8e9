package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.statistics.StatsPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds one charged call to every bucket it belongs to, in one statement (one round trip per call
 * during a replay): the model's hour and day, the leaderboard's four periods (a user counted once
 * per period), the user's hour and day per model and key, the user's day and totals, the platform's day.
 */
@Component
class UsageBuckets {

    private static final String ADD_CALL = """
            WITH mu AS (
                INSERT INTO stat_model_usage AS s (model_id, granularity, bucket, provider, calls, prompt_tokens,
                    completion_tokens, spend_nanos)
                VALUES (?, 'h', ?, ?, 1, ?, ?, ?), (?, 'd', ?, ?, 1, ?, ?, ?)
                ON CONFLICT (model_id, granularity, bucket, provider) DO UPDATE SET calls = s.calls + 1,
                    prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                    spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos),
            pu AS (
                INSERT INTO stat_model_period_user (period, start_day, model_id, user_id)
                VALUES ('d', ?, ?, ?), ('w', ?, ?, ?), ('m', ?, ?, ?), ('y', ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING period),
            mp AS (
                INSERT INTO stat_model_period AS s (period, start_day, model_id, category, calls, prompt_tokens,
                    completion_tokens, spend_nanos, users)
                SELECT v.period, v.start_day, ?, ?, 1, ?, ?, ?, (SELECT count(*) FROM pu WHERE pu.period = v.period)
                FROM (VALUES ('d', ?::date), ('w', ?::date), ('m', ?::date), ('y', ?::date)) AS v (period, start_day)
                ON CONFLICT (period, start_day, model_id) DO UPDATE SET category = EXCLUDED.category,
                    calls = s.calls + 1, prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                    spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos, users = s.users + EXCLUDED.users),
            uu AS (
                INSERT INTO stat_user_usage AS s (user_id, granularity, bucket, model_id, api_key_id, calls,
                    prompt_tokens, completion_tokens, spend_nanos)
                VALUES (?, 'h', ?, ?, ?, 1, ?, ?, ?), (?, 'd', ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (user_id, granularity, bucket, model_id, api_key_id) DO UPDATE SET calls = s.calls + 1,
                    prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                    spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos),
            ud AS (
                INSERT INTO stat_user_day AS s (day, user_id, calls, prompt_tokens, completion_tokens, spend_nanos)
                VALUES (?, ?, 1, ?, ?, ?)
                ON CONFLICT (day, user_id) DO UPDATE SET calls = s.calls + 1,
                    prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                    spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos),
            ut AS (
                INSERT INTO stat_user_totals AS s (user_id, spend_nanos, calls) VALUES (?, ?, 1)
                ON CONFLICT (user_id) DO UPDATE SET spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos,
                    calls = s.calls + 1)
            INSERT INTO stat_platform_day AS s (day, calls, prompt_tokens, completion_tokens, spend_nanos)
            VALUES (?, 1, ?, ?, ?)
            ON CONFLICT (day) DO UPDATE SET calls = s.calls + 1,
                prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos""";

    private static final String ADD_ERROR = """
            WITH mu AS (
                INSERT INTO stat_model_usage AS s (model_id, granularity, bucket, provider, errors)
                VALUES (?, 'h', ?, '', 1), (?, 'd', ?, '', 1)
                ON CONFLICT (model_id, granularity, bucket, provider) DO UPDATE SET errors = s.errors + 1)
            INSERT INTO stat_platform_day AS s (day, errors) VALUES (?, 1)
            ON CONFLICT (day) DO UPDATE SET errors = s.errors + 1""";

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;

    UsageBuckets(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    void addCall(UsageDetails usage, long spendNanos, Instant at) {
        LocalDateTime local = calendar.local(at);
        LocalDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        LocalDateTime dayStart = local.truncatedTo(ChronoUnit.DAYS);
        LocalDate day = local.toLocalDate();
        String model = usage.modelId();
        String provider = usage.provider() == null ? "unknown" : usage.provider();
        String user = usage.userId().value();
        String key = usage.apiKeyId() == null ? "" : usage.apiKeyId();
        long prompt = usage.promptTokens();
        long completion = usage.completionTokens();
        List<Object> args = new ArrayList<>(List.of(
                model, hour, provider, prompt, completion, spendNanos,
                model, dayStart, provider, prompt, completion, spendNanos));
        for (StatsPeriod period : StatsPeriod.values()) {
            args.addAll(List.of(period.start(day), model, user));
        }
        args.addAll(List.of(model, usage.category() == null ? "" : usage.category(), prompt, completion, spendNanos));
        for (StatsPeriod period : StatsPeriod.values()) {
            args.add(period.start(day));
        }
        args.addAll(List.of(
                user, hour, model, key, prompt, completion, spendNanos,
                user, dayStart, model, key, prompt, completion, spendNanos,
                day, user, prompt, completion, spendNanos,
                user, spendNanos,
                day, prompt, completion, spendNanos));
        jdbc.update(ADD_CALL, args.toArray());
        addTimings(model, provider, hour, dayStart, usage.timings());
    }

    private void addTimings(String model, String provider, LocalDateTime hour, LocalDateTime dayStart,
                            CallTimings timings) {
        if (timings == null) {
            return;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (String granularity : List.of("h", "d")) {
            LocalDateTime bucket = granularity.equals("h") ? hour : dayStart;
            sample(values, args, model, granularity, bucket, provider, "f", timings.firstTokenMillis());
            sample(values, args, model, granularity, bucket, provider, "t", timings.totalMillis());
        }
        if (args.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO stat_latency AS s (model_id, granularity, bucket, provider, kind, bin, samples) "
                + "VALUES " + values + " ON CONFLICT (model_id, granularity, bucket, provider, kind, bin) "
                + "DO UPDATE SET samples = s.samples + 1", args.toArray());
    }

    private static void sample(StringBuilder values, List<Object> args, String model, String granularity,
                               LocalDateTime bucket, String provider, String kind, Long millis) {
        if (millis == null || millis < 0) {
            return;
        }
        values.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 1)");
        args.addAll(List.of(model, granularity, bucket, provider, kind, LatencyHistogram.bin(millis)));
    }

    void addError(String model, Instant at) {
        LocalDateTime local = calendar.local(at);
        jdbc.update(ADD_ERROR, model, local.truncatedTo(ChronoUnit.HOURS), model, local.truncatedTo(ChronoUnit.DAYS),
                local.toLocalDate());
    }
}
