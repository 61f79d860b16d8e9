-- Payment orders as users and administrators read them (projection "payments", rebuildable).
-- Amounts in nanos: amount/refunded in the order's currency, credit in the platform currency.
CREATE TABLE payments_view (
    payment_id         VARCHAR(64)  PRIMARY KEY,
    user_id            VARCHAR(64)  NOT NULL,
    method             VARCHAR(32)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    amount_nanos       BIGINT       NOT NULL CHECK (amount_nanos > 0),
    currency           VARCHAR(3)   NOT NULL,
    credit_nanos       BIGINT       NOT NULL CHECK (credit_nanos > 0),
    credit_currency    VARCHAR(3)   NOT NULL,
    fx_rate            NUMERIC(20, 6) NOT NULL,
    refunded_nanos     BIGINT       NOT NULL DEFAULT 0 CHECK (refunded_nanos >= 0),
    provider_reference VARCHAR(255),
    checkout_url       VARCHAR(2000),
    qr_code            VARCHAR(2000),
    bank_name          VARCHAR(200),
    bank_account_name  VARCHAR(200),
    bank_account_number VARCHAR(100),
    bank_reference     VARCHAR(100),
    failure_code       VARCHAR(16),
    failure_reason     VARCHAR(1000),
    late               BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    paid_at            TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    expired_at         TIMESTAMPTZ,
    refunded_at        TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL,
    last_sequence      BIGINT       NOT NULL
);
CREATE INDEX payments_view_user_idx ON payments_view (user_id, created_at DESC);
