-- The price per million prompt tokens read from an upstream's prompt cache, when the catalog names
-- one (NULL: cached tokens cost the input price). Filled by ModelProjection from ModelPricing.
ALTER TABLE models_view ADD COLUMN cache_read_nanos BIGINT CHECK (cache_read_nanos >= 0);
