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
        String database = "mr_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return database;
    }

    /** After the run: the database goes, so runs do not pile up on the server. */
    static void drop(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static String url(String database) {
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }
}
