package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The payment failed and credits nothing: declined by the provider, or reported paid with an
 * amount or currency other than the order's ({@code errorCode} BILL_002, {@code reported} says what came).
 */
@Revision("1")
public record PaymentFailedEvent(PaymentId paymentId, UserId userId, String errorCode, String reason,
                                 Money reported, String source, Instant at) {
}
