package ai.massrouter.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a model is for; the catalog's {@code category} filter takes these names. */
public enum ModelCategory {
    CHAT, CODE, REASONING, VISION, EMBEDDING, IMAGE, AUDIO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModelCategory> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(value)).findFirst();
    }
}
