package ai.massrouter.app.security;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.app.web.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.util.Map;

/** Spring's CORS rules, but a refused cross-origin request is answered in the envelope, not in plain text. */
class EnvelopeCorsProcessor extends DefaultCorsProcessor {

    private final ErrorResponder responder;

    EnvelopeCorsProcessor(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (super.processRequest(config, request, response)) {
            return true;
        }
        responder.write(request, response, ErrorCode.ERR_003,
                "Cross-origin request refused: this origin, method or header is not allowed",
                Map.of("origin", String.valueOf(request.getHeader(HttpHeaders.ORIGIN))));
        return false;
    }

    /** Left to {@link #processRequest}, which knows the request and so the surface's error shape. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
    }
}
