-- Schema 9: asynchronous competency. Micro-feedback tied to a competency, work samples kept
-- inside the workspace (each file once, by its SHA-256), annotations anchored to a place in
-- a sample, and portfolio reviews scored against a framework's levels.

-- File contents, once each: two samples of the same file share one row.
CREATE TABLE sample_blobs (
    sha256     TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    bytes      BLOB NOT NULL
) STRICT;

CREATE TABLE work_samples (
    id            INTEGER PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES people (id),
    sha256        TEXT NOT NULL REFERENCES sample_blobs (sha256),
    file_name     TEXT NOT NULL,
    title         TEXT NOT NULL,
    competency_id INTEGER REFERENCES competencies (id),
    added_on      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    UNIQUE (person_id, sha256)
) STRICT;

CREATE INDEX work_samples_by_person ON work_samples (person_id, added_on);

CREATE TABLE micro_feedback (
    id            INTEGER PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES people (id),
    author        TEXT NOT NULL,
    author_role   TEXT NOT NULL CHECK (author_role IN ('manager', 'peer', 'coach')),
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    task_id       INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,
    sample_id     INTEGER REFERENCES work_samples (id) ON DELETE SET NULL,
    note          TEXT NOT NULL,
    given_on      TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX micro_feedback_by_person ON micro_feedback (person_id, given_on);

-- Where an annotation points: a page and a region (fractions of the page, 0 to 1) of a PDF
-- or an image, or a range of lines of a text.
CREATE TABLE sample_annotations (
    id            INTEGER PRIMARY KEY,
    sample_id     INTEGER NOT NULL REFERENCES work_samples (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    page          INTEGER CHECK (page >= 1),
    x             REAL CHECK (x BETWEEN 0 AND 1),
    y             REAL CHECK (y BETWEEN 0 AND 1),
    width         REAL CHECK (width > 0 AND width <= 1),
    height        REAL CHECK (height > 0 AND height <= 1),
    line_from     INTEGER CHECK (line_from >= 1),
    line_to       INTEGER,
    note          TEXT NOT NULL,
    author        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK (line_to IS NULL OR line_to >= line_from)
) STRICT;

CREATE TABLE portfolio_reviews (
    id          INTEGER PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id),
    reviewer    TEXT NOT NULL,
    reviewed_on TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX portfolio_reviews_by_person ON portfolio_reviews (person_id, reviewed_on);

CREATE TABLE review_scores (
    review_id     INTEGER NOT NULL REFERENCES portfolio_reviews (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    level         INTEGER NOT NULL CHECK (level >= 1),
    comment       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, competency_id)
) STRICT;
