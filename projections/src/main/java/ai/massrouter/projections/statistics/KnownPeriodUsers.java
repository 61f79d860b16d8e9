package ai.massrouter.projections.statistics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard's (period, start day, model, user) rows this node knows to be committed in
 * {@code stat_model_period_user}, the most recently used {@code capacity} of them: a call whose row
 * is known adds no row and counts no new user, so the writer need not send it again (it was ~40 %
 * of the statistics' database time). Only rows of committed batches are added; everything is
 * forgotten when the statistics' reset generation moves (a reset on any node empties the table).
 */
final class KnownPeriodUsers {

    private final Map<String, Boolean> rows;
    private long generation = Long.MIN_VALUE;

    KnownPeriodUsers(int capacity) {
        rows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    private static String key(List<Object> row) {
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3);
    }

    /** Forgets everything if the reset generation is not the one the rows were learnt in. */
    synchronized void generation(long current) {
        if (current != generation) {
            rows.clear();
            generation = current;
        }
    }

    synchronized boolean known(List<Object> row) {
        return rows.get(key(row)) != null;
    }

    /** Rows committed in {@code learntIn}; ignored if a reset came in between. */
    synchronized void learn(Collection<List<Object>> committed, long learntIn) {
        if (learntIn == generation) {
            committed.forEach(row -> rows.put(key(row), Boolean.TRUE));
        }
    }
}
