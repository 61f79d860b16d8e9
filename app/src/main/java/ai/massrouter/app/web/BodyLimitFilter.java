package ai.massrouter.app.web;

import ai.massrouter.api.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The first filter of every request: a body declared larger than its surface's limit
 * ({@link BodyLimits}) is answered 413 {@code SIZE_001} at once, before authentication, rate limits
 * or any reader touch it; a body without a Content-Length (chunked) is read through a capped
 * stream and answered the same way at the first byte past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final ErrorResponder responder;

    public BodyLimitFilter(BodyLimits limits, ErrorResponder responder) {
        this.limits = limits;
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.forPath(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(declared < 0 ? new CappedRequest(request, limit) : request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a filter that buffers the body (Idempotency-Key) hit the cap before any controller did
            BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, tooLarge.limit());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not wanted: the client should not go on sending it on this connection
        response.setHeader(HttpHeaders.CONNECTION, "close");
        responder.write(request, response, ErrorCode.SIZE_001, message(limit), Map.of("body", "at most " + limit + " bytes"));
    }

    public static String message(long limit) {
        return "Request body too large: this endpoint reads at most " + limit + " bytes";
    }
}
