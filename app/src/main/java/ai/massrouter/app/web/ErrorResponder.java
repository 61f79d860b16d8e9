package ai.massrouter.app.web;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds every error response, for controllers and for filters alike, from an {@link ErrorCode}. */
@Component
public class ErrorResponder {

    private final ObjectMapper json;

    public ErrorResponder(ObjectMapper json) {
        this.json = json;
    }

    public ResponseEntity<ErrorEnvelope> entity(DomainException e) {
        return entity(e.code(), e.getMessage(), e.details());
    }

    public ResponseEntity<ErrorEnvelope> entity(ErrorCode code, String message, Map<String, String> details) {
        return ResponseEntity.status(code.httpStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.of(code.name(), message == null ? code.defaultMessage() : message, details));
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

    /** The code a bare HTTP status stands for, where no code was raised (errors outside any controller). */
    public static ErrorCode codeForStatus(int status) {
        return switch (status) {
            case 400, 405, 406, 413, 415 -> ErrorCode.ERR_001;
            case 401 -> ErrorCode.ERR_002;
            case 403 -> ErrorCode.ERR_003;
            case 404 -> ErrorCode.ERR_004;
            case 429 -> ErrorCode.RATE_001;
            default -> ErrorCode.ERR_005;
        };
    }
}
