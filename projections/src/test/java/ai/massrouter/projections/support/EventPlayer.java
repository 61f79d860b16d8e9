package ai.massrouter.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays events into projections as a processor does: in batches, each batch one unit of work in
 * one transaction; resets them as a replay does; and reads their tables for comparison.
 */
public final class EventPlayer {

    private final List<AnnotationEventHandlerAdapter> handlers;
    private final SpringTransactionManager transactions;
    private final JdbcTemplate jdbc;

    public EventPlayer(DataSource dataSource, Object... projections) {
        this.handlers = java.util.Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Applies the events in order, {@code batchSize} per unit of work. */
    public void play(List<? extends EventMessage<?>> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<? extends EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            BatchingUnitOfWork<? extends EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactions);
            // a batching unit of work runs the task once per message, that message being its current one
            unitOfWork.executeWithResult(() -> {
                EventMessage<?> message = unitOfWork.getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        handler.handle(message);
                    }
                }
                return null;
            });
        }
    }

    /** What a replay does first: every projection's reset handler. */
    public void reset() {
        transactions.executeInTransaction(() -> handlers.forEach(AnnotationEventHandlerAdapter::prepareReset));
    }

    /** Every row of the tables, each table's rows in a stable order. */
    public Map<String, List<Map<String, Object>>> rows(List<String> tables) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForList("SELECT * FROM " + table + " t ORDER BY t::text"));
        }
        return rows;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
