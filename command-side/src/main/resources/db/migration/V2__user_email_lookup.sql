-- Command-side set validation: one user per e-mail (case-insensitive), written in the same
-- transaction as UserRegisteredEvent. Not a projection: never reset or rebuilt.
CREATE TABLE user_email_lookup (
    email_lower VARCHAR(254) PRIMARY KEY CHECK (email_lower = lower(email_lower)),
    user_id     VARCHAR(64)  NOT NULL UNIQUE
);
