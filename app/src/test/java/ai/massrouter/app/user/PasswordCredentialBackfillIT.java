package ai.massrouter.app.user;

import ai.massrouter.app.db.MigrationModule;
import ai.massrouter.app.db.ModuleMigrations;
import ai.massrouter.app.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing database, from before logins were checked outside the user aggregate: the command
 * side's V9 (V73 of the old global numbering) enters the password hash of every user registered
 * with one, read from the event log; a user who signed up through a provider (no hash) gets no
 * entry, so no password signs in as that user.
 */
class PasswordCredentialBackfillIT {

    private static final String REGISTERED = "ai.massrouter.api.user.UserRegisteredEvent";

    @Test
    void backfill_entersTheHashOfEveryUserWithAPassword_fromTheLog() throws Exception {
        String url = TestDatabase.create();
        ModuleMigrations migrations = new ModuleMigrations(
                Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()));
        // the schema as it was before password_credential: the command side below its V9
        migrations.migrate(Map.of(MigrationModule.COMMAND, MigrationVersion.fromVersion("8")));
        try (Connection db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            registered(db, "usr_1", "\"$2a$10$alicehash\"");
            registered(db, "usr_2", "null");

            migrations.migrate();

            Map<String, String> hashes = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery(
                    "SELECT user_id, password_hash FROM password_credential")) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(hashes).containsExactlyEntriesOf(Map.of("usr_1", "$2a$10$alicehash"));
        }
    }

    private static void registered(Connection db, String userId, String passwordHashJson) throws Exception {
        try (PreparedStatement lookup = db.prepareStatement(
                "INSERT INTO user_lookup (user_id, email_lower, role, status) VALUES (?, ?, 'USER', 'ACTIVE')")) {
            lookup.setString(1, userId);
            lookup.setString(2, userId + "@example.com");
            lookup.executeUpdate();
        }
        String payload = "{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.com\",\"username\":\""
                + userId + "\",\"passwordHash\":" + passwordHashJson + ",\"role\":\"USER\",\"status\":\"ACTIVE\"}";
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, 0, 'UserAggregate', ?, ?, '1', ?, '2026-01-01T00:00:00Z')")) {
            insert.setString(1, userId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(4, REGISTERED);
            insert.executeUpdate();
        }
    }
}
