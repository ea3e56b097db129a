-- Schema 7: skills as a service. Competency frameworks as 1EdTech CASE packages, the vendor
-- module catalog, purchases (vendor fees the ROI counts), assignments with their progress,
-- competency ratings, and what each role requires.
--
-- Every CASE object keeps the JSON it arrived in, so an export gives back what was imported,
-- including the fields Pilotdesk does not read; the columns beside it are what the app reads.

CREATE TABLE frameworks (
    id               INTEGER PRIMARY KEY,
    -- CFDocument.identifier: a later version of the same framework updates this row.
    identifier       TEXT NOT NULL UNIQUE,
    uri              TEXT NOT NULL,
    title            TEXT NOT NULL,
    version          TEXT NOT NULL DEFAULT '',
    document_json    TEXT NOT NULL,
    definitions_json TEXT,
    -- The package's own `extensions` object, when it has one.
    extensions_json  TEXT,
    builtin          INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    imported_at      TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE competencies (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    identifier   TEXT NOT NULL UNIQUE,
    uri          TEXT NOT NULL,
    statement    TEXT NOT NULL,
    -- The CASE abbreviatedStatement: what lists and pickers call it.
    short_name   TEXT NOT NULL DEFAULT '',
    human_coding TEXT NOT NULL DEFAULT '',
    item_type    TEXT NOT NULL DEFAULT '',
    parent_id    INTEGER REFERENCES competencies (id) ON DELETE SET NULL,
    position     INTEGER NOT NULL,
    -- Dropped by a later version of its framework while modules or ratings still refer to
    -- it: kept for their sake, left out of exports and pickers.
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    item_json    TEXT NOT NULL
) STRICT;

CREATE INDEX competencies_by_framework ON competencies (framework_id, position);

CREATE TABLE framework_associations (
    id               INTEGER PRIMARY KEY,
    framework_id     INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    identifier       TEXT NOT NULL UNIQUE,
    association_type TEXT NOT NULL,
    origin           TEXT NOT NULL,
    destination      TEXT NOT NULL,
    position         INTEGER NOT NULL,
    json             TEXT NOT NULL
) STRICT;

CREATE INDEX framework_associations_by_framework ON framework_associations (framework_id);

CREATE TABLE framework_rubrics (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    identifier   TEXT NOT NULL UNIQUE,
    position     INTEGER NOT NULL,
    json         TEXT NOT NULL
) STRICT;

-- The proficiency levels of one competency with their behavioural descriptors, read from
-- the framework's rubric criteria.
CREATE TABLE competency_levels (
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    level         INTEGER NOT NULL CHECK (level >= 0),
    label         TEXT NOT NULL,
    descriptor    TEXT NOT NULL,
    PRIMARY KEY (competency_id, level)
) STRICT;

CREATE TABLE skill_modules (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    vendor         TEXT NOT NULL,
    duration_hours REAL NOT NULL CHECK (duration_hours > 0),
    delivery       TEXT NOT NULL CHECK (delivery IN ('self_paced', 'live_online', 'in_person', 'blended')),
    pricing        TEXT NOT NULL CHECK (pricing IN ('per_seat_month', 'per_module', 'site_licence')),
    price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX skill_modules_by_title ON skill_modules (title COLLATE NOCASE);

CREATE TABLE module_competencies (
    module_id     INTEGER NOT NULL REFERENCES skill_modules (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    target_level  INTEGER NOT NULL CHECK (target_level >= 1),
    PRIMARY KEY (module_id, competency_id)
) STRICT;

-- Seats (or one module, or one site) bought for a period, at the price of the day. A
-- purchase for a pilot is a vendor fee in that pilot's costs.
CREATE TABLE module_purchases (
    id           INTEGER PRIMARY KEY,
    module_id    INTEGER NOT NULL REFERENCES skill_modules (id),
    pilot_id     INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    pricing      TEXT NOT NULL,
    unit_cents   INTEGER NOT NULL CHECK (unit_cents >= 0),
    -- 0 for a site licence: everyone may use it.
    seats        INTEGER NOT NULL CHECK (seats >= 0),
    months       INTEGER NOT NULL CHECK (months >= 1),
    total_cents  INTEGER NOT NULL CHECK (total_cents >= 0),
    starts_on    TEXT NOT NULL,
    purchased_at TEXT NOT NULL,
    purchased_by TEXT NOT NULL
) STRICT;

CREATE INDEX module_purchases_by_pilot ON module_purchases (pilot_id);

CREATE TABLE module_assignments (
    id           INTEGER PRIMARY KEY,
    module_id    INTEGER NOT NULL REFERENCES skill_modules (id),
    person_id    TEXT NOT NULL REFERENCES people (id),
    pilot_id     INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    assigned_by  TEXT NOT NULL,
    assigned_on  TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    completed_on TEXT,
    passed       INTEGER CHECK (passed IN (0, 1)),
    score        REAL,
    -- Where the last progress came from: 'hand', 'csv' or 'xapi'.
    source       TEXT NOT NULL DEFAULT 'hand',
    updated_at   TEXT NOT NULL,
    UNIQUE (module_id, person_id)
) STRICT;

CREATE INDEX module_assignments_by_person ON module_assignments (person_id);

CREATE TABLE competency_ratings (
    id            INTEGER PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES people (id),
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    level         INTEGER NOT NULL CHECK (level >= 0),
    rater         TEXT NOT NULL CHECK (rater IN ('self', 'manager', 'assessor')),
    rated_by      TEXT NOT NULL,
    rated_on      TEXT NOT NULL,
    evidence      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX competency_ratings_by_person ON competency_ratings (person_id, competency_id, rated_on);

-- What a role needs: each competency at a level.
CREATE TABLE role_requirements (
    role          TEXT NOT NULL COLLATE NOCASE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    level         INTEGER NOT NULL CHECK (level >= 1),
    PRIMARY KEY (role, competency_id)
) STRICT;
