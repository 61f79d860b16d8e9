package ai.massrouter.api.common;

import java.util.Map;

/** A validated page request: page from 1, limit 1..100. Out-of-range values are refused, not clamped. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (page < 1) {
            throw new DomainException(ErrorCode.ERR_001, "page must be 1 or more", Map.of("page", "must be >= 1"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.ERR_001, "limit must be between 1 and " + MAX_LIMIT,
                    Map.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
