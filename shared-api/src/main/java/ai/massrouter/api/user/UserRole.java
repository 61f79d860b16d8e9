package ai.massrouter.api.user;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum UserRole {
    USER, ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
