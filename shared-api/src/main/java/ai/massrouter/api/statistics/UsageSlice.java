package ai.massrouter.api.statistics;

/** The usage of one model or one API key ({@code id}; an empty id is usage without a key). */
public record UsageSlice(String id, UsageTotals usage) {
}
