package ai.massrouter.app.idempotency;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.app.ratelimit.RateLimitFilter;
import ai.massrouter.app.caller.CallerAuthentication;
import ai.massrouter.app.web.ErrorResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code Idempotency-Key} on a POST, PUT or DELETE of the platform API, per caller: the same key
 * with the same request replays the first response ({@code Idempotent-Replayed: true}); the same
 * key with another request, or while the first is still running, is {@code ERR_001}. This covers
 * {@code POST /api/v1/billing/payments} (a retried order opens one payment). Provider webhooks are
 * left out: they are deduplicated by the payment they settle, and a provider's retry must be handled.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final ErrorResponder responder;

    public IdempotencyFilter(IdempotencyStore store, ErrorResponder responder) {
        this.store = store;
        this.responder = responder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || request.getRequestURI().startsWith(RateLimitFilter.WEBHOOK_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            responder.write(response, ErrorCode.ERR_001, "Idempotency-Key must have 1 to 255 characters",
                    Map.of("idempotency_key", "must have 1 to 255 characters"));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String scope = scope(request);
        String hash = hash(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString(), body);
        if (!store.begin(scope, key, hash)) {
            replay(scope, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), recorded);
        } finally {
            if (recorded.getStatus() >= 500) {
                store.abandon(scope, key);
            } else {
                store.complete(scope, key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getContentAsByteArray());
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        IdempotencyStore.Stored stored = store.find(scope, key).orElse(null);
        if (stored == null || !stored.completed()) {
            responder.write(response, ErrorCode.ERR_001, "A request with this Idempotency-Key is still in progress",
                    Map.of("idempotency_key", "in progress; retry later"));
        } else if (!stored.requestHash().equals(hash)) {
            responder.write(response, ErrorCode.ERR_001, "This Idempotency-Key was used for a different request",
                    Map.of("idempotency_key", "reused with a different request"));
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
        }
    }

    private static String scope(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? caller.getPrincipal().userId().value()
                : "anonymous:" + request.getRemoteAddr();
    }

    private static String hash(String target, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read (to hash it), readable again by the controller. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
