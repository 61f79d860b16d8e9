package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;

/**
 * A refund as the payment knows it. {@code replayed}: the refund id was seen before; its
 * {@code state} then says whether to resume it (requested), or what came of it.
 */
public record PaymentRefundTicket(PaymentId paymentId, RefundId refundId, AccountId accountId, Money amount,
                                  Money debit, boolean force, String reason, RefundState state,
                                  String declineCode, String declineReason, boolean replayed) {
}
