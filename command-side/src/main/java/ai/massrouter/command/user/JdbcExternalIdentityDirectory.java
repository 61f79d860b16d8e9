package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The {@code external_identity_lookup} table: command-side state, never a projection, never reset. */
@Component
public class JdbcExternalIdentityDirectory implements ExternalIdentityDirectory {

    private final JdbcTemplate jdbc;

    public JdbcExternalIdentityDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String provider, String subject, UserId userId, Instant at) {
        try {
            jdbc.update("INSERT INTO external_identity_lookup (provider, subject, user_id, linked_at) VALUES (?, ?, ?, ?)",
                    provider, subject, userId.value(), Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.ERR_001, "This " + provider + " account is already linked to a user",
                    Map.of("provider", "account already linked"));
        }
    }

    @Override
    public void release(String provider, String subject, UserId userId) {
        jdbc.update("DELETE FROM external_identity_lookup WHERE provider = ? AND subject = ? AND user_id = ?",
                provider, subject, userId.value());
    }

    @Override
    public Optional<UserId> findUser(String provider, String subject) {
        return jdbc.query("SELECT user_id FROM external_identity_lookup WHERE provider = ? AND subject = ?",
                (rs, i) -> UserId.of(rs.getString(1)), provider, subject).stream().findFirst();
    }
}
