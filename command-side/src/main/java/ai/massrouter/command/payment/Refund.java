package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.RefundState;

/** One refund of a payment, as its events left it. */
record Refund(Money amount, Money debit, boolean force, String reason, RefundState state, String declineCode,
              String declineReason) {

    Refund with(RefundState next, String code, String why) {
        return new Refund(amount, debit, force, reason, next, code, why);
    }
}
