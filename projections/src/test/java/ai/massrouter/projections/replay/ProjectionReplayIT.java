package ai.massrouter.projections.replay;

import ai.massrouter.projections.account.AccountProjection;
import ai.massrouter.projections.account.OpenHoldProjection;
import ai.massrouter.projections.generation.GenerationProjection;
import ai.massrouter.projections.model.ModelPriceProjection;
import ai.massrouter.projections.model.ModelProjection;
import ai.massrouter.projections.redemption.RedemptionCodeProjection;
import ai.massrouter.projections.statistics.StatisticsProjections;
import ai.massrouter.projections.support.CatalogLog;
import ai.massrouter.projections.support.EventPlayer;
import ai.massrouter.projections.support.ProjectionDatabase;
import ai.massrouter.projections.support.UsageLog;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model fed with the usage of a few users (interleaved accounts, holds settled and
 * released, batches of 7 that cut across them), or with what administrators write (models repriced,
 * redemption codes issued and redeemed): the same events applied twice change nothing, and a
 * rebuild (reset, then the whole log again, in batches of another size or one by one) gives the
 * same rows.
 */
class ProjectionReplayIT {

    private static final List<EventMessage<?>> LOG = UsageLog.of(4, 30);
    private static final List<EventMessage<?>> CATALOG = CatalogLog.of(4, 6, 3, 8);
    private static DataSource database;

    @BeforeAll
    static void database() {
        database = ProjectionDatabase.create();
    }

    static Stream<Arguments> projections() {
        return Stream.of(
                read("accounts", jdbc -> new Object[] {new AccountProjection(jdbc), new OpenHoldProjection(jdbc)},
                        "account_balances_view", "account_transactions_view", "open_holds_view"),
                read("models", jdbc -> new Object[] {new ModelProjection(jdbc)}, "model_calls_applied",
                        "model_popularity_view"),
                read("generations", jdbc -> new Object[] {new GenerationProjection(jdbc)}, "generations_view",
                        "generation_ledger_entries_view"),
                read("statistics", StatisticsProjections::of, "stat_applied", "stat_model_usage", "stat_latency",
                        "stat_model_period", "stat_model_period_user", "stat_user_usage", "stat_user_day",
                        "stat_user_totals", "stat_platform_day", "stat_open_calls"),
                read("model-prices", CATALOG, jdbc -> new Object[] {new ModelPriceProjection(jdbc)},
                        "model_prices_view"),
                read("redemption-codes", CATALOG, jdbc -> new Object[] {new RedemptionCodeProjection(jdbc)},
                        "redemption_codes_view"));
    }

    private static Arguments read(String name, Function<JdbcTemplate, Object[]> projections, String... tables) {
        return read(name, LOG, projections, tables);
    }

    private static Arguments read(String name, List<EventMessage<?>> log, Function<JdbcTemplate, Object[]> projections,
                                  String... tables) {
        return Arguments.of(name, log, projections, List.of(tables));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projections")
    void sameEventsTwice_changeNothing_andARebuildGivesTheSameRows(String name, List<EventMessage<?>> log,
                                                                   Function<JdbcTemplate, Object[]> projections,
                                                                   List<String> tables) {
        EventPlayer player = new EventPlayer(database, projections.apply(new JdbcTemplate(database)));
        player.reset();
        player.play(log, 7);
        Map<String, List<Map<String, Object>>> once = player.rows(tables);
        assertThat(once.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        player.play(log, 7);
        assertThat(player.rows(tables)).isEqualTo(once);
        player.play(log.subList(10, 60), 1);
        assertThat(player.rows(tables)).isEqualTo(once);

        player.reset();
        assertThat(player.rows(tables).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        player.play(log, 100);
        assertThat(player.rows(tables)).isEqualTo(once);

        player.reset();
        player.play(log, 1);
        assertThat(player.rows(tables)).isEqualTo(once);
    }
}
