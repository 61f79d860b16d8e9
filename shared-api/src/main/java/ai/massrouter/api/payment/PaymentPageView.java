package ai.massrouter.api.payment;

import java.util.List;

public record PaymentPageView(List<PaymentView> items, int page, int limit, long total) {
}
