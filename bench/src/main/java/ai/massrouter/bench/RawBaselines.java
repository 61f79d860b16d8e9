package ai.massrouter.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/**
 * What PostgreSQL itself does on this machine, measured in the same run as a projection benchmark:
 * reading the event log's rows 1,000 at a time (the floor of a replay's reads, without turning
 * JSON into events), and inserting read-model rows 100 per statement with one commit each (the
 * floor of a batched projection's writes).
 */
final class RawBaselines {

    private RawBaselines() {
    }

    static void run(JdbcTemplate jdbc, long head) {
        long start = System.nanoTime();
        long read = 0;
        long last = -1;
        while (last < head) {
            Long next = jdbc.query("SELECT max(globalindex), count(*) FROM (SELECT globalindex, payload "
                    + "FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT 1000) page",
                    rs -> {
                        rs.next();
                        return rs.getLong(2) == 0 ? null : rs.getLong(1);
                    }, last);
            if (next == null) {
                break;
            }
            read += next - last;
            last = next;
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw PostgreSQL: read %,d event rows in pages of 1,000: %,.0f rows/s%n", read,
                read / readSeconds);

        int rows = 200_000;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_rows (account_id text, sequence_number bigint, "
                + "amount_nanos bigint, description text, created_at timestamptz, "
                + "PRIMARY KEY (account_id, sequence_number))");
        start = System.nanoTime();
        for (int i = 0; i < rows; i += 100) {
            String[] accounts = new String[100];
            Long[] sequences = new Long[100];
            for (int j = 0; j < 100; j++) {
                accounts[j] = "acc_bench" + (i + j) % 1000;
                sequences[j] = (long) (i + j);
            }
            jdbc.update("INSERT INTO bench_rows SELECT a, s, s * 1000, 'Usage of bench/model', now() "
                    + "FROM unnest(?::text[], ?::bigint[]) AS v (a, s) ON CONFLICT DO NOTHING", accounts, sequences);
        }
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw PostgreSQL: inserted %,d rows, 100 per statement and commit: %,.0f rows/s%n",
                rows, rows / insertSeconds);
    }
}
