package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The account refused the debit (e.g. BILL_001: the money was spent): the reservation is released. */
public record DeclinePaymentRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, String refundId,
                                          String errorCode, String reason, Instant at) {
}
