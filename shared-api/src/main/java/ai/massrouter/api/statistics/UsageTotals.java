package ai.massrouter.api.statistics;

import ai.massrouter.api.common.Money;

/** Calls, tokens and spend of some slice of usage. */
public record UsageTotals(long calls, long promptTokens, long completionTokens, Money spend) {
}
