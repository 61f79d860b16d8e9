package ai.massrouter.api.statistics;

import ai.massrouter.api.model.ModelId;

public record FindModelUsageQuery(ModelId modelId, UsageRange range) {
}
