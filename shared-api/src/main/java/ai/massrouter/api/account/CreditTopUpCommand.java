package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Credits a successful payment; {@code operationId} (e.g. {@code topup:<paymentId>}) makes it happen once. */
public record CreditTopUpCommand(@TargetAggregateIdentifier AccountId accountId, String operationId, String paymentId,
                                 String paymentMethod, Money amount, Instant at) {
}
