package ai.massrouter.app.web;

import ai.massrouter.api.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replaces Tomcat's HTML error page for the errors Tomcat answers itself, before any filter or
 * controller runs: a malformed or undecodable path ({@code %2F}, {@code %00}), a request line or
 * headers too large, a bad header. They leave as JSON in the shape of the surface the client
 * called, with the code {@link ErrorResponder#codeForStatus} gives their status.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    public JsonErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valve: nothing for a success, nor when something was written or reported already
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = ErrorResponder.codeForStatus(status);
        String message = switch (status) {
            case 400 -> "Malformed request: the path, the request line or a header is invalid or too large";
            case 413 -> "Request too large";
            default -> code.defaultMessage();
        };
        Object body = OpenAiErrors.onGatewaySurface(request.getRequestURI())
                ? OpenAiErrors.body(code.name(), message, Map.of())
                : ErrorEnvelope.of(code.name(), message, Map.of());
        try {
            response.setStatus(code.httpStatus());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to tell it
        }
    }
}
