-- State behind the system.alerts pushes (docs/websocket.md) and behind replays across nodes
-- (docs/operations.md). None of these tables is a read model that a replay rebuilds.

-- A threshold alert that is on (a provider failing, a processor lagging, webhooks refused): raising
-- it is an insert-if-absent in the transaction that sends its NOTIFY, so among all nodes exactly one
-- pushes it; it is deleted when the measure has fallen back, and the next crossing pushes again.
CREATE TABLE live_alert_episode (
    alert_key VARCHAR(300) PRIMARY KEY,
    event_id  VARCHAR(100) NOT NULL,
    raised_at TIMESTAMPTZ  NOT NULL
);

-- What each API key with spend limits has spent, kept by KeyLimitWatch (accounts processor) from the
-- charges it handles live, so that "limit near" fires on the one charge that crosses the threshold.
-- A key's row starts from account_transactions_view at its first live charge; a replay of the
-- accounts projection empties it.
CREATE TABLE live_key_spend (
    key_id        VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT      NOT NULL,
    total_nanos   BIGINT      NOT NULL,
    day           DATE        NOT NULL,
    day_nanos     BIGINT      NOT NULL,
    month         DATE        NOT NULL,
    month_nanos   BIGINT      NOT NULL
);

-- A replay under way (ReplayCoordinator): the other nodes stop the processor while it is here, so
-- that the asking node can claim and reset every segment; deleted when the reset is done.
CREATE TABLE projection_replay (
    processor_name VARCHAR(255) PRIMARY KEY,
    requested_by   VARCHAR(300) NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL
);
