package ai.massrouter.app.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A streamed call over a raw socket, read up to its third content chunk: in flight, its hold open. */
final class InFlightCall implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    final String requestId;

    private InFlightCall(Socket socket, BufferedReader in, String requestId) {
        this.socket = socket;
        this.in = in;
        this.requestId = requestId;
    }

    static InFlightCall open(int port, String key, String model) throws IOException {
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"max_tokens\":1000,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"stream slowly\"}]}";
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String requestId = null;
        int received = 0;
        for (String line; received < 3 && (line = in.readLine()) != null; ) {
            if (line.toLowerCase().startsWith("x-request-id:")) {
                requestId = line.substring(line.indexOf(':') + 1).trim();
            }
            if (line.startsWith("data: ") && line.contains("abcd")) {
                received++;
            }
        }
        assertThat(requestId).startsWith("chatcmpl-");
        return new InFlightCall(socket, in, requestId);
    }

    boolean readToEnd() throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("data: [DONE]")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
