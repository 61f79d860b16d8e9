package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A price change; the old price stays in the event, so the log is the price history. */
@Revision("1")
public record ModelPriceChangedEvent(ModelId modelId, ModelPricing previousPricing, ModelPricing pricing,
                                     UserId changedBy, Instant at) {
}
