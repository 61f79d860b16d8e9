package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.statistics.StatsPeriod;
import ai.massrouter.projections.statistics.StatisticsEvent.Call;
import ai.massrouter.projections.statistics.StatisticsEvent.Held;
import ai.massrouter.projections.statistics.StatisticsEvent.Refunded;
import ai.massrouter.projections.statistics.StatisticsEvent.Registered;
import ai.massrouter.projections.statistics.StatisticsEvent.Released;
import ai.massrouter.projections.statistics.StatisticsEvent.ToppedUp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of statistics events. Idempotent: an event at or below its aggregate's
 * {@code stat_applied.last_sequence} is skipped, and the new last sequences are written in the
 * same transaction. Then every bucket a call belongs to grows: the model's hour and day (per
 * provider, with latency bins), the leaderboard's four periods (a user counted once per period),
 * the user's hour and day per model and key, the user's day and totals, the platform's day.
 */
@Component
class StatisticsWriter {

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;
    private final KnownPeriodUsers knownPeriodUsers = new KnownPeriodUsers(200_000);

    StatisticsWriter(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /**
     * Writes the batch in the current transaction; returns what to run once it is committed (the
     * leaderboard user rows it wrote become known, see {@link KnownPeriodUsers}).
     */
    Runnable write(List<StatisticsEvent> events) {
        List<StatisticsEvent> fresh = fresh(events);
        if (fresh.isEmpty()) {
            return () -> { };
        }
        long generation = jdbc.queryForObject("SELECT generation FROM stat_generation WHERE id = 1", Long.class);
        knownPeriodUsers.generation(generation);
        Map<List<String>, String> open = openCalls(fresh);
        Map<List<String>, String> opened = new LinkedHashMap<>();
        Set<List<String>> closed = new LinkedHashSet<>();
        Buckets buckets = new Buckets();
        for (StatisticsEvent event : fresh) {
            if (event instanceof Held h) {
                open.put(List.of(h.aggregateId(), h.holdId()), h.modelId());
                opened.put(List.of(h.aggregateId(), h.holdId()), h.modelId());
            } else if (event instanceof Call c) {
                if (c.holdId() != null) {
                    close(List.of(c.aggregateId(), c.holdId()), open, opened, closed);
                }
                buckets.call(c.usage(), c.spendNanos(), calendar.local(c.at()));
            } else if (event instanceof Released r) {
                String model = close(List.of(r.aggregateId(), r.holdId()), open, opened, closed);
                if (model != null) {
                    buckets.error(model, calendar.local(r.at()));
                }
            } else if (event instanceof Registered r) {
                buckets.platformDay(r.at(), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            } else if (event instanceof ToppedUp t) {
                buckets.userTotals.add(List.of(t.userId()), t.nanos(), 0, 0);
                buckets.platformDay(t.at(), 0, 1, t.nanos(), 0, 0, 0, 0, 0, 0, 0);
            } else if (event instanceof Refunded r) {
                buckets.platformDay(r.at(), 0, 0, 0, 1, r.nanos(), 0, 0, 0, 0, 0);
            }
        }
        writeOpenCalls(opened, closed);
        buckets.write();
        Set<List<Object>> written = buckets.periodUsers;
        return () -> knownPeriodUsers.learn(written, generation);
    }

    /** The events not applied before, in order; remembers the last sequence of each aggregate. */
    private List<StatisticsEvent> fresh(List<StatisticsEvent> events) {
        String[] aggregates = events.stream().map(StatisticsEvent::aggregateId).distinct().toArray(String[]::new);
        Map<String, Long> last = new HashMap<>();
        jdbc.query("SELECT aggregate_id, last_sequence FROM stat_applied WHERE aggregate_id = ANY (?)",
                rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                }, (Object) aggregates);
        Map<String, Long> applied = new LinkedHashMap<>();
        List<StatisticsEvent> fresh = new ArrayList<>();
        for (StatisticsEvent event : events) {
            if (event.sequence() > last.getOrDefault(event.aggregateId(), -1L)) {
                last.put(event.aggregateId(), event.sequence());
                applied.put(event.aggregateId(), event.sequence());
                fresh.add(event);
            }
        }
        if (!applied.isEmpty()) {
            jdbc.update("""
                    INSERT INTO stat_applied AS s (aggregate_id, last_sequence)
                    SELECT * FROM unnest(?::text[], ?::bigint[])
                    ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                    WHERE s.last_sequence < EXCLUDED.last_sequence""",
                    applied.keySet().toArray(String[]::new), applied.values().toArray(Long[]::new));
        }
        return fresh;
    }

    /** The models of the open gateway calls that this batch settles or releases, from earlier batches. */
    private Map<List<String>, String> openCalls(List<StatisticsEvent> events) {
        List<String> accounts = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        for (StatisticsEvent event : events) {
            String hold = event instanceof Call c ? c.holdId() : event instanceof Released r ? r.holdId() : null;
            if (hold != null) {
                accounts.add(event.aggregateId());
                holds.add(hold);
            }
        }
        Map<List<String>, String> open = new HashMap<>();
        if (!holds.isEmpty()) {
            // one key probe per hold (OFFSET 0 keeps the planner from turning it into a scan of the table)
            jdbc.query("SELECT o.account_id, o.hold_id, o.model_id FROM unnest(?::text[], ?::text[]) AS k (account_id, hold_id) "
                    + "CROSS JOIN LATERAL (SELECT * FROM stat_open_calls c WHERE c.account_id = k.account_id "
                    + "AND c.hold_id = k.hold_id OFFSET 0) o", rs -> {
                open.put(List.of(rs.getString(1), rs.getString(2)), rs.getString(3));
            }, accounts.toArray(String[]::new), holds.toArray(String[]::new));
        }
        return open;
    }

    private static String close(List<String> key, Map<List<String>, String> open, Map<List<String>, String> opened,
                                Set<List<String>> closed) {
        String model = open.remove(key);
        if (model != null && opened.remove(key) == null) {
            closed.add(key);
        }
        return model;
    }

    private void writeOpenCalls(Map<List<String>, String> opened, Set<List<String>> closed) {
        if (!closed.isEmpty()) {
            jdbc.update("DELETE FROM stat_open_calls o USING unnest(?::text[], ?::text[]) AS k (account_id, hold_id) "
                    + "WHERE o.account_id = k.account_id AND o.hold_id = k.hold_id",
                    closed.stream().map(k -> k.get(0)).toArray(String[]::new),
                    closed.stream().map(k -> k.get(1)).toArray(String[]::new));
        }
        if (!opened.isEmpty()) {
            jdbc.update("INSERT INTO stat_open_calls (account_id, hold_id, model_id) "
                    + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING",
                    opened.keySet().stream().map(k -> k.get(0)).toArray(String[]::new),
                    opened.keySet().stream().map(k -> k.get(1)).toArray(String[]::new),
                    opened.values().toArray(String[]::new));
        }
    }

    /** The sums of one batch, per table. */
    private final class Buckets {

        final Deltas modelUsage = new Deltas("stat_model_usage",
                List.of("model_id text", "granularity text", "bucket timestamp", "provider text"),
                List.of("calls", "errors", "prompt_tokens", "completion_tokens", "spend_nanos"));
        final Deltas latency = new Deltas("stat_latency", List.of("model_id text", "granularity text",
                "bucket timestamp", "provider text", "kind text", "bin smallint"), List.of("samples"));
        final Deltas periods = new Deltas("stat_model_period",
                List.of("period text", "start_day date", "model_id text", "category text"),
                List.of("calls", "prompt_tokens", "completion_tokens", "spend_nanos"));
        final Set<List<Object>> periodUsers = new LinkedHashSet<>();
        final Deltas userUsage = new Deltas("stat_user_usage", List.of("user_id text", "granularity text",
                "bucket timestamp", "model_id text", "api_key_id text"),
                List.of("calls", "prompt_tokens", "completion_tokens", "spend_nanos"));
        final Deltas userDay = new Deltas("stat_user_day", List.of("day date", "user_id text"),
                List.of("calls", "prompt_tokens", "completion_tokens", "spend_nanos"));
        final Deltas userTotals = new Deltas("stat_user_totals", List.of("user_id text"),
                List.of("top_up_nanos", "spend_nanos", "calls"));
        final Deltas platformDays = new Deltas("stat_platform_day", List.of("day date"), List.of("new_users",
                "top_ups", "top_up_nanos", "refunds", "refund_nanos", "calls", "errors", "prompt_tokens",
                "completion_tokens", "spend_nanos"));

        void call(UsageDetails usage, long spend, LocalDateTime local) {
            LocalDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
            LocalDateTime dayStart = local.truncatedTo(ChronoUnit.DAYS);
            LocalDate day = local.toLocalDate();
            String model = ModelId.valueOf(usage.modelId());
            String provider = usage.provider() == null ? "unknown" : usage.provider();
            String user = usage.userId().value();
            String key = usage.apiKeyId() == null ? "" : usage.apiKeyId().value();
            long prompt = usage.promptTokens();
            long completion = usage.completionTokens();
            modelUsage.add(List.of(model, "h", hour, provider), 1, 0, prompt, completion, spend);
            modelUsage.add(List.of(model, "d", dayStart, provider), 1, 0, prompt, completion, spend);
            timings(model, provider, hour, dayStart, usage.timings());
            for (StatsPeriod period : StatsPeriod.values()) {
                LocalDate start = period.start(day);
                periods.add(List.of(period.code(), start, model, usage.category() == null ? "" : usage.category()),
                        1, prompt, completion, spend);
                List<Object> periodUser = List.of(period.code(), start, model, user);
                if (!knownPeriodUsers.known(periodUser)) {
                    periodUsers.add(periodUser);
                }
            }
            userUsage.add(List.of(user, "h", hour, model, key), 1, prompt, completion, spend);
            userUsage.add(List.of(user, "d", dayStart, model, key), 1, prompt, completion, spend);
            userDay.add(List.of(day, user), 1, prompt, completion, spend);
            userTotals.add(List.of(user), 0, spend, 1);
            platformDays.add(List.of(day), 0, 0, 0, 0, 0, 1, 0, prompt, completion, spend);
        }

        private void timings(String model, String provider, LocalDateTime hour, LocalDateTime dayStart,
                             CallTimings timings) {
            if (timings == null) {
                return;
            }
            for (String granularity : List.of("h", "d")) {
                LocalDateTime bucket = granularity.equals("h") ? hour : dayStart;
                if (timings.firstTokenMillis() != null && timings.firstTokenMillis() >= 0) {
                    latency.add(List.of(model, granularity, bucket, provider, "f",
                            LatencyHistogram.bin(timings.firstTokenMillis())), 1);
                }
                if (timings.totalMillis() != null && timings.totalMillis() >= 0) {
                    latency.add(List.of(model, granularity, bucket, provider, "t",
                            LatencyHistogram.bin(timings.totalMillis())), 1);
                }
            }
        }

        void error(String model, LocalDateTime local) {
            modelUsage.add(List.of(model, "h", local.truncatedTo(ChronoUnit.HOURS), ""), 0, 1, 0, 0, 0);
            modelUsage.add(List.of(model, "d", local.truncatedTo(ChronoUnit.DAYS), ""), 0, 1, 0, 0, 0);
            platformDays.add(List.of(local.toLocalDate()), 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        }

        void platformDay(Instant at, long... counters) {
            platformDays.add(List.of(calendar.local(at).toLocalDate()), counters);
        }

        void write() {
            modelUsage.write(jdbc);
            latency.write(jdbc);
            writePeriods();
            userUsage.write(jdbc);
            userDay.write(jdbc);
            userTotals.write(jdbc);
            platformDays.write(jdbc);
        }

        /**
         * The leaderboard's rows; {@code users} grows by the (period, model, user) rows that are new.
         * A model's category is the one of its latest call (one row per period and model).
         */
        private void writePeriods() {
            if (periods.rows().isEmpty()) {
                return;
            }
            Map<List<Object>, long[]> rows = new LinkedHashMap<>();
            Map<List<Object>, Object> categories = new HashMap<>();
            periods.rows().forEach((key, sums) -> {
                List<Object> row = key.subList(0, 3);
                categories.put(row, key.get(3));
                long[] total = rows.computeIfAbsent(row, r -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    total[i] += sums[i];
                }
            });
            jdbc.update("""
                    WITH pu AS (
                        INSERT INTO stat_model_period_user (period, start_day, model_id, user_id)
                        SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING
                        RETURNING period, start_day, model_id),
                    n AS (SELECT period, start_day, model_id, count(*) AS users FROM pu
                          GROUP BY period, start_day, model_id)
                    INSERT INTO stat_model_period AS s (period, start_day, model_id, category, calls, prompt_tokens,
                        completion_tokens, spend_nanos, users)
                    SELECT v.period, v.start_day, v.model_id, v.category, v.calls, v.prompt_tokens,
                        v.completion_tokens, v.spend_nanos, COALESCE(n.users, 0)
                    FROM unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[]) AS v (period, start_day, model_id, category, calls, prompt_tokens,
                        completion_tokens, spend_nanos)
                    LEFT JOIN n ON n.period = v.period AND n.start_day = v.start_day AND n.model_id = v.model_id
                    ON CONFLICT (period, start_day, model_id) DO UPDATE SET category = EXCLUDED.category,
                        calls = s.calls + EXCLUDED.calls, prompt_tokens = s.prompt_tokens + EXCLUDED.prompt_tokens,
                        completion_tokens = s.completion_tokens + EXCLUDED.completion_tokens,
                        spend_nanos = s.spend_nanos + EXCLUDED.spend_nanos, users = s.users + EXCLUDED.users""",
                    column(periodUsers, 0), column(periodUsers, 1), column(periodUsers, 2), column(periodUsers, 3),
                    column(rows.keySet(), 0), column(rows.keySet(), 1), column(rows.keySet(), 2),
                    rows.keySet().stream().map(k -> String.valueOf(categories.get(k))).toArray(String[]::new),
                    sums(rows, 0), sums(rows, 1), sums(rows, 2), sums(rows, 3));
        }
    }

    private static String[] column(Set<List<Object>> keys, int index) {
        return keys.stream().map(k -> String.valueOf(k.get(index))).toArray(String[]::new);
    }

    private static Long[] sums(Map<List<Object>, long[]> rows, int index) {
        return rows.values().stream().map(v -> v[index]).toArray(Long[]::new);
    }
}
