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
 * An existing database, migrated before usernames were unique, whose log holds duplicate names:
 * the command side's V7 (V31 of the old global numbering) enters each user's latest name, the first
 * user to register a name keeps it, and the migration does not fail on the duplicates.
 */
class UsernameBackfillIT {

    private static final String REGISTERED = "ai.massrouter.api.user.UserRegisteredEvent";
    private static final String UPDATED = "ai.massrouter.api.user.UserProfileUpdatedEvent";

    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void backfill_keepsTheFirstHolderOfEachName_andSurvivesDuplicates() throws Exception {
        String url = TestDatabase.create();
        // the schema as it was before usernames were unique: the command side below its V6 (username_lookup)
        ModuleMigrations migrations = new ModuleMigrations(
                Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()));
        migrations.migrate(Map.of(MigrationModule.COMMAND, MigrationVersion.fromVersion("5")));
        try (Connection db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            append(db, "usr_1", REGISTERED, "Alice");
            append(db, "usr_2", REGISTERED, "bob");
            append(db, "usr_3", REGISTERED, "ALICE");               // duplicate of usr_1, registered later
            append(db, "usr_2", UPDATED, "Carol");                  // bob is free again
            append(db, "usr_4", REGISTERED, "bob");
            append(db, "usr_5", REGISTERED, "\uFF43\uFF41\uFF52\uFF4F\uFF4C"); // full-width "carol", after usr_2

            migrations.migrate();

            Map<String, String> owners = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT username_key, user_id FROM username_lookup")) {
                while (rows.next()) {
                    owners.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of("alice", "usr_1", "carol", "usr_2", "bob", "usr_4"));
        }
    }

    private void append(Connection db, String userId, String type, String username) throws Exception {
        long sequence = sequences.merge(userId, 1L, Long::sum) - 1;
        String payload = "{\"userId\":\"" + userId + "\",\"username\":\"" + username + "\",\"email\":\"" + userId
                + "@example.com\"}";
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, ?, 'UserAggregate', ?, ?, '1', ?, '2026-01-01T00:00:00Z')")) {
            insert.setString(1, userId);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, type);
            insert.executeUpdate();
        }
    }
}
