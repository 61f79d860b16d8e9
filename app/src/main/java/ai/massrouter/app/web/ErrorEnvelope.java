package ai.massrouter.app.web;

import java.time.Instant;
import java.util.Map;

/** The document's error envelope: {@code success:false}, {@code error:{code,message,details}}, {@code timestamp}. */
public record ErrorEnvelope(boolean success, Error error, Instant timestamp) {

    public static ErrorEnvelope of(String code, String message, Map<String, String> details) {
        return new ErrorEnvelope(false, new Error(code, message, details), Instant.now());
    }

    public record Error(String code, String message, Map<String, String> details) {
    }
}
