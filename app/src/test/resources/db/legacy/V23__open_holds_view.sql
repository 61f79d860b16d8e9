-- Holds placed and not yet settled or released, one row each: what the stale-hold sweep looks at.
-- Built by OpenHoldProjection (processor "accounts"); emptied and rebuilt with it on replay.
CREATE TABLE open_holds_view (
    account_id  VARCHAR(64)  NOT NULL,
    hold_id     VARCHAR(200) NOT NULL,
    amount_nanos BIGINT      NOT NULL CHECK (amount_nanos >= 0),
    currency    VARCHAR(3)   NOT NULL,
    api_key_id  VARCHAR(64),
    held_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, hold_id)
);
CREATE INDEX open_holds_view_held_at_idx ON open_holds_view (held_at);
