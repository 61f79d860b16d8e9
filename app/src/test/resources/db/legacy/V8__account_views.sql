-- Read models of the ledger, built by AccountProjection; dropped and rebuilt on replay.
-- last_sequence makes every handler idempotent: an event at or below it was applied already.
CREATE TABLE account_balances_view (
    account_id    VARCHAR(64) PRIMARY KEY,
    user_id       VARCHAR(64) NOT NULL UNIQUE,
    currency      VARCHAR(3)  NOT NULL,
    balance_nanos BIGINT      NOT NULL,
    held_nanos    BIGINT      NOT NULL CHECK (held_nanos >= 0),
    last_sequence BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE account_transactions_view (
    account_id          VARCHAR(64)  NOT NULL,
    sequence_number     BIGINT       NOT NULL,
    transaction_id      VARCHAR(64)  NOT NULL UNIQUE,
    user_id             VARCHAR(64)  NOT NULL,
    type                VARCHAR(16)  NOT NULL,
    amount_nanos        BIGINT       NOT NULL,
    balance_after_nanos BIGINT       NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    operation_id        VARCHAR(200) NOT NULL,
    description         TEXT,
    model_id            VARCHAR(128),
    api_key_id          VARCHAR(64),
    prompt_tokens       BIGINT,
    completion_tokens   BIGINT,
    created_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, sequence_number)
);
CREATE INDEX account_transactions_view_time_idx ON account_transactions_view (account_id, created_at DESC);
