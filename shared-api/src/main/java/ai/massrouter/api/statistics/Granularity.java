package ai.massrouter.api.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The width of one bucket of a usage series. */
public enum Granularity {
    HOUR("h"), DAY("d");

    private final String code;

    Granularity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> fromWire(String value) {
        return Arrays.stream(values()).filter(g -> g.wireName().equals(value)).findFirst();
    }
}
