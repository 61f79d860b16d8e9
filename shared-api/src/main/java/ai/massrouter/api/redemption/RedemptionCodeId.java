package ai.massrouter.api.redemption;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A redemption code's id: {@code rc_} and the SHA-256 of the code (upper-cased, trimmed). The code
 * itself is never stored; whoever holds it finds its aggregate by hashing it again.
 */
public record RedemptionCodeId(String value) {

    public RedemptionCodeId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static RedemptionCodeId of(String value) {
        return new RedemptionCodeId(value);
    }

    public static RedemptionCodeId ofCode(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(code.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return new RedemptionCodeId("rc_" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
