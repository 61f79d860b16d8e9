package ai.massrouter.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh database {@code mr_bench_*} on the benchmark's PostgreSQL server for each run. */
final class BenchDatabase {

    static final String SERVER = System.getenv().getOrDefault("MASSROUTER_BENCH_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("MASSROUTER_BENCH_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("MASSROUTER_BENCH_DB_PASSWORD", "");

    private BenchDatabase() {
    }

    /** Creates the database and returns its name; {@link #url(String)} gives its JDBC URL. */
    static String create() throws SQLException {
        return create(null);
    }

    /**
     * Creates the database as a copy of {@code template} (a database kept from an earlier run, see
     * {@link #keep(String, String)}), or empty when it is null.
     */
    static String create(String template) throws SQLException {
        String database = "mr_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
        }
        return database;
    }

    /** Copies the database under the name {@code keep} (replaced if present), for later runs to start from. */
    static void keep(String database, String keep) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + keep + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + keep + " TEMPLATE " + database);
        }
    }

    /** After the run: the database goes, so runs do not pile up on the server. */
    static void drop(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Whether a database of that name is on the server. */
    static boolean exists(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
             var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            return s.executeQuery().next();
        }
    }

    /**
     * The database named by {@code MASSROUTER_BENCH_EVENTS_DB}, if set: a run starts from a copy of it
     * when it exists (its event log already appended), and keeps its own database under that name
     * when it does not. Null when unset.
     */
    static String eventsDatabase() {
        return System.getenv("MASSROUTER_BENCH_EVENTS_DB");
    }

    static String url(String database) {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }
}
