package ai.massrouter.api.account;

import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A user's prepaid account ({@code acc_...}); derived from the user id, one account per user. */
public record AccountId(String value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    /** Aggregate ids share one key space in the event store, so the account's differs from its user's. */
    public static AccountId forUser(UserId userId) {
        String raw = userId.value();
        return new AccountId("acc_" + (raw.startsWith("usr_") ? raw.substring(4) : raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
