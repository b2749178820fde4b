-- Recovery accounts, their passkeys, sessions, ceremony challenges, encrypted backups and activity.
-- Times are milliseconds since the Unix epoch. Secrets are never stored: sessions by the SHA-256 of their
-- token, backups as the opaque envelopes that clients send.

CREATE TABLE accounts (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    user_handle     BLOB NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    -- The last backup version ever written (versions are never reused, even after a delete).
    backup_seq      INTEGER NOT NULL DEFAULT 0,
    -- The version that GET /api/backup returns, or NULL when there is no backup.
    current_version INTEGER
);

CREATE TABLE passkeys (
    credential_id           BLOB PRIMARY KEY,
    account_id              TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    attested_credential     BLOB NOT NULL,
    sign_count              INTEGER NOT NULL,
    uv_initialized          INTEGER NOT NULL,
    backup_eligible         INTEGER NOT NULL,
    backup_state            INTEGER NOT NULL,
    transports              TEXT NOT NULL,
    created_at              INTEGER NOT NULL,
    last_used_at            INTEGER
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

CREATE TABLE sessions (
    token_hash        BLOB PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at        INTEGER NOT NULL,
    last_seen_at      INTEGER NOT NULL,
    authenticated_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE challenges (
    challenge     BLOB PRIMARY KEY,
    purpose       TEXT NOT NULL,
    account_id    TEXT,
    user_handle   BLOB,
    name          TEXT,
    expires_at    INTEGER NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE backup_versions (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    body        BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, version)
);

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    address     TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX activity_by_account ON activity (account_id, id);
