-- Rate limits kept in the database, so that every server sharing it applies one limit: a token bucket per key
-- ("address:<ip>", "account:<id>", "accounts:<ip>"). full_at is when the bucket is full again; from then on the
-- row says nothing and the janitor deletes it, so a client address is kept only while it is being limited.
CREATE TABLE rate_limits (
    bucket      TEXT PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    updated_at  BIGINT NOT NULL,
    full_at     BIGINT NOT NULL
);
CREATE INDEX rate_limits_by_full ON rate_limits (full_at);

-- A ceremony's challenge is bound to the browser that asked for it: the SHA-256 of a random value in a cookie
-- set with the options. Challenges are short-lived, so those made before this (with no binding) are refused.
ALTER TABLE challenges ADD COLUMN binding BYTEA;
