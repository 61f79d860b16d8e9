package ai.massrouter.api.statistics;

/**
 * Percentiles of an upstream's answer times in milliseconds (null without samples), from
 * histograms whose bins are 9% wide: a figure is the upper edge of its bin.
 */
public record Latency(long samples, Long firstTokenP50, Long firstTokenP95, Long totalP50, Long totalP95) {
}
