-- Terms, indicators, typed targets and values. Decimal numbers are stored as their
-- canonical text ("1234.5") so that they stay exact; never as REAL.

CREATE TABLE terms (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT,
    start_year  INTEGER NOT NULL,
    end_year    INTEGER NOT NULL CHECK (end_year > start_year),
    archived    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (start_year, end_year)
);

CREATE TABLE indicator_groups (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    name_en   TEXT,
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE source_documents (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    title  TEXT NOT NULL,
    file   TEXT
);

-- An indicator belongs to one term; the same code across terms is the same indicator
-- carried over (used to compare terms).
CREATE TABLE indicators (
    id         INTEGER PRIMARY KEY,
    term_id    INTEGER NOT NULL REFERENCES terms (id),
    group_id   INTEGER REFERENCES indicator_groups (id),
    parent_id  INTEGER REFERENCES indicators (id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_en    TEXT,
    unit_kind  TEXT NOT NULL CHECK (unit_kind IN ('count', 'money', 'percent', 'percent_per_year')),
    unit       TEXT NOT NULL,
    unit_en    TEXT,
    direction  TEXT NOT NULL DEFAULT 'higher_is_better' CHECK (direction IN ('higher_is_better', 'lower_is_better')),
    position   INTEGER NOT NULL DEFAULT 0,
    -- Shown as a headline card on the overview.
    headline   INTEGER NOT NULL DEFAULT 0,
    archived   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (term_id, code)
);
CREATE INDEX indicators_by_term ON indicators (term_id, position);
CREATE INDEX indicators_by_parent ON indicators (parent_id);

-- Targets keep their history: a target changed mid-term supersedes the old row.
CREATE TABLE targets (
    id             INTEGER PRIMARY KEY,
    indicator_id   INTEGER NOT NULL REFERENCES indicators (id),
    kind           TEXT NOT NULL CHECK (kind IN ('each_year', 'cumulative', 'end_of_term', 'average')),
    value          TEXT NOT NULL,
    source_id      INTEGER REFERENCES source_documents (id),
    quote          TEXT,
    recorded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    superseded_at  TEXT
);
CREATE UNIQUE INDEX one_current_target ON targets (indicator_id) WHERE superseded_at IS NULL;

CREATE TABLE indicator_values (
    id            INTEGER PRIMARY KEY,
    indicator_id  INTEGER NOT NULL REFERENCES indicators (id),
    period        TEXT NOT NULL CHECK (period = 'term' OR (length(period) = 4 AND period GLOB '[0-9][0-9][0-9][0-9]')),
    value         TEXT NOT NULL,
    qualifier     TEXT NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'more_than', 'about', 'at_least')),
    source_id     INTEGER REFERENCES source_documents (id),
    quote         TEXT,
    note          TEXT,
    state         TEXT NOT NULL DEFAULT 'approved' CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (indicator_id, period)
);

-- One row: a counter bumped by every write, so rendered pages and charts can be
-- cached per data version, and the time of the last change shown on charts.
CREATE TABLE data_version (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     INTEGER NOT NULL,
    changed_at  TEXT NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
