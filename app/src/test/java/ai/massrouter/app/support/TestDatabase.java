package ai.massrouter.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database for a test's Spring context. It lives on the local PostgreSQL server
 * ({@code MASSROUTER_TEST_DB_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres});
 * when no server answers there, on an embedded PostgreSQL started once for the test JVM.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("MASSROUTER_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("MASSROUTER_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("MASSROUTER_TEST_DB_PASSWORD", "");

    private static Server server;
    private static final List<String> created = new ArrayList<>();

    private TestDatabase() {
    }

    private record Server(String adminUrl, String user, String password) {
        String urlOf(String database) {
            return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        }
    }

    /** Creates a database named {@code mr_it_<random>} and returns its JDBC URL. */
    public static synchronized String create() {
        Server s = server();
        String name = "mr_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + s.adminUrl(), e);
        }
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
        }
        created.add(name);
        return s.urlOf(name);
    }

    /**
     * The test JVM is ending: its databases go with it (FORCE closes what the Spring contexts,
     * shut down by hooks of their own, may still hold), so runs do not pile up on the server.
     */
    private static synchronized void dropCreated() {
        Server s = server;
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement statement = c.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + created + ": " + e.getMessage());
        }
    }

    public static synchronized String user() {
        return server().user();
    }

    public static synchronized String password() {
        return server().password();
    }

    private static Server server() {
        if (server == null) {
            server = reachable() ? new Server(SERVER, USER, PASSWORD) : embedded();
        }
        return server;
    }

    private static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.err.println("No PostgreSQL at " + SERVER + " (" + e.getMessage() + "): using an embedded one");
            return false;
        }
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", e);
        }
    }
}
