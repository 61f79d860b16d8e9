package ai.massrouter.api.payment;

import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.user.UserId;

/**
 * Payment orders, newest first: one user's ({@code userId}), or everyone's when it is null (an
 * administrator's question); {@code status} and {@code method} narrow the list when set.
 */
public record FindPaymentsQuery(UserId userId, PaymentStatus status, PaymentMethod method, PageRequest page) {
}
