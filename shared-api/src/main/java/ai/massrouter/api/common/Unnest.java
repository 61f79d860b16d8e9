package ai.massrouter.api.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Many rows as one statement's parameters: one array per column, read back by PostgreSQL's
 * {@code unnest(?::text[], ?::bigint[], ...)}. Columns typed {@code bigint} are passed as
 * {@code Long[]}; every other column as text (an {@code Instant} in ISO-8601, which
 * {@code timestamptz} reads exactly), cast by the statement.
 */
public final class Unnest {

    private Unnest() {
    }

    /** {@code unnest(?::t1[], ?::t2[], ...)} for the given column types. */
    public static String of(List<String> types) {
        return types.stream().map(type -> "?::" + type + "[]").collect(Collectors.joining(", ", "unnest(", ")"));
    }

    /** The rows' columns, one array each, in the order of {@code types}. */
    public static Object[] columns(List<String> types, List<Object[]> rows) {
        Object[] columns = new Object[types.size()];
        for (int c = 0; c < types.size(); c++) {
            int column = c;
            columns[c] = types.get(c).equals("bigint")
                    ? rows.stream().map(row -> (Long) row[column]).toArray(Long[]::new)
                    : rows.stream().map(row -> row[column] == null ? null : row[column].toString())
                            .toArray(String[]::new);
        }
        return columns;
    }
}
