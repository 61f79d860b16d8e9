package ai.massrouter.api.payment;

/**
 * What the client needs to pay, as the provider answered: a checkout URL (Stripe), QR-code
 * content (Alipay precreate, WeChat Pay Native) or bank transfer instructions; and the
 * provider's own id of the order (a Checkout Session id, or our id where the provider uses it).
 */
public record PaymentCheckout(String providerReference, String checkoutUrl, String qrCode,
                              BankTransferInstructions bankTransfer) {
}
