package ai.massrouter.api.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the leaderboard ranks by: calls, tokens (prompt + completion) or spend. */
public enum LeaderboardMetric {
    CALLS, TOKENS, SPEND;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LeaderboardMetric> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }
}
