package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment tests' shared context: every provider configured against {@link FakeProviders}
 * with test keys, orders expiring after 5 s (bank transfers after 10 min), USD accepted at 7.10.
 */
@TestPropertySource(properties = {
        "massrouter.payments.expiry=PT5S",
        "massrouter.payments.bank-transfer-expiry=PT10M",
        "massrouter.payments.fx-rates=USD:7.10",
        "db-scheduler.polling-interval=PT0.5S",
        "massrouter.payments.bank-transfer.bank-name=Test Bank",
        "massrouter.payments.bank-transfer.account-name=MassRouter Ltd",
        "massrouter.payments.bank-transfer.account-number=6222000011112222"})
abstract class PaymentITBase extends PlatformIT {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String base = FakeProviders.base();
        registry.add("massrouter.payments.stripe.secret-key", () -> ProviderKeys.STRIPE_SECRET_KEY);
        registry.add("massrouter.payments.stripe.webhook-secret", () -> ProviderKeys.STRIPE_WEBHOOK_SECRET);
        registry.add("massrouter.payments.stripe.api-base", () -> base + "/stripe");
        registry.add("massrouter.payments.alipay.app-id", () -> ProviderKeys.ALIPAY_APP_ID);
        registry.add("massrouter.payments.alipay.seller-id", () -> ProviderKeys.ALIPAY_SELLER_ID);
        registry.add("massrouter.payments.alipay.private-key", () -> ProviderKeys.privateKey(ProviderKeys.ALIPAY_APP));
        registry.add("massrouter.payments.alipay.public-key", () -> ProviderKeys.publicKey(ProviderKeys.ALIPAY_PLATFORM));
        registry.add("massrouter.payments.alipay.gateway", () -> base + "/alipay/gateway.do");
        registry.add("massrouter.payments.wechat-pay.app-id", () -> ProviderKeys.WECHAT_APP_ID);
        registry.add("massrouter.payments.wechat-pay.merchant-id", () -> ProviderKeys.WECHAT_MERCHANT_ID);
        registry.add("massrouter.payments.wechat-pay.merchant-serial-number", () -> ProviderKeys.WECHAT_MERCHANT_SERIAL);
        registry.add("massrouter.payments.wechat-pay.private-key", () -> ProviderKeys.privateKey(ProviderKeys.WECHAT_MERCHANT));
        registry.add("massrouter.payments.wechat-pay.api-v3-key", () -> ProviderKeys.WECHAT_API_V3_KEY);
        registry.add("massrouter.payments.wechat-pay.public-key", () -> ProviderKeys.publicKey(ProviderKeys.WECHAT_PLATFORM));
        registry.add("massrouter.payments.wechat-pay.public-key-id", () -> ProviderKeys.WECHAT_PUBLIC_KEY_ID);
        registry.add("massrouter.payments.wechat-pay.api-base", FakeProviders::wechatBase);
    }

    /** Another node on this context's database, taking Stripe like this one (the other providers are not needed). */
    SecondNode secondNode() {
        return SecondNode.start(databaseUrl,
                "--massrouter.payments.stripe.secret-key=" + ProviderKeys.STRIPE_SECRET_KEY,
                "--massrouter.payments.stripe.webhook-secret=" + ProviderKeys.STRIPE_WEBHOOK_SECRET,
                "--massrouter.payments.stripe.api-base=" + FakeProviders.base() + "/stripe");
    }

    record User(String id, String token) {
    }

    User newUser() {
        JsonNode registered = register(uniqueEmail("payer"), "password-123");
        return new User(registered.path("user").path("id").asText(),
                registered.path("tokens").path("access_token").asText());
    }

    JsonNode order(User user, String method, String amount, String currency) {
        ApiClient.Response response = api.post("/api/v1/billing/payments", Map.of("amount", new BigDecimal(amount),
                "currency", currency, "payment_method", method), user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data();
    }

    JsonNode payment(User user, String paymentId) {
        ApiClient.Response response = api.get("/api/v1/billing/payments/" + paymentId, user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    void awaitStatus(User user, String paymentId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(payment(user, paymentId).path("status").asText()).isEqualTo(status));
    }

    /** Waits for the balance the read model shows; the ledger check below is the proof from the log. */
    void awaitAvailable(User user, String amount) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get("/api/v1/billing/balance", user.token()).data().path("available").decimalValue())
                        .isEqualByComparingTo(amount));
    }

    /** Top-ups recorded in the account's own event stream (not the read model). */
    long topUps(User user) {
        JsonNode events = api.get("/api/v1/admin/audit/accounts/" + user.id() + "/events?limit=1000", adminToken())
                .data().path("events");
        long count = 0;
        for (JsonNode event : events) {
            count += event.path("type").asText().endsWith("TopUpCreditedEvent") ? 1 : 0;
        }
        return count;
    }

    /**
     * Every balance equals the sum of its account's events, the read model agrees, and every payment,
     * credit, refund and hold of the log matches from both sides.
     */
    void assertLedgerBalanced() {
        assertLedgerReconciled();
    }

    long rejections(String provider) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM payment_webhook_rejection WHERE provider = ?",
                Long.class, provider);
        return count == null ? 0 : count;
    }

    ApiClient.Response postRaw(String path, String body, String contentType, Map<String, String> headers) {
        return postRaw(port, path, body, contentType, headers);
    }

    /** To the node listening on {@code nodePort} (this context's, or a second node's). */
    static ApiClient.Response postRaw(int nodePort, String path, String body, String contentType,
                                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- notifications (built by ProviderNotifications), sent over HTTP ---

    ApiClient.Response postStripe(String payload, String signatureHeader) {
        return postStripe(port, payload, signatureHeader);
    }

    static ApiClient.Response postStripe(int nodePort, String payload, String signatureHeader) {
        return postRaw(nodePort, "/api/v1/billing/webhooks/stripe", payload, "application/json",
                Map.of("Stripe-Signature", signatureHeader));
    }

    ApiClient.Response postStripeSigned(String payload) {
        return postStripe(payload, ProviderSignatures.stripe(payload, ProviderKeys.STRIPE_WEBHOOK_SECRET,
                Instant.now().getEpochSecond()));
    }

    ApiClient.Response postAlipay(Map<String, String> params) {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return postRaw("/api/v1/billing/webhooks/alipay", form, "application/x-www-form-urlencoded; charset=utf-8",
                Map.of());
    }

    ApiClient.Response postWechat(String body, String signedBody) {
        return postWechat(body, signedBody, Instant.now());
    }

    ApiClient.Response postWechat(String body, String signedBody, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        return postRaw("/api/v1/billing/webhooks/wechat_pay", body, "application/json", Map.of(
                "Wechatpay-Serial", ProviderKeys.WECHAT_PUBLIC_KEY_ID, "Wechatpay-Timestamp", timestamp,
                "Wechatpay-Nonce", nonce, "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048",
                "Wechatpay-Signature", ProviderSignatures.sha256WithRsa(ProviderSignatures.wechatMessage(timestamp,
                        nonce, signedBody), ProviderKeys.WECHAT_PLATFORM.getPrivate())));
    }
}
