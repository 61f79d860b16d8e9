-- One row per gateway call (GET /api/v1/generations/{id}), from GenerationRecordedEvent, and the
-- ledger movements named by its request id (hold, settle, release, refunds), from the account's
-- events. Built by GenerationProjection (processor "generations"); emptied and rebuilt on replay.
CREATE TABLE generations_view (
    generation_id        VARCHAR(128) PRIMARY KEY,
    user_id              VARCHAR(64)  NOT NULL,
    api_key_id           VARCHAR(64),
    endpoint             VARCHAR(32)  NOT NULL,
    model_id             VARCHAR(128) NOT NULL,
    provider             VARCHAR(64),
    fallbacks            TEXT         NOT NULL,
    prompt_tokens        BIGINT       NOT NULL,
    completion_tokens    BIGINT       NOT NULL,
    cached_prompt_tokens BIGINT       NOT NULL,
    reasoning_tokens     BIGINT       NOT NULL,
    cost_nanos           BIGINT       NOT NULL,
    charged_nanos        BIGINT,
    currency             VARCHAR(3)   NOT NULL,
    ttft_ms              BIGINT,
    latency_ms           BIGINT       NOT NULL,
    streamed             BOOLEAN      NOT NULL,
    outcome              VARCHAR(16)  NOT NULL,
    failure              TEXT,
    started_at           TIMESTAMPTZ  NOT NULL,
    finished_at          TIMESTAMPTZ  NOT NULL
);

-- entry_id: the kind for hold/settle/release (one each per hold), the refund's operation id for refunds
CREATE TABLE generation_ledger_entries_view (
    account_id   VARCHAR(64)  NOT NULL,
    hold_id      VARCHAR(200) NOT NULL,
    entry_id     VARCHAR(300) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    amount_nanos BIGINT       NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, hold_id, entry_id)
);
CREATE INDEX generation_ledger_entries_view_hold_idx ON generation_ledger_entries_view (hold_id);
