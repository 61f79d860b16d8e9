package ai.massrouter.api.account;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens the user's account in the platform currency; opening an open account does nothing. */
public record OpenAccountCommand(@TargetAggregateIdentifier AccountId accountId, UserId userId, String currency,
                                 Instant at) {
}
