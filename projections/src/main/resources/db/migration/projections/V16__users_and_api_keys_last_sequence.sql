-- As models_view (V15): the users' and the API keys' read models apply their events at least once,
-- and an older event handed again after a newer one (a segment moving between nodes) must not
-- bring back an older status or older spend limits. Rows written before this start at -1.
ALTER TABLE users_view ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT -1;
ALTER TABLE api_keys_view ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT -1;
