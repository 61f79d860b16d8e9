package ai.massrouter.command.invalidation;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Tells every node's caches that a row changed. Called by the writer of a command-side lookup table
 * inside the command's transaction: the notice ({@code pg_notify}) leaves with the commit, never
 * without it, and the command returns only once every live node has dropped the row (or one lease
 * has passed, after which no node serves it from an older cache). So whoever sent the command, and
 * anyone it tells, finds the change on any node with the very next request.
 */
@Component
public class CacheInvalidation {

    private final JdbcTemplate jdbc;
    private final InvalidationListener listener;

    public CacheInvalidation(JdbcTemplate jdbc, InvalidationListener listener) {
        this.jdbc = jdbc;
        this.listener = listener;
    }

    public void changed(String topic, String id) {
        if (!listener.enabled()) {
            return;
        }
        String changeId = UUID.randomUUID().toString();
        listener.expect(changeId);
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, InvalidationListener.CHANNEL,
                "c|" + changeId + "|" + topic + "|" + id);
        if (!CurrentUnitOfWork.isStarted()) {
            listener.forget(changeId);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.afterCommit(u -> await(changeId));
        unitOfWork.onRollback(u -> listener.forget(changeId));
    }

    private void await(String changeId) {
        try {
            listener.awaitApplied(changeId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
