-- PostgreSQL twin of migrations/sqlite/0002_accounts_entry_audit.sql.

CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    disabled       BIGINT NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    username  TEXT NOT NULL,
    address   TEXT NOT NULL,
    at        TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX login_failures_by_user ON login_failures (username, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

CREATE TABLE setup_tokens (
    token_hash  TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    used_at     TEXT
);

CREATE TABLE api_tokens (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id),
    token_hash    TEXT NOT NULL UNIQUE,
    label         TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    revoked_at    TEXT
);

ALTER TABLE terms ADD COLUMN locked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_values ADD COLUMN updated_by BIGINT REFERENCES users (id);
ALTER TABLE indicator_values ADD COLUMN review_comment TEXT;
ALTER TABLE indicator_values ADD COLUMN source_document TEXT;
-- The row's value/qualifier/note/state are the working copy that staff edit and
-- submit; the approved_* columns keep the last approved figure, which is what
-- readers see while a new draft is pending.
ALTER TABLE indicator_values ADD COLUMN approved_value NUMERIC;
ALTER TABLE indicator_values ADD COLUMN approved_qualifier TEXT;
ALTER TABLE indicator_values ADD COLUMN approved_at TEXT;
UPDATE indicator_values SET approved_value = value, approved_qualifier = qualifier, approved_at = updated_at
WHERE state = 'approved';

CREATE TABLE audit_log (
    id            BIGSERIAL PRIMARY KEY,
    at            TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    user_id       BIGINT REFERENCES users (id),
    username      TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('form', 'import', 'api', 'cli', 'system')),
    action        TEXT NOT NULL,
    term_id       BIGINT,
    indicator_id  BIGINT,
    period        TEXT,
    old_value     TEXT,
    new_value     TEXT,
    note          TEXT
);
CREATE INDEX audit_by_indicator ON audit_log (indicator_id, id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit history is append-only'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
