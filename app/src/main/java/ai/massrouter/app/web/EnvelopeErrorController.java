package ai.massrouter.app.web;

import ai.massrouter.api.common.ErrorCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Errors that happen outside any controller (filters, the container) still leave in the envelope. */
@RestController
public class EnvelopeErrorController implements ErrorController {

    private final ErrorResponder responder;

    public EnvelopeErrorController(ErrorResponder responder) {
        this.responder = responder;
    }

    @RequestMapping("/error")
    public ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // a client asked for /error itself: for it, that is a route like any unknown one
            return responder.entity(ErrorCode.ERR_004, "No route for " + request.getMethod() + " " + request.getRequestURI(),
                    Map.of());
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        return responder.entity(ErrorResponder.codeForStatus(code), null, Map.of());
    }
}
