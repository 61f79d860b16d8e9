package ai.massrouter.projections.replay;

import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.projections.model.ModelProjection;
import ai.massrouter.projections.support.CatalogLog;
import ai.massrouter.projections.support.EventPlayer;
import ai.massrouter.projections.support.ProjectionDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processors deliver at least once: when a segment moves between nodes, the new owner starts from
 * the last stored token and hands events again that the old owner had already applied, after
 * newer ones. An older price change of a model handed again must not bring its older price back.
 */
class RedeliveryIT {

    @Test
    void olderPriceChanges_handedAgainAfterNewerOnes_changeNothing() {
        DataSource database = ProjectionDatabase.create();
        EventPlayer player = new EventPlayer(database, new ModelProjection(new JdbcTemplate(database)));
        List<EventMessage<?>> log = CatalogLog.of(3, 4, 0, 0);
        player.play(log, 5);
        var before = player.rows(List.of("models_view"));

        // each model's first price change (of four), handed again after the last
        List<EventMessage<?>> older = log.stream()
                .filter(event -> event.getPayload() instanceof ModelPriceChangedEvent).limit(3).toList();
        player.play(older, 2);

        assertThat(player.rows(List.of("models_view"))).isEqualTo(before);
    }
}
