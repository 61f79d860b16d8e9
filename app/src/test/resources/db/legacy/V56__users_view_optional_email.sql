-- Users who signed up through an OAuth provider without a verified e-mail have none.
ALTER TABLE users_view ALTER COLUMN email DROP NOT NULL;
