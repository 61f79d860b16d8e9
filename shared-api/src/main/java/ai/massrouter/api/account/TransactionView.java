package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;

import java.time.Instant;

/**
 * One movement of money. {@code amount} is signed (credits positive, debits negative);
 * usage fields are set for consumption.
 */
public record TransactionView(String id, TransactionType type, Money amount, Money balanceAfter,
                              String operationId, String description, String modelId, String apiKeyId,
                              Long promptTokens, Long completionTokens, Instant createdAt) {
}
