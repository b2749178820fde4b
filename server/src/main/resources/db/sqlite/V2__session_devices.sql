-- Sessions a person can see and end: a public id (never the token or its hash), the passkey that made the
-- session, and a device label (from the user agent at sign-in, editable). Sessions made before this have no
-- passkey on record; removing a passkey cannot end them, so they end as before (idle or absolute expiry).
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN credential_id BLOB;
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT 'Unknown device';
UPDATE sessions SET id = lower(hex(randomblob(16))) WHERE id IS NULL;
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);
CREATE INDEX sessions_by_credential ON sessions (credential_id);
