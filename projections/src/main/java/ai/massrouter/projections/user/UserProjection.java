package ai.massrouter.projections.user;

import ai.massrouter.api.user.FindUserQuery;
import ai.massrouter.api.user.FindUsersQuery;
import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserPageView;
import ai.massrouter.api.user.UserProfileUpdatedEvent;
import ai.massrouter.api.user.UserRegisteredEvent;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserStatusChangedEvent;
import ai.massrouter.api.user.UserView;
import ai.massrouter.projections.common.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.ts;

/**
 * The users read model. Every handler writes absolute values (upsert, or update with the
 * event's own values), so applying an event twice changes nothing.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection {

    public static final String GROUP = "users";

    static final RowMapper<UserView> VIEW = (rs, i) -> new UserView(
            rs.getString("user_id"), rs.getString("email"), rs.getString("username"), rs.getString("avatar_url"),
            UserRole.valueOf(rs.getString("role")), UserStatus.valueOf(rs.getString("status")),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
            instant(rs.getTimestamp("last_login_at")));

    private final JdbcTemplate jdbc;

    public UserProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent event) {
        jdbc.update("""
                INSERT INTO users_view (user_id, email, username, role, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING""",
                event.userId().value(), event.email(), event.username(), event.role().name(), event.status().name(),
                ts(event.registeredAt()), ts(event.registeredAt()));
    }

    @EventHandler
    void on(UserProfileUpdatedEvent event) {
        jdbc.update("UPDATE users_view SET username = ?, avatar_url = ?, updated_at = ? WHERE user_id = ?",
                event.username(), event.avatarUrl(), ts(event.updatedAt()), event.userId().value());
    }

    @EventHandler
    void on(UserStatusChangedEvent event) {
        jdbc.update("UPDATE users_view SET status = ?, updated_at = ? WHERE user_id = ?",
                event.status().name(), ts(event.at()), event.userId().value());
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

    /** Null when the user is not (yet) in the read model. */
    @QueryHandler
    public UserView find(FindUserQuery query) {
        return jdbc.query("SELECT * FROM users_view WHERE user_id = ?", VIEW, query.userId().value())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public UserPageView find(FindUsersQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (lower(email) LIKE ? OR lower(username) LIKE ?)");
            String like = Sql.likePattern(query.search().trim().toLowerCase(Locale.ROOT));
            args.add(like);
            args.add(like);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM users_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.page().limit());
        pageArgs.add(query.page().offset());
        List<UserView> items = jdbc.query("SELECT * FROM users_view" + where
                + " ORDER BY created_at DESC, user_id LIMIT ? OFFSET ?", VIEW, pageArgs.toArray());
        return new UserPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }

}
