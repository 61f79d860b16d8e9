package ai.massrouter.app.db;

import ai.massrouter.app.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static ai.massrouter.app.db.MigrationModule.COMMAND;
import static ai.massrouter.app.db.MigrationModule.PLATFORM;
import static ai.massrouter.app.db.MigrationModule.PROJECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each module's migrations in their own history, against real databases: a fresh one ends with the
 * schema that the old global numbering gave (kept as it was in {@code src/test/resources/db/legacy}),
 * and a database migrated the old way, completely or part of the way, starts its module histories
 * from the old one: nothing runs twice, what it lacks runs.
 */
class ModuleMigrationsIT {

    @Test
    void theModulesUpToTheirMovedMigrations_giveExactlyTheSchemaOfTheOldNumbering() throws Exception {
        String old = migratedTheOldWay(null);
        String fresh = TestDatabase.create();
        Map<MigrationModule, Integer> lastMoved = new EnumMap<>(MigrationModule.class);
        LegacyHistory.MOVES.forEach(move -> lastMoved.merge(move.module(), move.newVersion(), Math::max));
        Map<MigrationModule, MigrationVersion> targets = new EnumMap<>(MigrationModule.class);
        lastMoved.forEach((module, version) -> targets.put(module, MigrationVersion.fromVersion(version.toString())));

        modules(fresh).migrate(targets);

        assertThat(SchemaListing.of(fresh)).isNotEmpty().containsExactlyElementsOf(SchemaListing.of(old));
    }

    @Test
    void aFreshDatabase_runsEveryModuleInOrder_eachInItsOwnHistory() throws Exception {
        String fresh = TestDatabase.create();

        Map<MigrationModule, List<String>> executed = executed(modules(fresh).migrate());

        assertThat(executed.get(PLATFORM)).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(executed.get(COMMAND)).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(executed.get(PROJECTIONS)).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        // the first module's history begins with its first migration; the others', with a baseline at 0
        assertThat(history(fresh, PLATFORM)).first().isEqualTo("1 SQL true");
        assertThat(history(fresh, COMMAND)).startsWith("0 BASELINE true", "1 SQL true");
        assertThat(history(fresh, COMMAND)).contains("7 JDBC true");
        assertThat(history(fresh, PROJECTIONS)).startsWith("0 BASELINE true", "1 SQL true");
        assertThat(exists(fresh, LegacyHistory.TABLE)).isFalse();
        // the next start finds nothing to do
        assertThat(executed(modules(fresh).migrate()).values()).allSatisfy(versions -> assertThat(versions).isEmpty());
    }

