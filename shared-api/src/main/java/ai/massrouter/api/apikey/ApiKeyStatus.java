package ai.massrouter.api.apikey;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum ApiKeyStatus {
    ACTIVE, REVOKED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
