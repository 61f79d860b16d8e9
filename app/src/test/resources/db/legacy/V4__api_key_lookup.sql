-- Command-side lookup of API keys by the SHA-256 of their secret, written by ApiKeyAggregate in
-- the same transaction as its events. Every request with a key reads it, so revocation and
-- expiry take effect at once on every node. The secret itself is stored nowhere.
CREATE TABLE api_key_lookup (
    key_id              VARCHAR(64)  PRIMARY KEY,
    secret_hash         CHAR(64)     NOT NULL UNIQUE,
    user_id             VARCHAR(64)  NOT NULL,
    permissions         VARCHAR(32)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    expires_at          TIMESTAMPTZ,
    spend_total_nanos   BIGINT CHECK (spend_total_nanos >= 0),
    spend_daily_nanos   BIGINT CHECK (spend_daily_nanos >= 0),
    spend_monthly_nanos BIGINT CHECK (spend_monthly_nanos >= 0),
    spend_currency      VARCHAR(3),
    rate_limit_per_hour INTEGER CHECK (rate_limit_per_hour > 0),
    last_used_at        TIMESTAMPTZ
);
CREATE INDEX api_key_lookup_user_idx ON api_key_lookup (user_id);
