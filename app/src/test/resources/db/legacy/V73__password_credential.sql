-- The password hash of each user who has a password, written by UserAggregate in the same
-- transaction as UserRegisteredEvent. The login endpoint checks a presented password against it,
-- so the password never travels in a command (issue 11). Command-side state, never reset.
CREATE TABLE password_credential (
    user_id       VARCHAR(64)  PRIMARY KEY REFERENCES user_lookup (user_id),
    password_hash VARCHAR(100) NOT NULL
);

-- Users registered before this table existed: their hash, from the event log (the source of
-- truth). With Axon Server as event store the log is not in this database and nothing is entered.
INSERT INTO password_credential (user_id, password_hash)
SELECT e.aggregateidentifier, convert_from(e.payload, 'UTF8')::jsonb ->> 'passwordHash'
FROM domainevententry e
JOIN user_lookup u ON u.user_id = e.aggregateidentifier
WHERE e.payloadtype = 'ai.massrouter.api.user.UserRegisteredEvent'
  AND convert_from(e.payload, 'UTF8')::jsonb ->> 'passwordHash' IS NOT NULL
ON CONFLICT (user_id) DO NOTHING;
