-- The catalog's read model applies a model's events at least once, and a segment that moves
-- between nodes may hand an older event again after a newer one: each row remembers the last
-- sequence number of its model's stream that it applied, and older ones change nothing.
-- Rows written before this migration start at -1 (the next event of their model applies).
ALTER TABLE models_view ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT -1;
