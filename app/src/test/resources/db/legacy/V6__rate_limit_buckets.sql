-- Bucket4j's token buckets, shared by every node (SELECT ... FOR UPDATE per consumption).
-- Operational state, not business state: not an event, not a projection.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
