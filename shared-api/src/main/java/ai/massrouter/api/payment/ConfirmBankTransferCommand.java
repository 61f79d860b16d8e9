package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An administrator saw {@code received} arrive on the bank account for this order. */
public record ConfirmBankTransferCommand(@TargetAggregateIdentifier PaymentId paymentId, Money received,
                                         String bankReference, UserId confirmedBy, Instant at) {
}
