package ai.massrouter.api.user;

import java.util.List;

public record AdminUserPageView(List<AdminUserView> items, int page, int limit, long total) {
}
