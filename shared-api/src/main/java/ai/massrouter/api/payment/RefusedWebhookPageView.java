package ai.massrouter.api.payment;

import java.util.List;

public record RefusedWebhookPageView(List<RefusedWebhookView> items, int page, int limit, long total) {
}
