package ai.massrouter.api.payment;

public record FindPaymentQuery(PaymentId paymentId) {
}
