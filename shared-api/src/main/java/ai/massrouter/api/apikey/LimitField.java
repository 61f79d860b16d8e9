package ai.massrouter.api.apikey;

/** One of a key's limits, named in a partial update to say that it keeps its current value. */
public enum LimitField {
    TOTAL, DAILY, MONTHLY, RATE_LIMIT_PER_HOUR
}
