package ai.massrouter.api.common;

/**
 * Every error code of the API document (plus the gateway's {@code UPSTREAM_001}) with the one HTTP
 * status it maps to.
 * This enum is the single place where a code meets a status.
 */
public enum ErrorCode {
    ERR_001(400, "Request validation failed"),
    ERR_002(401, "Authentication failed"),
    ERR_003(403, "Permission denied"),
    ERR_004(404, "Resource not found"),
    ERR_005(500, "Internal server error"),
    BILL_001(402, "Insufficient balance"),
    BILL_002(402, "Payment failed"),
    MODEL_001(503, "Model unavailable"),
    APIKEY_001(401, "API key expired"),
    USER_001(403, "User is disabled"),
    RATE_001(429, "Rate limit exceeded"),
    /** The gateway's upstream provider failed (only on the OpenAI-compatible {@code /v1} surface). */
    UPSTREAM_001(502, "Upstream provider failed"),
    /** A request body over the limit of its surface (see README, "Security and limits"). */
    SIZE_001(413, "Request body too large");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
