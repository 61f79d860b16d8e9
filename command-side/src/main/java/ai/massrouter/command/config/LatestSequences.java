package ai.massrouter.command.config;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The last sequence number of many streams in one query, for the aggregates that a unit of work is
 * about to load: {@link FreshAggregateCache} then checks each cached copy against it instead of
 * asking the store once per aggregate. Read in the unit of work's own transaction, before the
 * aggregates are locked: an append committed by another node after it is refused by the store's
 * (aggregate, sequence) key, as it is after the per-aggregate check; one by this node left its
 * aggregate in the cache at a version the check does not call stale. Streams it does not find
 * (another event store, such as Axon Server) are checked one by one as before.
 */
@Component
public class LatestSequences {

    private static final String RESOURCE = LatestSequences.class.getName();

    private final JdbcTemplate jdbc;

    public LatestSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the streams' last sequence numbers for the rest of the current unit of work: one index
     * probe per stream (the newest entry of the (aggregate, sequence) key), so the cost does not
     * grow with an account's history as a {@code GROUP BY} over its events would.
     */
    public void prefetch(Collection<String> aggregateIds) {
        if (!CurrentUnitOfWork.isStarted() || aggregateIds.isEmpty()) {
            return;
        }
        Map<String, Long> latest = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT s.aggregateidentifier, s.latest FROM (
                        SELECT a.id AS aggregateidentifier, (SELECT max(sequencenumber) FROM domainevententry
                                                             WHERE aggregateidentifier = a.id) AS latest
                        FROM unnest(?::varchar[]) AS a (id)) s
                    WHERE s.latest IS NOT NULL""");
            statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            return statement;
        }, rs -> {
            latest.put(rs.getString("aggregateidentifier"), rs.getLong("latest"));
        });
        CurrentUnitOfWork.get().resources().put(RESOURCE, latest);
    }

    /** The prefetched last sequence number of the stream, or null when it was not prefetched. */
    static Long known(Object aggregateId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Long> latest = CurrentUnitOfWork.get().getResource(RESOURCE);
        return latest == null ? null : latest.get(aggregateId.toString());
    }
}
