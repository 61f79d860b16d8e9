-- Command-side set validation of usernames, as user_lookup does for e-mails: one user per
-- username, compared case-insensitively (and after NFKC, so a full-width 'ａｄｍｉｎ' is 'admin').
-- Written by UserAggregate in the same transaction as UserRegisteredEvent / UserProfileUpdatedEvent;
-- the key is UserDirectory.usernameKey(username). Not a projection: never reset with the read models.
-- Existing users are entered by the Java migration V31__BackfillUsernameLookup.
CREATE TABLE username_lookup (
    username_key VARCHAR(128) PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL UNIQUE
);
