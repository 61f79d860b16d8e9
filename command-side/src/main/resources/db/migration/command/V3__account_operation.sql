-- Command-side idempotency of money movements: one row per (account, operation id), written
-- by AccountAggregate in the same transaction as the event it records. The same operation id
-- again (a retried request, a duplicated webhook) finds its row and gets the first result back.
-- Not a projection: never reset.
CREATE TABLE account_operation (
    account_id          VARCHAR(64)  NOT NULL,
    operation_id        VARCHAR(200) NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    amount_nanos        BIGINT       NOT NULL,
    balance_after_nanos BIGINT       NOT NULL,
    held_after_nanos    BIGINT       NOT NULL CHECK (held_after_nanos >= 0),
    currency            VARCHAR(3)   NOT NULL,
    at                  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, operation_id)
);
