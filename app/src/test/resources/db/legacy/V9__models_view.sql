-- The model catalog read model, one row per metered call (the source of popularity now, of
-- usage statistics later) and calls per model. Built by ModelProjection; dropped and rebuilt on replay.
CREATE TABLE models_view (
    model_id       VARCHAR(128) PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    provider       VARCHAR(64)  NOT NULL,
    category       VARCHAR(32)  NOT NULL,
    description    TEXT         NOT NULL,
    context_length INTEGER      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    input_nanos    BIGINT       NOT NULL CHECK (input_nanos >= 0),
    output_nanos   BIGINT       NOT NULL CHECK (output_nanos >= 0),
    currency       VARCHAR(3)   NOT NULL,
    routes         TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX models_view_category_idx ON models_view (category);
CREATE INDEX models_view_provider_idx ON models_view (provider);

CREATE TABLE model_calls_view (
    account_id        VARCHAR(64)  NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    model_id          VARCHAR(128) NOT NULL,
    user_id           VARCHAR(64)  NOT NULL,
    api_key_id        VARCHAR(64),
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    cost_nanos        BIGINT       NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    called_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, sequence_number)
);
CREATE INDEX model_calls_view_model_time_idx ON model_calls_view (model_id, called_at);

-- Calls per model, kept apart from models_view: a call may be replayed before its model's
-- ModelAddedEvent (they live in different segments), and must still be counted.
CREATE TABLE model_popularity_view (
    model_id VARCHAR(128) PRIMARY KEY,
    calls    BIGINT       NOT NULL
);
