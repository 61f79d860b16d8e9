package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** The e-mail lookup table: command-side state, never a projection, never reset. */
@Component
public class JdbcEmailRegistry implements EmailRegistry {

    private final JdbcTemplate jdbc;

    public JdbcEmailRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String email, UserId userId) {
        try {
            jdbc.update("INSERT INTO user_email_lookup (email_lower, user_id) VALUES (?, ?)", EmailRegistry.normalize(email),
                    userId.value());
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.ERR_001, "This e-mail is already registered",
                    Map.of("email", "already registered"));
        }
    }

    @Override
    public Optional<UserId> findUserId(String email) {
        return jdbc.query("SELECT user_id FROM user_email_lookup WHERE email_lower = ?",
                        (rs, i) -> UserId.of(rs.getString(1)), EmailRegistry.normalize(email))
                .stream().findFirst();
    }
}
