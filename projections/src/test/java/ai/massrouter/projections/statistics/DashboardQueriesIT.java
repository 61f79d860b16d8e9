package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.statistics.DashboardView;
import ai.massrouter.api.statistics.FindDashboardQuery;
import ai.massrouter.api.user.UserId;
import ai.massrouter.projections.support.EventPlayer;
import ai.massrouter.projections.support.ProjectionDatabase;
import ai.massrouter.projections.support.UsageLog;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard answers exactly what summing every window's days answers ({@link DashboardByScan}),
 * on every day of a log and after it, and still does after a late call changes a day before today
 * (its sums of the days before today are kept between reads).
 */
class DashboardQueriesIT {

    private static final StatisticsCalendar CALENDAR = new StatisticsCalendar("Asia/Shanghai", BillingSettings.defaults());
    private static JdbcTemplate jdbc;
    private static EventPlayer player;

    @BeforeAll
    static void log() {
        DataSource database = ProjectionDatabase.create();
        jdbc = new JdbcTemplate(database);
        player = new EventPlayer(database, StatisticsProjections.of(jdbc));
        player.play(UsageLog.of(5, 40), 10);
        jdbc.update("INSERT INTO users_view (user_id, email, username, role, status, created_at, updated_at) "
                + "VALUES ('usr_log1', 'one@example.com', 'one', 'USER', 'ACTIVE', now(), now())");
    }

    @Test
    void everyDay_answersWhatSummingTheDaysAnswers() {
        DashboardQueries queries = new DashboardQueries(jdbc, CALENDAR);
        DashboardByScan scan = new DashboardByScan(jdbc, CALENDAR);
        for (LocalDate today = LocalDate.parse("2026-02-28"); today.isBefore(LocalDate.parse("2026-04-20"));
             today = today.plusDays(1)) {
            FindDashboardQuery query = new FindDashboardQuery(today);
            DashboardView view = queries.dashboard(query);
            assertThat(view).isEqualTo(scan.dashboard(query));
            assertThat(queries.dashboard(query)).isEqualTo(view);
        }
    }

    @Test
    void aLateCallOnADayBeforeToday_isCounted() {
        DashboardQueries queries = new DashboardQueries(jdbc, CALENDAR);
        FindDashboardQuery query = new FindDashboardQuery(LocalDate.parse("2026-03-10"));
        DashboardView before = queries.dashboard(query);

        AccountId account = AccountId.of("acc_late");
        UserId user = UserId.of("usr_late");
        UsageDetails usage = new UsageDetails(user, ApiKeyId.of("key_late"), ModelId.of("test/model-9"), "mock", "chat", 5, 5,
                new ModelPricing(Money.of(1, "CNY"), Money.of(1, "CNY")));
        player.play(List.of(new GenericDomainEventMessage<>("AccountAggregate", account.value(), 0,
                new UsageChargedEvent(account, user, OperationId.of(OperationOrigin.USAGE, "late"), usage,
                        Money.of(999, "CNY"), Money.zero("CNY"), Instant.parse("2026-03-07T04:00:00Z")))), 1);

        DashboardView after = queries.dashboard(query);
        assertThat(after).isNotEqualTo(before).isEqualTo(new DashboardByScan(jdbc, CALENDAR).dashboard(query));
        assertThat(after.windows().get(1).topUsers().get(0).userId()).isEqualTo("usr_late");
    }
}
