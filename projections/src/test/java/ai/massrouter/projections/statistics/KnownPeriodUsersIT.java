package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.projections.support.EventPlayer;
import ai.massrouter.projections.support.ProjectionDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node remembers the leaderboard's user rows between batches, and counts a user of a model once
 * per period; after a reset on another node (which empties those rows) it counts the user again.
 */
class KnownPeriodUsersIT {

    private final DataSource database = ProjectionDatabase.create();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final EventPlayer node = new EventPlayer(database, StatisticsProjections.of(jdbc));
    private final EventPlayer otherNode = new EventPlayer(database, StatisticsProjections.of(jdbc));

    private static List<EventMessage<?>> calls(String account, String user, int count) {
        UsageDetails usage = new UsageDetails(UserId.of(user), ApiKeyId.of("key_" + user), ModelId.of("test/model-1"),
                "mock", "chat", 10, 5, new ModelPricing(Money.of(1, "CNY"), Money.of(1, "CNY")));
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("AccountAggregate", account, i,
                    new UsageChargedEvent(AccountId.of(account), UserId.of(user), OperationId.of(OperationOrigin.USAGE,
                            account + "-" + i), usage, Money.of(10, "CNY"), Money.zero("CNY"),
                            Instant.parse("2026-03-07T04:00:00Z").plusSeconds(i))));
        }
        return events;
    }

    private List<Long> users() {
        return jdbc.queryForList("SELECT users FROM stat_model_period WHERE model_id = 'test/model-1' ORDER BY period",
                Long.class);
    }

    @Test
    void aUser_isCountedOncePerPeriod_acrossBatches_andAgainAfterAResetElsewhere() {
        node.play(calls("acc_a", "usr_a", 30), 7);
        assertThat(users()).hasSize(4).containsOnly(1L);
        node.play(calls("acc_b", "usr_b", 5), 2);
        assertThat(users()).containsOnly(2L);

        otherNode.reset(); // a replay started on another node: every statistics table emptied
        assertThat(users()).isEmpty();
        node.play(calls("acc_a", "usr_a", 3), 1);
        assertThat(users()).as("the node forgot the rows it remembered").hasSize(4).containsOnly(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stat_model_period_user", Long.class)).isEqualTo(4);
    }
}
