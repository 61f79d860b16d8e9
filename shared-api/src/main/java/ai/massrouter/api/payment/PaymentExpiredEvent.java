package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Nobody paid in time; a success reported later is still honoured (the money was taken). */
@Revision("1")
public record PaymentExpiredEvent(PaymentId paymentId, UserId userId, Instant at) {
}
