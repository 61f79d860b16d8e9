package ai.massrouter.app.web;

import java.time.Instant;

/** The document's success envelope: {@code success}, {@code data}, {@code message}, {@code timestamp}. */
public record Envelope(boolean success, Object data, String message, Instant timestamp) {

    static final String OK_MESSAGE = "操作成功";

    public static Envelope ok(Object data) {
        return new Envelope(true, data, OK_MESSAGE, Instant.now());
    }
}
