package ai.massrouter.command.payment;

import ai.massrouter.api.payment.BankTransferInstructions;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentMethod;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Bank transfers have no provider API: the payer gets our account and a reference to put on the
 * transfer, and an administrator confirms the money arrived ({@code POST /admin/payments/{id}/confirm}).
 */
@Component
class BankTransferDesk implements PaymentProvider {

    private final PaymentsProperties.BankTransfer config;

    BankTransferDesk(PaymentsProperties properties) {
        this.config = properties.bankTransfer();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.BANK_TRANSFER;
    }

    @Override
    public void ensureConfigured() {
        if (!PaymentsProperties.set(config.bankName()) || !PaymentsProperties.set(config.accountName())
                || !PaymentsProperties.set(config.accountNumber())) {
            throw ProviderErrors.notConfigured(method(), "MASSROUTER_BANK_TRANSFER_BANK_NAME, "
                    + "MASSROUTER_BANK_TRANSFER_ACCOUNT_NAME and MASSROUTER_BANK_TRANSFER_ACCOUNT_NUMBER");
        }
    }

    @Override
    public PaymentCheckout open(PaymentOrder order) {
        String reference = reference(order);
        return new PaymentCheckout(reference, null, null, new BankTransferInstructions(config.bankName(),
                config.accountName(), config.accountNumber(), reference));
    }

    /** Short enough to type into a bank's reference field, unique as the payment id it is cut from. */
    static String reference(PaymentOrder order) {
        return "MR-" + order.paymentId().value().substring(4, 20).toUpperCase(Locale.ROOT);
    }
}
