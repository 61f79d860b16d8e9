package ai.massrouter.api.statistics;

import ai.massrouter.api.user.UserId;

public record FindUserUsageQuery(UserId userId, UsageRange range) {
}
