package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;

public record FindPaymentQuery(PaymentId paymentId) {
}
