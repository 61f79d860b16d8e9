package ai.massrouter.projections.user;

import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserProfileUpdatedEvent;
import ai.massrouter.api.user.UserRegisteredEvent;
import ai.massrouter.api.user.UserStatusChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static ai.massrouter.projections.common.Sql.ts;

/**
 * The users read model. Every handler writes absolute values (upsert, or update with the
 * event's own values), so applying an event twice changes nothing.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection {

    public static final String GROUP = "users";

    private final JdbcTemplate jdbc;

    public UserProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO users_view (user_id, email, username, role, status, created_at, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING""",
                event.userId().value(), event.email(), event.username(), event.role().name(), event.status().name(),
                ts(event.registeredAt()), ts(event.registeredAt()), sequence);
    }

    @EventHandler
    void on(UserProfileUpdatedEvent event, @SequenceNumber long sequence) {
        // an older event handed again after a newer one (at-least-once delivery) changes nothing
        jdbc.update("UPDATE users_view SET username = ?, avatar_url = ?, updated_at = ?, last_sequence = ? "
                        + "WHERE user_id = ? AND last_sequence < ?",
                event.username(), event.avatarUrl(), ts(event.updatedAt()), sequence, event.userId().value(), sequence);
    }

    @EventHandler
    void on(UserStatusChangedEvent event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE users_view SET status = ?, updated_at = ?, last_sequence = ? "
                        + "WHERE user_id = ? AND last_sequence < ?",
                event.status().name(), ts(event.at()), sequence, event.userId().value(), sequence);
    }

    @EventHandler
    void on(UserLoggedInEvent event) {
        jdbc.update("UPDATE users_view SET last_login_at = GREATEST(COALESCE(last_login_at, ?), ?) WHERE user_id = ?",
                ts(event.at()), ts(event.at()), event.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE users_view");
    }
}
