-- Responses to requests sent with an Idempotency-Key, kept 24 hours, so that the same key with
-- the same request returns the first response and the same key with another request is refused.
-- A cache of HTTP answers, not business state: money moves once because of account operation ids.
CREATE TABLE idempotency_record (
    scope         VARCHAR(128) NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INTEGER,
    content_type  VARCHAR(128),
    response_body BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
