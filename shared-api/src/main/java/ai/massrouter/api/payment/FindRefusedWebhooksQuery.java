package ai.massrouter.api.payment;

import ai.massrouter.api.common.PageRequest;

/** Refused payment notifications, newest first; {@code provider} optional. */
public record FindRefusedWebhooksQuery(PageRequest page, String provider) {
}
