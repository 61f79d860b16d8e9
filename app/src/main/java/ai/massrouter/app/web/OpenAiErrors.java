package ai.massrouter.app.web;

import ai.massrouter.api.common.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of the OpenAI-compatible {@code /v1} surface in OpenAI's shape,
 * {@code {"error":{"message","type","param","code"}}}: the HTTP status is the code's own (see
 * {@link ErrorCode}), {@code type} is the OpenAI error type an SDK expects for it, {@code code} is
 * MassRouter's stable code and {@code param} the field to blame, if any.
 */
public final class OpenAiErrors {

    public static final String PATH_PREFIX = "/v1/";

    private OpenAiErrors() {
    }

    public static boolean onGatewaySurface(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    public static String type(ErrorCode code) {
        return switch (code) {
            case ERR_001, SIZE_001 -> "invalid_request_error";
            case ERR_002, APIKEY_001 -> "authentication_error";
            case ERR_003, USER_001 -> "permission_error";
            case ERR_004 -> "not_found_error";
            case BILL_001, BILL_002 -> "insufficient_quota";
            case RATE_001 -> "rate_limit_error";
            case MODEL_001 -> "service_unavailable_error";
            case UPSTREAM_001 -> "upstream_error";
            case ERR_005 -> "server_error";
        };
    }

    public static Map<String, Object> body(String code, String message, Map<String, String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type(ErrorCode.valueOf(code)));
        error.put("param", details == null || details.isEmpty() ? null : details.keySet().iterator().next());
        error.put("code", code);
        return Map.of("error", error);
    }
}
