package ai.massrouter.app.db;

import ai.massrouter.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database's schema is made of, one line per table, column, constraint, index, trigger,
 * function and sequence, sorted: two databases with equal listings have the same schema. Flyway's
 * history tables are left out (their names differ by design).
 */
final class SchemaListing {

    private static final String NOT_HISTORY = " NOT LIKE 'flyway\\_%'";

    private static final List<String> QUERIES = List.of(
            "SELECT 'table ' || table_name || ' ' || table_type FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_name" + NOT_HISTORY,
            "SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type "
                    + "|| coalesce('(' || character_maximum_length || ')', '') "
                    + "|| coalesce(' numeric(' || numeric_precision || ',' || numeric_scale || ')', '') "
                    + "|| ' nullable=' || is_nullable || coalesce(' default ' || column_default, '') "
                    + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name" + NOT_HISTORY,
            "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                    + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text"
                    + NOT_HISTORY,
            "SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes "
                    + "WHERE schemaname = 'public' AND tablename" + NOT_HISTORY,
            "SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
            "SELECT 'function ' || pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
            "SELECT 'sequence ' || sequence_name || ' ' || data_type || ' ' || start_value || ' ' || increment "
                    + "FROM information_schema.sequences WHERE sequence_schema = 'public'");

    private SchemaListing() {
    }

    static List<String> of(String url) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = db.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
