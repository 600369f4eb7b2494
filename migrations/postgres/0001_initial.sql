-- PostgreSQL twin of migrations/sqlite/0001_initial.sql: same tables and meaning;
-- decimals as NUMERIC. Wired now, exercised by the PostgreSQL issue's test suite.

CREATE TABLE terms (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT,
    start_year  BIGINT NOT NULL,
    end_year    BIGINT NOT NULL CHECK (end_year > start_year),
    archived    BIGINT NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    UNIQUE (start_year, end_year)
);

CREATE TABLE indicator_groups (
    id        BIGSERIAL PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    name_en   TEXT,
    position  BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE source_documents (
    id     BIGSERIAL PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    title  TEXT NOT NULL,
    file   TEXT
);

CREATE TABLE indicators (
    id         BIGSERIAL PRIMARY KEY,
    term_id    BIGINT NOT NULL REFERENCES terms (id),
    group_id   BIGINT REFERENCES indicator_groups (id),
    parent_id  BIGINT REFERENCES indicators (id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_en    TEXT,
    unit_kind  TEXT NOT NULL CHECK (unit_kind IN ('count', 'money', 'percent', 'percent_per_year')),
    unit       TEXT NOT NULL,
    unit_en    TEXT,
    direction  TEXT NOT NULL DEFAULT 'higher_is_better' CHECK (direction IN ('higher_is_better', 'lower_is_better')),
    position   BIGINT NOT NULL DEFAULT 0,
    -- Shown as a headline card on the overview.
    headline   BIGINT NOT NULL DEFAULT 0,
    archived   BIGINT NOT NULL DEFAULT 0,
    UNIQUE (term_id, code)
);
CREATE INDEX indicators_by_term ON indicators (term_id, position);
CREATE INDEX indicators_by_parent ON indicators (parent_id);

CREATE TABLE targets (
    id             BIGSERIAL PRIMARY KEY,
    indicator_id   BIGINT NOT NULL REFERENCES indicators (id),
    kind           TEXT NOT NULL CHECK (kind IN ('each_year', 'cumulative', 'end_of_term', 'average')),
    value          NUMERIC NOT NULL,
    source_id      BIGINT REFERENCES source_documents (id),
    quote          TEXT,
    recorded_at    TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    superseded_at  TEXT
);
CREATE UNIQUE INDEX one_current_target ON targets (indicator_id) WHERE superseded_at IS NULL;

CREATE TABLE indicator_values (
    id            BIGSERIAL PRIMARY KEY,
    indicator_id  BIGINT NOT NULL REFERENCES indicators (id),
    period        TEXT NOT NULL CHECK (period = 'term' OR period ~ '^[0-9]{4}$'),
    value         NUMERIC NOT NULL,
    qualifier     TEXT NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'more_than', 'about', 'at_least')),
    source_id     BIGINT REFERENCES source_documents (id),
    quote         TEXT,
    note          TEXT,
    state         TEXT NOT NULL DEFAULT 'approved' CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
    version       BIGINT NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    UNIQUE (indicator_id, period)
);

CREATE TABLE data_version (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    version     BIGINT NOT NULL,
    changed_at  TEXT NOT NULL
);
INSERT INTO data_version (id, version, changed_at)
VALUES (1, 0, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
