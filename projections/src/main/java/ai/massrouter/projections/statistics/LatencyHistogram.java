package ai.massrouter.projections.statistics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies kept as counts per bin, so that buckets add up and percentiles of any range come from
 * the sums. Bin b holds samples of at most round(1.09^b) ms: a percentile is off by at most 9%.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.09;

    private final TreeMap<Integer, Long> bins = new TreeMap<>();

    static int bin(long millis) {
        if (millis <= 1) {
            return 0;
        }
        int bin = (int) Math.ceil(Math.log(millis) / Math.log(GROWTH));
        while (upperEdge(bin) < millis) {
            bin++;
        }
        while (bin > 0 && upperEdge(bin - 1) >= millis) {
            bin--;
        }
        return bin;
    }

    static long upperEdge(int bin) {
        return Math.round(Math.pow(GROWTH, bin));
    }

    void add(int bin, long samples) {
        bins.merge(bin, samples, Long::sum);
    }

    long samples() {
        return bins.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The upper edge of the bin that holds the {@code p}-th percentile; null without samples. */
    Long percentile(double p) {
        long total = samples();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100 * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : bins.entrySet()) {
            seen += entry.getValue();
            if (seen >= Math.max(rank, 1)) {
                return upperEdge(entry.getKey());
            }
        }
        return upperEdge(bins.lastKey());
    }
}
