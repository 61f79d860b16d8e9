package ai.massrouter.app.eventstore;

import ai.massrouter.app.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event log refuses to be rewritten, whoever asks: these statements run over the
 * application's own connection pool, as the database role the application uses (here the
 * superuser that owns the tables, whom privileges would not stop).
 */
class EventLogAppendOnlyIT extends PlatformIT {

    private static final String REFUSED = "42501";

    @Autowired
    DataSource dataSource;

    @Test
    void storedEvents_cannotBeUpdatedDeletedOrTruncated() throws SQLException {
        register(uniqueEmail("append-only"), "password-123");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long before = count(s, "domainevententry");
            assertThat(before).isPositive();

            assertRefused(s, "UPDATE domainevententry SET payload = convert_to('{}', 'UTF8')");
            assertRefused(s, "UPDATE domainevententry SET timestamp = timestamp WHERE globalindex = "
                    + "(SELECT max(globalindex) FROM domainevententry)");
            assertRefused(s, "DELETE FROM domainevententry WHERE globalindex = (SELECT max(globalindex) FROM domainevententry)");
            assertRefused(s, "TRUNCATE domainevententry");

            assertThat(count(s, "domainevententry")).isEqualTo(before);
            // appending is untouched: the next registration still stores its events
            register(uniqueEmail("append-only"), "password-123");
            assertThat(count(s, "domainevententry")).isGreaterThan(before);
        }
    }

    /** Snapshots are a cache of state: Axon may delete superseded ones, nobody may alter one. */
    @Test
    void snapshots_mayBeDeletedButNeverChanged() throws SQLException {
        String aggregate = "snapshot-probe-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            insertEvent(c, "snapshotevententry", aggregate, 5);
            insertEvent(c, "snapshotevententry", aggregate, 9);

            assertRefused(s, "UPDATE snapshotevententry SET payload = convert_to('{}', 'UTF8') "
                    + "WHERE aggregateidentifier = '" + aggregate + "'");
            assertRefused(s, "TRUNCATE snapshotevententry");

            int deleted = s.executeUpdate("DELETE FROM snapshotevententry WHERE aggregateidentifier = '"
                    + aggregate + "' AND sequencenumber < 9");
            assertThat(deleted).isEqualTo(1);
        }
    }

    private static void assertRefused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(REFUSED))
                .hasMessageContaining("append-only");
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insertEvent(Connection c, String table, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, ?, 'Probe', ?, ?, ?, '1', 'probe.Probe', '2026-12-01T00:00:00Z')")) {
            insert.setString(1, aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
