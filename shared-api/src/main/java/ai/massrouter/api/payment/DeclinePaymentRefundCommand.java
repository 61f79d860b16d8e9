package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;

import ai.massrouter.api.common.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The account refused the debit (e.g. BILL_001: the money was spent): the reservation is released. */
public record DeclinePaymentRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId,
                                          String errorCode, String reason, Instant at) {
}
