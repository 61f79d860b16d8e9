package ai.massrouter.api.payment;

import java.time.Instant;

public record RefusedWebhookView(long id, String provider, String reason, String remoteAddress, String bodySha256,
                                 String bodyExcerpt, Instant receivedAt) {
}
