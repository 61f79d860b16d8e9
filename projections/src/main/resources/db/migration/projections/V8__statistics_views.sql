-- Statistics read models, built by the "statistics" processor from the usage, top-up, refund and
-- registration events; emptied and rebuilt on replay. Buckets are local times and dates in the
-- statistics time zone (MASSROUTER_STATISTICS_TIME_ZONE): changing the zone needs a replay.
-- Amounts are nanos of the platform currency. Nothing here is scanned per usage event at read time.

-- The last event applied per aggregate (account or user): an event at or below it changes nothing.
CREATE TABLE stat_applied (
    aggregate_id  VARCHAR(100) PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);

-- Per model and provider, per local hour ('h') and day ('d'). Failed gateway calls count in
-- `errors` under provider '' (no upstream answered).
CREATE TABLE stat_model_usage (
    model_id          VARCHAR(200) NOT NULL,
    granularity       CHAR(1)      NOT NULL CHECK (granularity IN ('h', 'd')),
    bucket            TIMESTAMP    NOT NULL,
    provider          VARCHAR(100) NOT NULL,
    calls             BIGINT       NOT NULL DEFAULT 0,
    errors            BIGINT       NOT NULL DEFAULT 0,
    prompt_tokens     BIGINT       NOT NULL DEFAULT 0,
    completion_tokens BIGINT       NOT NULL DEFAULT 0,
    spend_nanos       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (model_id, granularity, bucket, provider)
);

-- Latency histograms of the same buckets: kind 'f' time to first token, 't' total; bin b holds
-- the samples of at most round(1.09^b) ms (bin 0: at most 1 ms).
CREATE TABLE stat_latency (
    model_id    VARCHAR(200) NOT NULL,
    granularity CHAR(1)      NOT NULL,
    bucket      TIMESTAMP    NOT NULL,
    provider    VARCHAR(100) NOT NULL,
    kind        CHAR(1)      NOT NULL CHECK (kind IN ('f', 't')),
    bin         SMALLINT     NOT NULL,
    samples     BIGINT       NOT NULL,
    PRIMARY KEY (model_id, granularity, bucket, provider, kind, bin)
);

-- The leaderboard: per calendar period (d, w from Monday, m, y) and model, with its distinct users.
CREATE TABLE stat_model_period (
    period            CHAR(1)      NOT NULL CHECK (period IN ('d', 'w', 'm', 'y')),
    start_day         DATE         NOT NULL,
    model_id          VARCHAR(200) NOT NULL,
    category          VARCHAR(32),
    calls             BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    spend_nanos       BIGINT       NOT NULL,
    users             BIGINT       NOT NULL,
    PRIMARY KEY (period, start_day, model_id)
);

-- Who used a model in a period: `users` above grows only when a row here is new.
CREATE TABLE stat_model_period_user (
    period    CHAR(1)      NOT NULL,
    start_day DATE         NOT NULL,
    model_id  VARCHAR(200) NOT NULL,
    user_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (model_id, period, start_day, user_id)
);

-- A user's usage per local hour and day, per model and API key ('' without a key).
CREATE TABLE stat_user_usage (
    user_id           VARCHAR(64)  NOT NULL,
    granularity       CHAR(1)      NOT NULL CHECK (granularity IN ('h', 'd')),
    bucket            TIMESTAMP    NOT NULL,
    model_id          VARCHAR(200) NOT NULL,
    api_key_id        VARCHAR(64)  NOT NULL,
    calls             BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    spend_nanos       BIGINT       NOT NULL,
    PRIMARY KEY (user_id, granularity, bucket, model_id, api_key_id)
);

-- A user's usage per day, all models and keys together: active and top users of the dashboard.
CREATE TABLE stat_user_day (
    day               DATE        NOT NULL,
    user_id           VARCHAR(64) NOT NULL,
    calls             BIGINT      NOT NULL,
    prompt_tokens     BIGINT      NOT NULL,
    completion_tokens BIGINT      NOT NULL,
    spend_nanos       BIGINT      NOT NULL,
    PRIMARY KEY (day, user_id)
);

-- A user's totals since the start: the admin user list.
CREATE TABLE stat_user_totals (
    user_id      VARCHAR(64) PRIMARY KEY,
    top_up_nanos BIGINT      NOT NULL DEFAULT 0,
    spend_nanos  BIGINT      NOT NULL DEFAULT 0,
    calls        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX stat_user_totals_spend_idx ON stat_user_totals (spend_nanos);
CREATE INDEX stat_user_totals_top_up_idx ON stat_user_totals (top_up_nanos);

-- The platform per day: the dashboard's windows are sums of at most 30 rows.
CREATE TABLE stat_platform_day (
    day               DATE   PRIMARY KEY,
    new_users         BIGINT NOT NULL DEFAULT 0,
    top_ups           BIGINT NOT NULL DEFAULT 0,
    top_up_nanos      BIGINT NOT NULL DEFAULT 0,
    refunds           BIGINT NOT NULL DEFAULT 0,
    refund_nanos      BIGINT NOT NULL DEFAULT 0,
    calls             BIGINT NOT NULL DEFAULT 0,
    errors            BIGINT NOT NULL DEFAULT 0,
    prompt_tokens     BIGINT NOT NULL DEFAULT 0,
    completion_tokens BIGINT NOT NULL DEFAULT 0,
    spend_nanos       BIGINT NOT NULL DEFAULT 0
);

-- Gateway holds waiting for their outcome, with the model they are for: a release counts an error.
CREATE TABLE stat_open_calls (
    account_id VARCHAR(64)  NOT NULL,
    hold_id    VARCHAR(200) NOT NULL,
    model_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (account_id, hold_id)
);
