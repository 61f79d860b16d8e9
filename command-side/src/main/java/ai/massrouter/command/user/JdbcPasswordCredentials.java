package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The {@code password_credential} table: command-side state, never a projection, never reset. */
@Component
public class JdbcPasswordCredentials implements PasswordCredentials {

    private final JdbcTemplate jdbc;

    public JdbcPasswordCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UserId userId, String passwordHash) {
        jdbc.update("""
                INSERT INTO password_credential (user_id, password_hash) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash""",
                userId.value(), passwordHash);
    }

    @Override
    public Optional<PasswordCredential> findByEmail(String email) {
        return jdbc.query("""
                SELECT u.user_id, p.password_hash
                FROM user_lookup u JOIN password_credential p ON p.user_id = u.user_id
                WHERE u.email_lower = ?""",
                (rs, i) -> new PasswordCredential(UserId.of(rs.getString(1)), rs.getString(2)),
                UserDirectory.normalize(email)).stream().findFirst();
    }
}
