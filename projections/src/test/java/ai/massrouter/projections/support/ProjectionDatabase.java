package ai.massrouter.projections.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database with the read models' tables (this module's Flyway migrations), on the local
 * PostgreSQL server ({@code MASSROUTER_TEST_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), as the app's integration tests use; dropped
 * when the test JVM ends.
 */
public final class ProjectionDatabase {

    private static final String SERVER = System.getenv().getOrDefault("MASSROUTER_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("MASSROUTER_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("MASSROUTER_TEST_DB_PASSWORD", "");
    private static final List<String> created = new ArrayList<>();

    private ProjectionDatabase() {
    }

    public static synchronized DataSource create() {
        String name = "mr_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + SERVER, e);
        }
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProjectionDatabase::dropCreated, "drop-test-databases"));
        }
        created.add(name);
        // one connection for the test, as a processor's batch has one: opening one per statement is slow
        DataSource dataSource = new SingleConnectionDataSource(SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name,
                USER, PASSWORD, true);
        // this module's migrations, in their own history as the application runs them
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections")
                .table("flyway_history_projections").load().migrate();
        return dataSource;
    }

    private static synchronized void dropCreated() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String name : created) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + created + ": " + e.getMessage());
        }
    }
}
