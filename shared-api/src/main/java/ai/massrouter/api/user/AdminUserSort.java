package ai.massrouter.api.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Orders of the admin user list; ties break by user id. */
public enum AdminUserSort {
    CREATED_AT, EMAIL, BALANCE, TOP_UPS, SPEND;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AdminUserSort> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
