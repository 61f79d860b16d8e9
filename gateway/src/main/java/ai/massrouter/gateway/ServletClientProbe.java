package ai.massrouter.gateway;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@link ClientProbe} on the servlet response: silent for {@code after} (so a quick call keeps
 * its real status: 4xx, 502), then a space per look. Once the first space is written the status is
 * 200; an upstream failure after that is told in the body (OpenAI's error shape), as OpenRouter does.
 */
final class ServletClientProbe implements ClientProbe {

    private static final long INTERVAL_MILLIS = 500;

    private final HttpServletResponse response;
    private final long startNanos = System.nanoTime();
    private final Duration after;
    private boolean gone;

    ServletClientProbe(HttpServletResponse response, Duration after) {
        this.response = response;
        this.after = after;
    }

    @Override
    public long intervalMillis() {
        return Math.min(INTERVAL_MILLIS, Math.max(1, after.toMillis()));
    }

    @Override
    public boolean clientGone() {
        if (gone || System.nanoTime() - startNanos < after.toNanos()) {
            return gone;
        }
        try {
            if (!response.isCommitted()) {
                response.setStatus(200);
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            response.getOutputStream().write(' ');
            response.flushBuffer();
        } catch (IOException e) {
            gone = true;
        }
        return gone;
    }
}
