-- Accounts and sessions, data entry workflow, term locks, and the audit history.

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Only a hash of the session token is stored: a copy of the database does not
-- let anyone sign in as a user.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL,
    address   TEXT NOT NULL,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX login_failures_by_user ON login_failures (username, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

CREATE TABLE setup_tokens (
    token_hash  TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    used_at     TEXT
);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    token_hash    TEXT NOT NULL UNIQUE,
    label         TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    revoked_at    TEXT
);

ALTER TABLE terms ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_values ADD COLUMN updated_by INTEGER REFERENCES users (id);
ALTER TABLE indicator_values ADD COLUMN review_comment TEXT;
ALTER TABLE indicator_values ADD COLUMN source_document TEXT;
-- The row's value/qualifier/note/state are the working copy that staff edit and
-- submit; the approved_* columns keep the last approved figure, which is what
-- readers see while a new draft is pending.
ALTER TABLE indicator_values ADD COLUMN approved_value TEXT;
ALTER TABLE indicator_values ADD COLUMN approved_qualifier TEXT;
ALTER TABLE indicator_values ADD COLUMN approved_at TEXT;
UPDATE indicator_values SET approved_value = value, approved_qualifier = qualifier, approved_at = updated_at
WHERE state = 'approved';

-- Append-only: every change of a value, target, definition, lock or account.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user_id       INTEGER REFERENCES users (id),
    username      TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('form', 'import', 'api', 'cli', 'system')),
    action        TEXT NOT NULL,
    term_id       INTEGER,
    indicator_id  INTEGER,
    period        TEXT,
    old_value     TEXT,
    new_value     TEXT,
    note          TEXT
);
CREATE INDEX audit_by_indicator ON audit_log (indicator_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
