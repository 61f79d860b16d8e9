package ai.massrouter.app.web;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds every error response, for controllers and for filters alike, from an {@link ErrorCode}. */
@Component
public class ErrorResponder {

    /** A RATE_001 error's detail that also becomes the {@code Retry-After} header. */
    public static final String RETRY_AFTER_DETAIL = "retry_after_seconds";

    private final ObjectMapper json;

    public ErrorResponder(ObjectMapper json) {
        this.json = json;
    }

    public ResponseEntity<ErrorEnvelope> entity(DomainException e) {
        return entity(e.code(), e.getMessage(), e.details());
    }

    public ResponseEntity<ErrorEnvelope> entity(ErrorCode code, String message, Map<String, String> details) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_JSON);
        String retryAfter = details.get(RETRY_AFTER_DETAIL);
        if (code == ErrorCode.RATE_001 && retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return builder.body(ErrorEnvelope.of(code.name(), message == null ? code.defaultMessage() : message, details));
    }

    public void write(HttpServletResponse response, DomainException e) throws IOException {
        write(response, e.code(), e.getMessage(), e.details());
    }

    public void write(HttpServletResponse response, ErrorCode code, String message, Map<String, String> details)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(),
                ErrorEnvelope.of(code.name(), message == null ? code.defaultMessage() : message, details));
    }

    /**
     * An error written outside any controller (a filter, the security chain, the container), in the
     * shape of the surface the client called: OpenAI's on {@code /v1}, the envelope everywhere else.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                      Map<String, String> details) throws IOException {
        if (OpenAiErrors.onGatewaySurface(request.getRequestURI())) {
            writeOpenAiError(response, code.httpStatus(), message == null ? code.defaultMessage() : message,
                    OpenAiErrors.type(code), code.name());
        } else {
            write(response, code, message, details);
        }
    }

    /** An error of the OpenAI-compatible surface, in OpenAI's own shape (no envelope). */
    public void writeOpenAiError(HttpServletResponse response, int status, String message, String type, String code)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        json.writeValue(response.getOutputStream(), Map.of("error", error));
    }

    /** The code a bare HTTP status stands for, where no code was raised (errors outside any controller). */
    public static ErrorCode codeForStatus(int status) {
        return switch (status) {
            case 400, 405, 406, 415, 431 -> ErrorCode.ERR_001;
            case 413 -> ErrorCode.SIZE_001;
            case 401 -> ErrorCode.ERR_002;
            case 403 -> ErrorCode.ERR_003;
            case 404 -> ErrorCode.ERR_004;
            case 429 -> ErrorCode.RATE_001;
            default -> ErrorCode.ERR_005;
        };
    }
}
