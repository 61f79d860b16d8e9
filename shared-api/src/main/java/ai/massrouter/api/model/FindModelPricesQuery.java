package ai.massrouter.api.model;

import ai.massrouter.api.common.PageRequest;

/** A model's prices, newest first: the one it was added with and every change since. */
public record FindModelPricesQuery(ModelId modelId, PageRequest page) {
}
