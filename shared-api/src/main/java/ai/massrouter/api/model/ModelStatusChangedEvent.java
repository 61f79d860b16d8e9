package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ModelStatusChangedEvent(ModelId modelId, ModelStatus status, String reason, UserId changedBy,
                                      Instant at) {
}
