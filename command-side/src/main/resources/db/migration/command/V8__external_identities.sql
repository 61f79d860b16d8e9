-- Sign-in through OAuth providers (issue 18). Command-side state, never reset with the read models.

-- Set validation for external identities: one user per (provider, subject), one link per provider
-- and user. Written by UserAggregate in the same transaction as ExternalIdentityLinkedEvent.
CREATE TABLE external_identity_lookup (
    provider  VARCHAR(32)  NOT NULL,
    subject   VARCHAR(255) NOT NULL,
    user_id   VARCHAR(64)  NOT NULL REFERENCES user_lookup (user_id),
    linked_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, subject),
    UNIQUE (user_id, provider)
);

-- A user who signed up through a provider that gave no verified e-mail has none.
ALTER TABLE user_lookup ALTER COLUMN email_lower DROP NOT NULL;

-- Authorization requests in flight: the state is single use (deleted when the callback comes),
-- bound to the browser that started it (hash of its cookie) and short-lived. Only hashes of the
-- state and the cookie are kept; the PKCE verifier lives as long as the row.
CREATE TABLE oauth_login_state (
    state_hash    VARCHAR(64)  PRIMARY KEY,
    browser_hash  VARCHAR(64)  NOT NULL,
    provider      VARCHAR(32)  NOT NULL,
    code_verifier VARCHAR(128),
    link_user_id  VARCHAR(64),
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oauth_login_state_expiry_idx ON oauth_login_state (expires_at);
