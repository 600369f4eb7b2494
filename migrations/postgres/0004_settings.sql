-- Settings of the installation that an admin changes in the UI (each change is
-- audited). One row per setting; a missing row means the default.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
