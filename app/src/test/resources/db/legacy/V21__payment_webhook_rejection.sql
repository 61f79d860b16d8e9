-- Provider notifications that were refused (bad signature, foreign app id, unknown order): the
-- audit trail of what did not settle anything. Command-side state, not a projection: never reset.
CREATE TABLE payment_webhook_rejection (
    id             BIGSERIAL     PRIMARY KEY,
    provider       VARCHAR(32)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    remote_address VARCHAR(64),
    body_sha256    CHAR(64)      NOT NULL,
    body_excerpt   VARCHAR(500),
    received_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payment_webhook_rejection_received_idx ON payment_webhook_rejection (received_at);
