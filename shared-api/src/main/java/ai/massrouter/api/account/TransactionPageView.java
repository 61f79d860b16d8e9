package ai.massrouter.api.account;

import java.util.List;

public record TransactionPageView(List<TransactionView> items, int page, int limit, long total) {
}
