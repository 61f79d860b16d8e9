package ai.massrouter.app.db;

/**
 * The modules that own database migrations, in the order they run. Each keeps its migrations in
 * its own folder ({@code src/main/resources/db/migration/<name>}, Java migrations in the package
 * {@code db.migration.<name>}), numbers them from {@code V1} on its own, and has its own Flyway
 * history table ({@code flyway_history_<name>}).
 * <p>
 * The order is the order of dependence: the platform's tables (Axon's event log among them) come
 * first, because command-side migrations read the event log to fill their lookups; the read models
 * last. A migration reads or changes only its own module's tables or those of a module before it.
 */
public enum MigrationModule {

    /** {@code app}: Axon's tables, deadlines, idempotency keys, rate limits, cluster state. */
    PLATFORM("platform"),
    /** {@code command-side}: the lookups and operation records the aggregates write with their events. */
    COMMAND("command"),
    /** {@code projections}: the read models. */
    PROJECTIONS("projections");

    private final String folder;

    MigrationModule(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    /** Where Flyway finds the module's migrations: SQL files, and Java migrations of the package of that name. */
    public String location() {
        return "classpath:db/migration/" + folder;
    }

    public String table() {
        return "flyway_history_" + folder;
    }
}
