-- Schema 1: the walking skeleton. Workspace settings, the organisation, pilots and the
-- append-only change record.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    team       TEXT NOT NULL,
    role       TEXT NOT NULL,
    -- Deferred, so an organisation can be loaded in any row order inside one transaction.
    manager_id TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    hire_date  TEXT
) STRICT;

CREATE INDEX people_by_manager ON people (manager_id);
CREATE INDEX people_by_team ON people (team);

CREATE TABLE pilots (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    objective    TEXT NOT NULL DEFAULT '',
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    sponsor      TEXT NOT NULL,
    budget_cents INTEGER NOT NULL CHECK (budget_cents >= 0),
    status       TEXT NOT NULL CHECK (status IN (
        'draft', 'ready', 'submitted', 'approved', 'changes_requested', 'rejected',
        'running', 'day45_review', 'day90_outcome', 'scaled', 'iterating', 'stopped')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX pilots_by_name ON pilots (name COLLATE NOCASE);

CREATE TABLE pilot_workflows (
    id       INTEGER PRIMARY KEY,
    pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    UNIQUE (pilot_id, position)
) STRICT;

-- Who changed what, when. Append-only: the triggers refuse edits and deletions.
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    summary   TEXT NOT NULL
) STRICT;

CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change record is append-only');
END;

CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change record is append-only');
END;
