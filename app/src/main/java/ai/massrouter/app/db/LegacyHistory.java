package ai.massrouter.app.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The single Flyway history that every module shared until each had its own:
 * {@code flyway_schema_history}, versions {@code V1}-{@code V75} numbered across modules. A
 * database migrated that way still has it; this says, per module, how far it got, so that the
 * module's own history starts there and nothing runs twice.
 * <p>
 * {@link #MOVES} is where each old migration lives now, with the same SQL. One was split: old
 * {@code V75} created the live-alert and replay tables (platform) and an index on
 * {@code generations_view}, a read model; that index is {@code projections} {@code V12}, so that the
 * platform's migrations never touch a table of a module that runs after it.
 */
final class LegacyHistory {

    static final String TABLE = "flyway_schema_history";

    /** Old global version, and the module and version it has now. */
    record Move(int oldVersion, MigrationModule module, int newVersion) {
    }

    static final List<Move> MOVES = List.of(
            new Move(1, MigrationModule.PLATFORM, 1),        // axon_tables
            new Move(2, MigrationModule.COMMAND, 1),         // user_lookup
            new Move(3, MigrationModule.PROJECTIONS, 1),     // users_view
            new Move(4, MigrationModule.COMMAND, 2),         // api_key_lookup
            new Move(5, MigrationModule.PROJECTIONS, 2),     // api_keys_view
            new Move(6, MigrationModule.PLATFORM, 2),        // rate_limit_buckets
            new Move(7, MigrationModule.COMMAND, 3),         // account_operation
            new Move(8, MigrationModule.PROJECTIONS, 3),     // account_views
            new Move(9, MigrationModule.PROJECTIONS, 4),     // models_view
            new Move(10, MigrationModule.PLATFORM, 3),       // idempotency_record
            new Move(20, MigrationModule.PLATFORM, 4),       // scheduled_tasks
            new Move(21, MigrationModule.COMMAND, 4),        // payment_webhook_rejection
            new Move(22, MigrationModule.PROJECTIONS, 5),    // payments_view
            new Move(23, MigrationModule.PROJECTIONS, 6),    // open_holds_view
            new Move(24, MigrationModule.COMMAND, 5),        // account_operation_origin
            new Move(30, MigrationModule.COMMAND, 6),        // username_lookup
            new Move(31, MigrationModule.COMMAND, 7),        // BackfillUsernameLookup (Java)
            new Move(34, MigrationModule.PROJECTIONS, 7),    // account_transactions_request_idx
            new Move(40, MigrationModule.PROJECTIONS, 8),    // statistics_views
            new Move(50, MigrationModule.PROJECTIONS, 9),    // models_cache_read_price
            new Move(51, MigrationModule.PROJECTIONS, 10),   // generations_view
            new Move(55, MigrationModule.COMMAND, 8),        // external_identities
            new Move(56, MigrationModule.PROJECTIONS, 11),   // users_view_optional_email
            new Move(65, MigrationModule.PLATFORM, 5),       // event_store_append_only
            new Move(66, MigrationModule.PLATFORM, 6),       // dead_letter_entry
            new Move(67, MigrationModule.PLATFORM, 7),       // cluster_node
            new Move(71, MigrationModule.PLATFORM, 8),       // rate_limit_budget
            new Move(73, MigrationModule.COMMAND, 9),        // password_credential
            new Move(75, MigrationModule.PLATFORM, 9),       // live_alerts_and_replays
            new Move(75, MigrationModule.PROJECTIONS, 12));  // ... its index on generations_view

    private final Map<MigrationModule, TreeSet<Integer>> applied;
    private final int lastOldVersion;

    private LegacyHistory(Map<MigrationModule, TreeSet<Integer>> applied, int lastOldVersion) {
        this.applied = applied;
        this.lastOldVersion = lastOldVersion;
    }

    /**
     * The old history of this database, if it has one. Refused, before anything runs: a failed
     * migration in it, or a version this release does not know (the old Flyway refused both too).
     */
    static Optional<LegacyHistory> read(Connection connection) throws SQLException {
        if (!Tables.exists(connection, TABLE)) {
            return Optional.empty();
        }
        TreeSet<Integer> oldVersions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, type, success FROM " + TABLE
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                String type = rows.getString(2);
                int version = "BASELINE".equals(type) ? number(rows.getString(1)) : known(rows.getString(1));
                if (!rows.getBoolean(3)) {
                    throw new IllegalStateException(TABLE + " records V" + version + " as failed: repair it with the "
                            + "release that wrote it before starting this one (see docs/design.md, Migrations)");
                }
                if ("BASELINE".equals(type)) {
                    MOVES.stream().filter(m -> m.oldVersion() <= version).forEach(m -> oldVersions.add(m.oldVersion()));
                } else if ("DELETE".equals(type)) {
                    oldVersions.remove(version);
                } else {
                    oldVersions.add(version);
                }
            }
        }
        Map<MigrationModule, TreeSet<Integer>> applied = new EnumMap<>(MigrationModule.class);
        for (MigrationModule module : MigrationModule.values()) {
            applied.put(module, new TreeSet<>());
        }
        for (Move move : MOVES) {
            if (oldVersions.contains(move.oldVersion())) {
                applied.get(move.module()).add(move.newVersion());
            }
        }
        return Optional.of(new LegacyHistory(applied, oldVersions.isEmpty() ? 0 : oldVersions.last()));
    }

    /**
     * The module's version that the old history had reached (0: none of its migrations). Its
     * migrations up to there must all have run: a gap would be skipped by a baseline.
     */
    int reached(MigrationModule module) {
        TreeSet<Integer> versions = applied.get(module);
        List<Integer> missing = new ArrayList<>();
        int last = versions.isEmpty() ? 0 : versions.last();
        for (int v = 1; v <= last; v++) {
            if (!versions.contains(v)) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(TABLE + " records " + module.folder() + " V" + last + " (old numbering) "
                    + "without its earlier " + module.folder() + " migrations " + missing + " (new numbering): "
                    + "migrate it completely with the release that wrote it first");
        }
        return last;
    }

    /** The highest old version applied, for the baseline's description. */
    int lastOldVersion() {
        return lastOldVersion;
    }

    private static int known(String version) {
        int v = number(version);
        if (MOVES.stream().noneMatch(m -> m.oldVersion() == v)) {
            throw notOurs(version);
        }
        return v;
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw notOurs(version);
        }
    }

    private static IllegalStateException notOurs(String version) {
        return new IllegalStateException(TABLE + " records V" + version + ", which is none of the migrations numbered "
                + "across modules (V1-V75): this database was not migrated by MassRouter");
    }
}
