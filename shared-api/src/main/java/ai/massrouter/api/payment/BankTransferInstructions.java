package ai.massrouter.api.payment;

/** Where to send a bank transfer; {@code reference} must be on the transfer so finance can match it. */
public record BankTransferInstructions(String bankName, String accountName, String accountNumber, String reference) {
}
