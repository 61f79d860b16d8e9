package ai.massrouter.app.payment;

import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One local HTTP server that answers like the providers' order APIs: Stripe's Checkout Sessions,
 * Alipay's gateway (precreate, signed answers) and, on a {@link RawHttpServer} of its own, WeChat
 * Pay's Native payments (signed answers).
 * It checks that our requests are authenticated as each provider requires, and keeps them for
 * the tests to look at.
 */
final class FakeProviders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WECHAT_AUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static final List<Map<String, String>> stripeSessions = new CopyOnWriteArrayList<>();
    static final List<Map<String, String>> alipayOrders = new CopyOnWriteArrayList<>();
    static final List<JsonNode> wechatOrders = new CopyOnWriteArrayList<>();
    static final int PORT;
    static final int WECHAT_PORT;

    static {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/stripe/v1/checkout/sessions", FakeProviders::stripe);
            server.createContext("/alipay/gateway.do", FakeProviders::alipay);
            server.start();
            PORT = server.getAddress().getPort();
            WECHAT_PORT = new RawHttpServer(FakeProviders::wechat).port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeProviders() {
    }

    static String base() {
        return "http://127.0.0.1:" + PORT;
    }

    static String wechatBase() {
        return "http://127.0.0.1:" + WECHAT_PORT;
    }

    private static void stripe(HttpExchange exchange) throws IOException {
        if (!("Bearer " + ProviderKeys.STRIPE_SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}", Map.of());
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.put("Idempotency-Key", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        stripeSessions.add(form);
        String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("url", "https://checkout.stripe.test/c/pay/" + id);
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("metadata", Map.of("payment_id", form.get("metadata[payment_id]")));
        session.put("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")));
        session.put("currency", form.get("line_items[0][price_data][currency]"));
        session.put("mode", "payment");
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        send(exchange, 200, "application/json", JSON.writeValueAsString(session), Map.of());
    }

    /** Alipay signs requests over every parameter but {@code sign} (the V2 check). */
    private static void alipay(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        boolean signed;
        try {
            signed = AlipaySignature.rsaCheckV2(params, ProviderKeys.publicKey(ProviderKeys.ALIPAY_APP), "UTF-8", "RSA2");
        } catch (Exception e) {
            signed = false;
        }
        JsonNode biz = JSON.readTree(params.getOrDefault("biz_content", "{}"));
        String content;
        if (!signed || !"alipay.trade.precreate".equals(params.get("method"))) {
            content = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\",\"sub_msg\":\"bad signature\"}";
        } else {
            alipayOrders.add(params);
            content = "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"" + biz.path("out_trade_no").asText()
                    + "\",\"qr_code\":\"https://qr.alipay.test/bax0" + biz.path("out_trade_no").asText() + "\"}";
        }
        String sign = ProviderSignatures.sha256WithRsa(content, ProviderKeys.ALIPAY_PLATFORM.getPrivate());
        send(exchange, 200, "application/json;charset=utf-8",
                "{\"alipay_trade_precreate_response\":" + content + ",\"sign\":\"" + sign + "\"}", Map.of());
    }

    /** WeChat Pay v3: the request's Authorization signs method, path, timestamp, nonce and body. */
    private static RawHttpServer.Answer wechat(RawHttpServer.Request request) {
        String header = request.headers().getOrDefault("authorization", "");
        Map<String, String> auth = new LinkedHashMap<>();
        Matcher param = WECHAT_AUTH_PARAM.matcher(header);
        while (param.find()) {
            auth.put(param.group(1), param.group(2));
        }
        boolean signed = request.path().equals("/v3/pay/transactions/native")
                && header.startsWith("WECHATPAY2-SHA256-RSA2048 ")
                && ProviderKeys.WECHAT_MERCHANT_ID.equals(auth.get("mchid"))
                && ProviderKeys.WECHAT_MERCHANT_SERIAL.equals(auth.get("serial_no"))
                && ProviderSignatures.verifySha256WithRsa(request.method() + "\n" + request.path() + "\n"
                        + auth.get("timestamp") + "\n" + auth.get("nonce_str") + "\n" + request.body() + "\n",
                auth.get("signature"), ProviderKeys.WECHAT_MERCHANT.getPublic());
        if (!signed) {
            return new RawHttpServer.Answer(401, Map.of("Content-Type", "application/json"),
                    "{\"code\":\"SIGN_ERROR\",\"message\":\"bad signature\"}");
        }
        try {
            wechatOrders.add(JSON.readTree(request.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Request-ID", UUID.randomUUID().toString());
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", ProviderKeys.WECHAT_PUBLIC_KEY_ID);
        headers.put("Wechatpay-Signature", ProviderSignatures.sha256WithRsa(
                ProviderSignatures.wechatMessage(timestamp, nonce, answer), ProviderKeys.WECHAT_PLATFORM.getPrivate()));
        return new RawHttpServer.Answer(200, headers, answer);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
