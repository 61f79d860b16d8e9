package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The payer paid; {@code credit} is what the account receives. {@code late}: the order had expired first. */
@Revision("1")
public record PaymentSucceededEvent(PaymentId paymentId, UserId userId, AccountId accountId, PaymentMethod method,
                                    Money paid, Money credit, String providerTransactionId, String source,
                                    boolean late, Instant at) {
}
