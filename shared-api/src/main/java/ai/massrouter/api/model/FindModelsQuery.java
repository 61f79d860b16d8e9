package ai.massrouter.api.model;

import ai.massrouter.api.common.PageRequest;

/** Catalog search: every filter optional; {@code search} looks in id, name, provider and description. */
public record FindModelsQuery(String category, String provider, String search, ModelSort sortBy, boolean descending,
                              PageRequest page) {
}
