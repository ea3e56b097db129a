-- Schema 8: progress of module assignments arrives through the imports (CSV, workbooks and
-- xAPI statements). The import record accepts the new kind, which means rebuilding
-- `imports` (SQLite cannot change a CHECK), so this step runs with foreign keys off (the
-- runner checks them before committing).

CREATE TABLE imports_8 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('people', 'events', 'observations', 'xapi',
                                                'generated', 'module_progress')),
    file_name    TEXT NOT NULL,
    -- SHA-256 of the file's bytes, so a copy on someone's disk can be matched to its import.
    content_hash TEXT NOT NULL,
    rows         INTEGER NOT NULL CHECK (rows >= 0),
    inserted     INTEGER NOT NULL CHECK (inserted >= 0),
    updated      INTEGER NOT NULL CHECK (updated >= 0),
    unchanged    INTEGER NOT NULL CHECK (unchanged >= 0),
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL
) STRICT;

INSERT INTO imports_8 (id, kind, file_name, content_hash, rows, inserted, updated, unchanged,
                       at, actor)
SELECT id, kind, file_name, content_hash, rows, inserted, updated, unchanged, at, actor
FROM imports;

DROP TABLE imports;
ALTER TABLE imports_8 RENAME TO imports;

-- Every progress row (CSV, workbook) and xAPI statement an import applied to an assignment,
-- by its fingerprint: the row's values, or the statement's id. Progress never goes backwards,
-- except that the same row imported again is known here, and changes nothing even when the
-- progress has moved on since.
CREATE TABLE module_progress_rows (
    assignment_id INTEGER NOT NULL REFERENCES module_assignments (id) ON DELETE CASCADE,
    fingerprint   TEXT NOT NULL,
    import_id     INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (assignment_id, fingerprint)
) STRICT;