    @Test
    void twoNodesStartingAtOnce_takeTurns_andEveryMigrationRunsOnce() throws Exception {
        String url = TestDatabase.create();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<MigrationModule, List<String>>>> starts = List.of(
                    nodes.submit(() -> executed(modules(url).migrate())),
                    nodes.submit(() -> executed(modules(url).migrate())));
            Map<MigrationModule, List<String>> first = starts.get(0).get(60, TimeUnit.SECONDS);
            Map<MigrationModule, List<String>> second = starts.get(1).get(60, TimeUnit.SECONDS);

            for (MigrationModule module : MigrationModule.values()) {
                List<String> both = new ArrayList<>(first.get(module));
                both.addAll(second.get(module));
                assertThat(both).as(module.folder()).doesNotHaveDuplicates().isNotEmpty();
                assertThat(first.get(module).isEmpty() || second.get(module).isEmpty()).as(module.folder()).isTrue();
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aDatabaseMigratedTheOldWay_startsWithoutRunningAnyOfItAgain() throws Exception {
        String fresh = TestDatabase.create();
        Map<MigrationModule, List<String>> all = executed(modules(fresh).migrate());
        String old = migratedTheOldWay(null);
        execute(old, "INSERT INTO user_lookup (user_id, email_lower, role, status) VALUES ('usr_1', 'a@b.c', 'USER', 'ACTIVE')");

        Map<MigrationModule, List<String>> executed = executed(modules(old).migrate());

        for (MigrationModule module : MigrationModule.values()) {
            assertThat(executed.get(module)).as(module.folder()).isEqualTo(notMovedFrom(all.get(module), module, 75));
        }
        assertThat(history(old, PLATFORM)).first().isEqualTo("9 BASELINE true");
        assertThat(history(old, COMMAND)).first().isEqualTo("9 BASELINE true");
        assertThat(history(old, PROJECTIONS)).first().isEqualTo("12 BASELINE true");
        assertThat(SchemaListing.of(old)).containsExactlyElementsOf(SchemaListing.of(fresh));
        assertThat(count(old, "SELECT count(*) FROM user_lookup")).isEqualTo(1);
        assertThat(executed(modules(old).migrate()).values()).allSatisfy(versions -> assertThat(versions).isEmpty());
    }

    @Test
    void aDatabaseMigratedTheOldWayUpToV56_getsTheMigrationsItLacks_inEachModule() throws Exception {
        String fresh = TestDatabase.create();
        Map<MigrationModule, List<String>> all = executed(modules(fresh).migrate());
        String old = migratedTheOldWay("56");

        Map<MigrationModule, List<String>> executed = executed(modules(old).migrate());

        // old V65, V66, V67, V71, V75 (platform); V73 (command); V75's index on generations_view (projections)
        assertThat(executed.get(PLATFORM)).startsWith("5", "6", "7", "8", "9");
        assertThat(executed.get(COMMAND)).startsWith("9");
        assertThat(executed.get(PROJECTIONS)).startsWith("12");
        for (MigrationModule module : MigrationModule.values()) {
            assertThat(executed.get(module)).as(module.folder()).isEqualTo(notMovedFrom(all.get(module), module, 56));
        }
        assertThat(history(old, PLATFORM)).first().isEqualTo("4 BASELINE true");
        assertThat(history(old, COMMAND)).first().isEqualTo("8 BASELINE true");
        assertThat(history(old, PROJECTIONS)).first().isEqualTo("11 BASELINE true");
        assertThat(SchemaListing.of(old)).containsExactlyElementsOf(SchemaListing.of(fresh));
    }

    @Test
    void anOldHistoryWithAFailedMigration_isRefusedBeforeAnythingRuns() throws Exception {
        String old = migratedTheOldWay("56");
        execute(old, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '56'");

        assertThatThrownBy(() -> modules(old).migrate()).hasMessageContaining("V56 as failed");

        for (MigrationModule module : MigrationModule.values()) {
            assertThat(exists(old, module.table())).as(module.table()).isFalse();
        }
    }

    @Test
    void aDatabaseWithTablesButNoHistory_isRefused_asFlywayAlwaysDid() throws Exception {
        String foreign = TestDatabase.create();
        execute(foreign, "CREATE TABLE someone_elses (id INT)");

        assertThatThrownBy(() -> modules(foreign).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("but no schema history table");

        assertThat(exists(foreign, "domainevententry")).isFalse();
    }

    private static ModuleMigrations modules(String url) {
        return new ModuleMigrations(Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()));
    }

    /** A new database migrated as every release before module histories did it, up to a version (null: all). */
    private static String migratedTheOldWay(String target) {
        String url = TestDatabase.create();
        var flyway = Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/legacy");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
        return url;
    }

    /** The module's migrations that no old migration at or below {@code upTo} became: what an upgrade from there runs. */
    private static List<String> notMovedFrom(List<String> all, MigrationModule module, int upTo) {
        List<String> rest = new ArrayList<>(all);
        LegacyHistory.MOVES.stream().filter(m -> m.module() == module && m.oldVersion() <= upTo)
                .forEach(m -> rest.remove(Integer.toString(m.newVersion())));
        return rest;
    }

    private static Map<MigrationModule, List<String>> executed(Map<MigrationModule, MigrateResult> results) {
        Map<MigrationModule, List<String>> versions = new EnumMap<>(MigrationModule.class);
        results.forEach((module, result) -> versions.put(module, result.migrations.stream().map(m -> m.version).toList()));
        return versions;
    }

    private static List<String> history(String url, MigrationModule module) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(url); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, type, success FROM " + module.table()
                     + " ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getBoolean(3));
            }
        }
        return rows;
    }

    private static boolean exists(String url, String table) throws SQLException {
        try (Connection db = connect(url)) {
            return Tables.exists(db, table);
        }
    }

    private static long count(String url, String query) throws SQLException {
        try (Connection db = connect(url); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection db = connect(url); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }
}
