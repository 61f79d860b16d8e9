package ai.massrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events on the servlet response, flushed chunk by chunk. The servlet container
 * reports a vanished client as an {@link IOException} on write or flush: that is the signal that
 * stops the upstream.
 */
final class SseResponse implements ChunkSink {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final ObjectMapper json;
    private ServletOutputStream out;

    SseResponse(HttpServletResponse response, ObjectMapper json) {
        this.response = response;
        this.json = json;
    }

    @Override
    public void open() {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        // proxies such as nginx must not hold chunks back
        response.setHeader("X-Accel-Buffering", "no");
        try {
            out = response.getOutputStream();
            response.flushBuffer();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    @Override
    public void send(JsonNode chunk) {
        try {
            out.write("data: ".getBytes(StandardCharsets.US_ASCII));
            out.write(json.writeValueAsBytes(chunk));
            out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    @Override
    public void finish() {
        try {
            out.write(DONE);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}
