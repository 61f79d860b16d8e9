package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.command.invalidation.CacheInvalidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** The {@code user_lookup} and {@code username_lookup} tables: command-side state, never a projection, never reset. */
@Component
public class JdbcUserDirectory implements UserDirectory {

    private final JdbcTemplate jdbc;
    private final CacheInvalidation invalidation;

    public JdbcUserDirectory(JdbcTemplate jdbc, CacheInvalidation invalidation) {
        this.jdbc = jdbc;
        this.invalidation = invalidation;
    }

    @Override
    public void claim(String email, UserId userId, UserRole role) {
        try {
            jdbc.update("INSERT INTO user_lookup (user_id, email_lower, role, status) VALUES (?, ?, ?, ?)",
                    userId.value(), UserDirectory.normalize(email), role.name(), UserStatus.ACTIVE.name());
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.ERR_001, "This e-mail is already registered",
                    Map.of("email", "already registered"));
        }
    }

    @Override
    public void claimUsername(String username, UserId userId) {
        String key = UserDirectory.usernameKey(username);
        try {
            if (jdbc.update("UPDATE username_lookup SET username_key = ? WHERE user_id = ?", key, userId.value()) == 0) {
                jdbc.update("INSERT INTO username_lookup (username_key, user_id) VALUES (?, ?)", key, userId.value());
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.ERR_001, "This username is already taken",
                    Map.of("username", "already taken"));
        }
    }

    @Override
    public boolean usernameTaken(String username) {
        return !jdbc.queryForList("SELECT user_id FROM username_lookup WHERE username_key = ?", String.class,
                UserDirectory.usernameKey(username)).isEmpty();
    }

    @Override
    public void changeStatus(UserId userId, UserStatus status) {
        jdbc.update("UPDATE user_lookup SET status = ? WHERE user_id = ?", status.name(), userId.value());
        invalidation.changed(CHANGES, userId.value());
    }

    @Override
    public Optional<UserId> findUserId(String email) {
        return jdbc.query("SELECT user_id FROM user_lookup WHERE email_lower = ?",
                (rs, i) -> UserId.of(rs.getString(1)), UserDirectory.normalize(email)).stream().findFirst();
    }

    @Override
    public Optional<Entry> find(UserId userId) {
        return jdbc.query("SELECT role, status FROM user_lookup WHERE user_id = ?",
                (rs, i) -> new Entry(userId, UserRole.valueOf(rs.getString(1)), UserStatus.valueOf(rs.getString(2))),
                userId.value()).stream().findFirst();
    }

    @Override
    public Optional<String> findEmail(UserId userId) {
        return jdbc.query("SELECT email_lower FROM user_lookup WHERE user_id = ? AND email_lower IS NOT NULL",
                (rs, i) -> rs.getString(1), userId.value()).stream().findFirst();
    }

    @Override
    public boolean anyAdministrator() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM user_lookup WHERE role = ?)", Boolean.class, UserRole.ADMIN.name()));
    }
}
