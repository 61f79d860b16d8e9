-- Rate-limit budgets shared by every node. A node takes tokens from a budget in leases (one
-- statement, no lock held past it) and spends them locally, so a request costs no round trip
-- (see RateLimiter). Operational state, not business state: not an event, not a projection.
-- A budget untouched for an hour has refilled to its capacity, which is what a missing row means.
CREATE TABLE rate_limit_budget (
    bucket      VARCHAR(255)     PRIMARY KEY,
    capacity    BIGINT           NOT NULL CHECK (capacity > 0),
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ      NOT NULL,
    granted     BIGINT           NOT NULL
);
CREATE INDEX rate_limit_budget_refilled_idx ON rate_limit_budget (refilled_at);

-- Bucket4j's buckets (one SELECT ... FOR UPDATE per request) are replaced by the budgets above.
DROP TABLE rate_limit_bucket;
