-- Read model of users, built by UserProjection from the event log; dropped and rebuilt on replay.
CREATE TABLE users_view (
    user_id       VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    avatar_url    TEXT,
    role          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_login_at TIMESTAMPTZ
);
CREATE INDEX users_view_created_idx ON users_view (created_at DESC, user_id);
CREATE INDEX users_view_email_idx ON users_view (lower(email));
