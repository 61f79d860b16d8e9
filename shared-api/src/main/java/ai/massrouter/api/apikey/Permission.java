package ai.massrouter.api.apikey;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an API key may do: {@code read} endpoints only, or {@code write} ones too. */
public enum Permission {
    READ, WRITE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
