-- Read model of API keys (no secret, no hash), built by ApiKeyProjection; rebuilt on replay.
CREATE TABLE api_keys_view (
    key_id              VARCHAR(64)  PRIMARY KEY,
    user_id             VARCHAR(64)  NOT NULL,
    name                VARCHAR(100) NOT NULL,
    prefix              VARCHAR(16)  NOT NULL,
    permissions         VARCHAR(32)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ,
    last_used_at        TIMESTAMPTZ,
    spend_total_nanos   BIGINT,
    spend_daily_nanos   BIGINT,
    spend_monthly_nanos BIGINT,
    spend_currency      VARCHAR(3),
    rate_limit_per_hour INTEGER
);
CREATE INDEX api_keys_view_user_idx ON api_keys_view (user_id, created_at DESC);
