package ai.massrouter.api.common;

import java.util.Map;

/**
 * A broken business rule, carrying the API error code it maps to and, when a field is to
 * blame, which one and why. Thrown by aggregates and controllers; turned into the envelope
 * in exactly one place.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> details;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, String> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static DomainException invalid(String field, String reason) {
        return new DomainException(ErrorCode.ERR_001, "Invalid " + field + ": " + reason, Map.of(field, reason));
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.ERR_004, what + " not found");
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> details() {
        return details;
    }

    public ErrorDetails toErrorDetails() {
        return new ErrorDetails(code, getMessage(), details);
    }
}
