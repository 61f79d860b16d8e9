package ai.massrouter.projections.statistics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counters of one table summed per row key over a batch, then added to the table in one upsert
 * ({@code unnest} of one array per column): a batch costs one statement per table.
 */
final class Deltas {

    private final String table;
    private final List<String> keys;
    private final List<String> keyTypes;
    private final List<String> counters;
    private final Map<List<Object>, long[]> rows = new LinkedHashMap<>();

    /** {@code keys}: "column type" pairs such as "bucket timestamp". */
    Deltas(String table, List<String> keys, List<String> counters) {
        this.table = table;
        this.keys = keys.stream().map(k -> k.split(" ")[0]).toList();
        this.keyTypes = keys.stream().map(k -> k.split(" ")[1]).toList();
        this.counters = counters;
    }

    void add(List<Object> key, long... values) {
        long[] sums = rows.computeIfAbsent(key, k -> new long[counters.size()]);
        for (int i = 0; i < values.length; i++) {
            sums[i] = Math.addExact(sums[i], values[i]);
        }
    }

    Map<List<Object>, long[]> rows() {
        return rows;
    }

    void write(JdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        Object[] args = new Object[keys.size() + counters.size()];
        for (int i = 0; i < keys.size(); i++) {
            int column = i;
            args[i] = rows.keySet().stream().map(k -> String.valueOf(k.get(column))).toArray(String[]::new);
        }
        for (int j = 0; j < counters.size(); j++) {
            int column = j;
            args[keys.size() + j] = rows.values().stream().map(v -> v[column]).toArray(Long[]::new);
        }
        String columns = String.join(", ", Stream.concat(keys.stream(), counters.stream()).toList());
        String arrays = Stream.concat(keyTypes.stream(), counters.stream().map(c -> "bigint"))
                .map(type -> "?::" + type + "[]").collect(Collectors.joining(", "));
        String sums = counters.stream().map(c -> c + " = s." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
        jdbc.update("INSERT INTO " + table + " AS s (" + columns + ") SELECT * FROM unnest(" + arrays + ") "
                + "ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + sums, args);
    }
}
