package ai.massrouter.app.payment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server (one request per connection) that writes header names exactly as
 * given: WeChat Pay's SDK looks its {@code Wechatpay-*} answer headers up case-sensitively, and
 * the JDK's HttpServer rewrites them to {@code Wechatpay-timestamp}.
 */
final class RawHttpServer {

    record Request(String method, String path, Map<String, String> headers, String body) {
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final ServerSocket socket;

    RawHttpServer(Function<Request, Answer> handler) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread loop = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    serve(client, handler);
                } catch (IOException ignored) {
                    // a client that went away; keep serving the next one
                }
            }
        }, "raw-http-server");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket client, Function<Request, Answer> handler) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        String[] requestLine = line(in).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        Answer answer = handler.apply(new Request(requestLine[0], requestLine[1], headers,
                new String(body, StandardCharsets.UTF_8)));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.status() + " X\r\n");
        answer.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        OutputStream out = client.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
