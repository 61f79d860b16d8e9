package ai.massrouter.projections.user;

import ai.massrouter.api.user.FindUserQuery;
import ai.massrouter.api.user.FindUsersQuery;
import ai.massrouter.api.user.UserPageView;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserView;
import ai.massrouter.projections.common.Sql;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static ai.massrouter.projections.common.Sql.instant;

/** Reads of the users read model ({@link UserProjection}): one user, and the admin's paged list. */
@Component
public class UserQueries {

    static final RowMapper<UserView> VIEW = (rs, i) -> new UserView(
            rs.getString("user_id"), rs.getString("email"), rs.getString("username"), rs.getString("avatar_url"),
            UserRole.valueOf(rs.getString("role")), UserStatus.valueOf(rs.getString("status")),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
            instant(rs.getTimestamp("last_login_at")));

    private final JdbcTemplate jdbc;

    public UserQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
