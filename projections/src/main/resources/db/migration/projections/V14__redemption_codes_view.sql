-- Redemption codes as administrators list them, by batch (projection "redemption-codes",
-- rebuildable). One row per code, under its id (the SHA-256 of the code, never the code itself):
-- issued once, redeemed at most once, each event writing absolute values, so a replay changes nothing.
CREATE TABLE redemption_codes_view (
    code_id      VARCHAR(80)  PRIMARY KEY,
    batch_id     VARCHAR(64)  NOT NULL,
    amount_nanos BIGINT       NOT NULL CHECK (amount_nanos > 0),
    currency     VARCHAR(3)   NOT NULL,
    expires_at   TIMESTAMPTZ,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    redeemed_by  VARCHAR(64),
    redeemed_at  TIMESTAMPTZ
);
CREATE INDEX redemption_codes_view_batch_idx ON redemption_codes_view (batch_id);
CREATE INDEX redemption_codes_view_created_idx ON redemption_codes_view (created_at DESC, batch_id);
