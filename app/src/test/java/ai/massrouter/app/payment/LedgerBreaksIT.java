package ai.massrouter.app.payment;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.PaymentMethod;
import ai.massrouter.api.payment.PaymentRefundRequestedEvent;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.payment.PaymentSucceededEvent;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breaks written straight into the event store with JDBC, as a bug or a hand edit would leave them:
 * each is found by the ledger check, named by its kind and ids. Runs on a database of its own
 * (the property below gives this class its own context), so the other tests' logs stay clean.
 */
@TestPropertySource(properties = "massrouter.test.context=ledger-breaks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerBreaksIT extends PaymentITBase {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @Order(1)
    void secondCreditForOnePayment_isReported() {
        User user = newUser();
        String paymentId = paidByStripe(user, "30.00");
        duplicateLast(accountOf(user), "TopUpCreditedEvent");

        JsonNode found = breakOf("payment_credited_twice", "payment_id", paymentId);
        assertThat(found.path("account_id").asText()).isEqualTo(accountOf(user));
        assertThat(found.path("detail").asText()).contains("2 top-up credits");
    }

    @Test
    @Order(2)
    void holdSettledTwice_isReported() {
        User user = newUser();
        paidByStripe(user, "10.00");
        Response key = api.post("/api/v1/users/me/api-keys", Map.of("name", "k", "permissions",
                List.of("read", "write")), user.token());
        Response call = api.post("/v1/chat/completions", Map.of("model", "mock/echo", "messages",
                List.of(Map.of("role", "user", "content", "hello"))), key.data().path("key").asText());
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        String requestId = call.header("X-Request-Id");
        awaitEvent(accountOf(user), "HoldSettledEvent");
        duplicateLast(accountOf(user), "HoldSettledEvent");

        JsonNode found = breakOf("hold_closed_twice", "hold_id", requestId);
        assertThat(found.path("account_id").asText()).isEqualTo(accountOf(user));
        assertThat(found.path("detail").asText()).contains("settled after it was already settled");
    }

    @Test
    @Order(3)
    void refundWithoutDebit_isReported() {
        User user = newUser();
        String paymentId = paidByStripe(user, "50.00");
        UserId userId = UserId.of(user.id());
        PaymentId payment = PaymentId.of(paymentId);
        Instant now = Instant.now();
        inject(paymentId, "PaymentAggregate", new PaymentRefundRequestedEvent(payment, userId,
                AccountId.forUser(userId), RefundId.of("refund_injected"), yuan("20"), yuan("20"), false, "no debit", userId, now));
        inject(paymentId, "PaymentAggregate", new PaymentRefundedEvent(payment, userId, RefundId.of("refund_injected"), yuan("20"),
                yuan("20"), yuan("20"), PaymentStatus.SUCCEEDED, now));

        JsonNode found = breakOf("refund_not_debited", "payment_id", paymentId);
        assertThat(found.path("refund_id").asText()).isEqualTo("refund_injected");
        assertThat(found.path("account_id").asText()).isEqualTo(accountOf(user));
    }

    /** Last: it stops the payment process, so that nothing credits the injected success. */
    @Test
    @Order(4)
    void succeededPaymentWithoutCredit_isReported_afterTheGracePeriod() {
        User user = newUser();
        String paymentId = order(user, "bank_transfer", "40.00", "CNY").path("payment_id").asText();
        processing.eventProcessor("payment-process").ifPresent(EventProcessor::shutDown);
        UserId userId = UserId.of(user.id());
        inject(paymentId, "PaymentAggregate", new PaymentSucceededEvent(PaymentId.of(paymentId), userId,
                AccountId.forUser(userId), PaymentMethod.BANK_TRANSFER, yuan("40"), yuan("40"), "statement-9",
                "injected", false, Instant.now()));

        // within the default grace period a fresh success is under way, not a break
        JsonNode check = api.get("/api/v1/admin/audit/ledger-check", adminToken()).data();
        assertThat(check.path("flows").path("in_flight").asLong()).isPositive();
        assertThat(check.path("breaks").findValuesAsText("payment_id")).doesNotContain(paymentId);

        JsonNode found = breakOf("payment_not_credited", "payment_id", paymentId);
        assertThat(found.path("account_id").asText()).isEqualTo(accountOf(user));
    }

    private String paidByStripe(User user, String amount) {
        JsonNode order = order(user, "stripe", amount, "CNY");
        String paymentId = order.path("payment_id").asText();
        long cents = new BigDecimal(amount).movePointRight(2).longValueExact();
        Response paid = postStripeSigned(stripeEvent("checkout.session.completed", paymentId,
                order.path("provider_reference").asText(), cents, "cny", "paid"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        awaitAvailable(user, amount);
        return paymentId;
    }

    /** The break of {@code kind} whose {@code idField} is {@code id}, as the check reports it (no grace). */
    private JsonNode breakOf(String kind, String idField, String id) {
        JsonNode check = api.get("/api/v1/admin/audit/ledger-check?grace=PT0S", adminToken()).data();
        assertThat(check.path("reconciled").asBoolean()).as(check.toString()).isFalse();
        for (JsonNode b : check.path("breaks")) {
            if (b.path("kind").asText().equals(kind) && b.path(idField).asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no " + kind + " break for " + id + " in " + check);
    }

    private static String accountOf(User user) {
        return AccountId.forUser(UserId.of(user.id())).value();
    }

    private static Money yuan(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "CNY");
    }

    private void awaitEvent(String aggregateId, String type) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class, aggregateId, "%." + type) > 0);
    }

    /** Appends a copy of the aggregate's last event of this type, at its next sequence number. */
    private void duplicateLast(String aggregateId, String type) {
        awaitEvent(aggregateId, type);
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT type, metadata, payload, payloadrevision, payloadtype FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber DESC LIMIT 1""",
                aggregateId, "%." + type);
        insert(aggregateId, (String) row.get("type"), (byte[]) row.get("metadata"), (byte[]) row.get("payload"),
                (String) row.get("payloadrevision"), (String) row.get("payloadtype"));
    }

    /** Appends {@code event}, serialized as the application serializes events, at the aggregate's next sequence. */
    private void inject(String aggregateId, String aggregateType, Object event) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metadata = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        insert(aggregateId, aggregateType, metadata.getData(), payload.getData(), payload.getType().getRevision(),
                payload.getType().getName());
    }

    private void insert(String aggregateId, String aggregateType, byte[] metadata, byte[] payload, String revision,
                        String payloadType) {
        Long next = jdbc.queryForObject("SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                aggregateId, next, aggregateType, UUID.randomUUID().toString(), metadata, payload, revision,
                payloadType, Instant.now().toString());
    }
}
