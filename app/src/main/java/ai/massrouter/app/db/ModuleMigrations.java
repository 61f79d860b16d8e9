package ai.massrouter.app.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Migrates the database module by module ({@link MigrationModule}: platform, command, projections),
 * each from its own folder into its own history table, with Flyway's settings otherwise as given
 * (Spring Boot's, at start-up).
 * <p>
 * A module whose history table does not exist yet starts it:
 * <ul>
 * <li>on a database migrated with the old global numbering ({@link LegacyHistory}), with a baseline
 *     at the version the old history had reached for that module, so nothing runs twice and the
 *     module's later migrations run as usual;</li>
 * <li>on a database with no history at all, the first module migrates as Flyway always does: it
 *     refuses a schema that holds tables it did not create (the wrong database), and fills an empty one;</li>
 * <li>otherwise (the modules before it have run), with a baseline at version 0, so all of its
 *     migrations run.</li>
 * </ul>
 * Nodes that start together take turns: the whole sequence holds a PostgreSQL advisory lock.
 */
public final class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    /** Arbitrary, fixed: the advisory lock that makes nodes migrate one at a time. */
    private static final long LOCK = 0x4d52_4d49_4752_4154L;

    private final Configuration base;

    public ModuleMigrations(Configuration base) {
        this.base = base;
    }

    /** Every module, in order, to its latest migration. */
    public Map<MigrationModule, MigrateResult> migrate() {
        return migrate(Map.of());
    }

    /**
     * Every module, in order, to its target version ({@link MigrationVersion#LATEST} for a module
     * without one): a database as it was before a given migration, in tests.
     */
    public Map<MigrationModule, MigrateResult> migrate(Map<MigrationModule, MigrationVersion> targets) {
        try (Connection connection = base.getDataSource().getConnection()) {
            lock(connection, "pg_advisory_lock");
            try {
                return migrate(connection, targets);
            } finally {
                lock(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot migrate the database", e);
        }
    }

    private Map<MigrationModule, MigrateResult> migrate(Connection connection,
                                                       Map<MigrationModule, MigrationVersion> targets) throws SQLException {
        List<MigrationModule> unstarted = new ArrayList<>();
        for (MigrationModule module : MigrationModule.values()) {
            if (!Tables.exists(connection, module.table())) {
                unstarted.add(module);
            }
        }
        Optional<LegacyHistory> legacy = unstarted.isEmpty() ? Optional.empty() : LegacyHistory.read(connection);
        boolean noHistory = legacy.isEmpty() && unstarted.size() == MigrationModule.values().length;
        Map<MigrationModule, MigrateResult> results = new EnumMap<>(MigrationModule.class);
        for (MigrationModule module : MigrationModule.values()) {
            MigrationVersion target = targets.getOrDefault(module, MigrationVersion.LATEST);
            if (unstarted.contains(module) && legacy.isPresent()) {
                int reached = legacy.get().reached(module);
                log.info("The {} migrations start their own history {} from {}: {} applied there",
                        module.folder(), module.table(), LegacyHistory.TABLE, reached == 0 ? "none of them was"
                                : "their V1-V" + reached + (reached == 1 ? " was" : " were"));
                flyway(module, target, reached, "applied under " + LegacyHistory.TABLE + " (up to V"
                        + legacy.get().lastOldVersion() + ")").baseline();
            } else if (unstarted.contains(module) && !(noHistory && module == MigrationModule.values()[0])) {
                flyway(module, target, 0, "the " + module.folder() + " migrations follow").baseline();
            }
            results.put(module, flyway(module, target).migrate());
        }
        return results;
    }

    /** The module's Flyway, as the migration at start-up runs it (e.g. for {@code info()}). */
    public Flyway flyway(MigrationModule module) {
        return flyway(module, MigrationVersion.LATEST);
    }

    private Flyway flyway(MigrationModule module, MigrationVersion target) {
        return configuration(module, target).load();
    }

    private Flyway flyway(MigrationModule module, MigrationVersion target, int baseline, String description) {
        return configuration(module, target)
                .baselineVersion(MigrationVersion.fromVersion(Integer.toString(baseline)))
                .baselineDescription(description)
                .load();
    }

    private FluentConfiguration configuration(MigrationModule module, MigrationVersion target) {
        return Flyway.configure(base.getClassLoader()).configuration(base)
                .locations(module.location())
                .table(module.table())
                // Java migrations are found by package (db.migration.<module>), never given as beans
                .javaMigrations()
                .target(target)
                .baselineOnMigrate(false);
    }

    private static void lock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + LOCK + ")");
        }
    }
}
