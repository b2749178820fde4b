-- Recovery accounts, their passkeys, sessions, ceremony challenges, encrypted backups and activity.
-- Times are milliseconds since the Unix epoch. Secrets are never stored: sessions by the SHA-256 of their
-- token, backups as the opaque envelopes that clients send.

CREATE TABLE accounts (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    user_handle     BYTEA NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    -- The last backup version ever written (versions are never reused, even after a delete).
    backup_seq      BIGINT NOT NULL DEFAULT 0,
    -- The version that GET /api/backup returns, or NULL when there is no backup.
    current_version BIGINT
);

CREATE TABLE passkeys (
    credential_id           BYTEA PRIMARY KEY,
    account_id              TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    attested_credential     BYTEA NOT NULL,
    sign_count              BIGINT NOT NULL,
    uv_initialized          BOOLEAN NOT NULL,
    backup_eligible         BOOLEAN NOT NULL,
    backup_state            BOOLEAN NOT NULL,
    transports              TEXT NOT NULL,
    created_at              BIGINT NOT NULL,
    last_used_at            BIGINT
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

CREATE TABLE sessions (
    token_hash        BYTEA PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at        BIGINT NOT NULL,
    last_seen_at      BIGINT NOT NULL,
    authenticated_at  BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE challenges (
    challenge     BYTEA PRIMARY KEY,
    purpose       TEXT NOT NULL,
    account_id    TEXT,
    user_handle   BYTEA,
    name          TEXT,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE backup_versions (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    body        BYTEA NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, version)
);

CREATE TABLE activity (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    address     TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX activity_by_account ON activity (account_id, id);
