-- Command-side lookup of users, written by UserAggregate in the same transaction as its events:
-- * set validation: one user per e-mail (case-insensitive);
-- * what authentication must know on every request, on every node, at once: role and status.
-- Not a projection: never reset or rebuilt with the read models.
CREATE TABLE user_lookup (
    user_id     VARCHAR(64)  PRIMARY KEY,
    email_lower VARCHAR(254) NOT NULL UNIQUE CHECK (email_lower = lower(email_lower)),
    role        VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL
);
