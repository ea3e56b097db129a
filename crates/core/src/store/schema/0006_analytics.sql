-- Schema 6: analytics. People gain a leaving date and a dated history of team, role and
-- manager; pilots gain the hand-picked comparison design (named pilot teams against named
-- comparison teams), and their KPIs the assumptions ROI rests on; hourly costs per role.
-- Rollups keep the aggregates the dashboard reads, maintained by triggers as the data is
-- written, so a dashboard over a million coaching events reads thousands of rows, not
-- millions. This step rebuilds `pilots`, so it runs with foreign keys off (the runner checks
-- them before committing).

ALTER TABLE people ADD COLUMN leaving_date TEXT;

-- Each person's team, role and manager as they stood from `valid_from` until the next row:
-- a promotion is a dated role change, a move a dated team or manager change.
CREATE TABLE person_history (
    id         INTEGER PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    valid_from TEXT NOT NULL,
    team       TEXT NOT NULL,
    role       TEXT NOT NULL,
    manager_id TEXT,
    -- 'joined' for the first row, then what changed: 'team', 'role', 'manager' (comma-separated).
    change     TEXT NOT NULL,
    import_id  INTEGER REFERENCES imports (id)
) STRICT;

CREATE INDEX person_history_by_person ON person_history (person_id, valid_from);

-- Everyone on record starts their history at their hire date, or at this upgrade.
INSERT INTO person_history (person_id, valid_from, team, role, manager_id, change)
SELECT id, coalesce(hire_date, date('now', 'localtime')), team, role, manager_id, 'joined'
FROM people;

CREATE TABLE pilots_6 (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    objective         TEXT NOT NULL DEFAULT '',
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL,
    sponsor           TEXT NOT NULL,
    budget_cents      INTEGER NOT NULL CHECK (budget_cents >= 0),
    status            TEXT NOT NULL CHECK (status IN (
        'draft', 'ready', 'submitted', 'approved', 'changes_requested', 'rejected',
        'running', 'day45_review', 'day90_outcome', 'scaled', 'iterating', 'stopped')),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    ai_agenda         TEXT NOT NULL DEFAULT '',
    comparison_design TEXT NOT NULL DEFAULT 'none'
        CHECK (comparison_design IN ('randomised_waitlist', 'matched_teams', 'staggered_waves',
                                     'hand_picked', 'none')),
    assignment_seed   INTEGER
) STRICT;

INSERT INTO pilots_6 (id, name, objective, start_date, end_date, sponsor, budget_cents, status,
                      created_at, updated_at, ai_agenda, comparison_design, assignment_seed)
SELECT id, name, objective, start_date, end_date, sponsor, budget_cents, status,
       created_at, updated_at, ai_agenda, comparison_design, assignment_seed
FROM pilots;

DROP TABLE pilots;
ALTER TABLE pilots_6 RENAME TO pilots;
CREATE UNIQUE INDEX pilots_by_name ON pilots (name COLLATE NOCASE);

-- What the ROI rests on, per KPI: how many people, deals or tickets the improvement applies
-- to in a year (and what they are), and the stated confidence in the isolated effect (0-1).
-- NULL: the default.
ALTER TABLE pilot_kpis ADD COLUMN affected_per_year REAL CHECK (affected_per_year >= 0);
ALTER TABLE pilot_kpis ADD COLUMN affected_unit TEXT;
ALTER TABLE pilot_kpis ADD COLUMN confidence REAL CHECK (confidence > 0 AND confidence <= 1);

-- Benefits that are listed, not monetised.
CREATE TABLE pilot_intangibles (
    pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL CHECK (length(trim(text)) > 0),
    PRIMARY KEY (pilot_id, position)
) STRICT;

-- What an hour of a role's time costs, in minor units, for the fully loaded cost of coaching.
CREATE TABLE role_hourly_costs (
    role  TEXT PRIMARY KEY,
    cents INTEGER NOT NULL CHECK (cents >= 0)
) STRICT;

-- Person-level observations by person, so a change of manager can move them between units.
CREATE INDEX kpi_observations_by_person ON kpi_observations (person_id) WHERE person_id IS NOT NULL;

-- A counter every write transaction raises (`Store::write`), so a derived result can tell
-- whether anything changed since it was computed.
CREATE TABLE workspace_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
) STRICT;
INSERT INTO workspace_version (id, n) VALUES (1, 0);

-- Dashboards as computed, per pilot and day, valid while the workspace version is the one
-- they were computed at: reopening a dashboard on unchanged data reads one row.
CREATE TABLE dashboard_cache (
    pilot_id INTEGER NOT NULL,
    as_of    TEXT NOT NULL,
    version  INTEGER NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (pilot_id, as_of)
) STRICT, WITHOUT ROWID;

-- ---- Rollups ----

-- One row. Bulk writers (the generator) set `suspended` inside their transaction, fill the
-- tables, rebuild the rollups in one pass and clear it again before committing.
CREATE TABLE rollup_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    suspended INTEGER NOT NULL CHECK (suspended IN (0, 1))
) STRICT;
INSERT INTO rollup_state (id, suspended) VALUES (1, 0);

-- KPI observations per unit and day. A unit is a manager's team ('m:' || manager id) for
-- a person's observation, placed by the person's current manager, or a team ('t:' || team)
-- for a team-level observation. A person has one observation per KPI and day, so `n` also
-- counts the people behind the row.
CREATE TABLE kpi_rollup (
    kpi_id   INTEGER NOT NULL,
    unit     TEXT NOT NULL,
    day      TEXT NOT NULL,
    n        INTEGER NOT NULL,
    total    REAL NOT NULL,
    total_sq REAL NOT NULL,
    PRIMARY KEY (kpi_id, unit, day)
) STRICT, WITHOUT ROWID;

INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
SELECT o.kpi_id,
       CASE WHEN o.person_id IS NOT NULL THEN 'm:' || p.manager_id ELSE 't:' || o.team END AS unit,
       o.observed_on, count(*), sum(o.value), sum(o.value * o.value)
FROM kpi_observations o LEFT JOIN people p ON p.id = o.person_id
WHERE (o.person_id IS NULL AND o.team IS NOT NULL) OR p.manager_id IS NOT NULL
GROUP BY o.kpi_id, unit, o.observed_on;

CREATE TRIGGER kpi_rollup_after_insert AFTER INSERT ON kpi_observations
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
    SELECT NEW.kpi_id, u.unit, NEW.observed_on, 1, NEW.value, NEW.value * NEW.value
    FROM (SELECT CASE WHEN NEW.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = NEW.person_id)
                      ELSE 't:' || NEW.team END AS unit) u
    WHERE u.unit IS NOT NULL
    ON CONFLICT (kpi_id, unit, day) DO UPDATE SET
        n = n + 1, total = total + excluded.total, total_sq = total_sq + excluded.total_sq;
END;

CREATE TRIGGER kpi_rollup_after_delete AFTER DELETE ON kpi_observations
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    UPDATE kpi_rollup
    SET n = n - 1, total = total - OLD.value, total_sq = total_sq - OLD.value * OLD.value
    WHERE kpi_id = OLD.kpi_id AND day = OLD.observed_on
      AND unit = CASE WHEN OLD.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = OLD.person_id)
                      ELSE 't:' || OLD.team END;
    DELETE FROM kpi_rollup
    WHERE kpi_id = OLD.kpi_id AND day = OLD.observed_on AND n <= 0
      AND unit = CASE WHEN OLD.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = OLD.person_id)
                      ELSE 't:' || OLD.team END;
END;

CREATE TRIGGER kpi_rollup_after_update
AFTER UPDATE OF kpi_id, person_id, team, observed_on, value ON kpi_observations
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    UPDATE kpi_rollup
    SET n = n - 1, total = total - OLD.value, total_sq = total_sq - OLD.value * OLD.value
    WHERE kpi_id = OLD.kpi_id AND day = OLD.observed_on
      AND unit = CASE WHEN OLD.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = OLD.person_id)
                      ELSE 't:' || OLD.team END;
    DELETE FROM kpi_rollup
    WHERE kpi_id = OLD.kpi_id AND day = OLD.observed_on AND n <= 0
      AND unit = CASE WHEN OLD.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = OLD.person_id)
                      ELSE 't:' || OLD.team END;
    INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
    SELECT NEW.kpi_id, u.unit, NEW.observed_on, 1, NEW.value, NEW.value * NEW.value
    FROM (SELECT CASE WHEN NEW.person_id IS NOT NULL
                      THEN (SELECT 'm:' || manager_id FROM people WHERE id = NEW.person_id)
                      ELSE 't:' || NEW.team END AS unit) u
    WHERE u.unit IS NOT NULL
    ON CONFLICT (kpi_id, unit, day) DO UPDATE SET
        n = n + 1, total = total + excluded.total, total_sq = total_sq + excluded.total_sq;
END;

-- A new manager moves the person's observations to the new manager's unit.
CREATE TRIGGER kpi_rollup_after_manager_change AFTER UPDATE OF manager_id ON people
WHEN OLD.manager_id IS NOT NEW.manager_id AND (SELECT suspended FROM rollup_state) = 0
BEGIN
    UPDATE kpi_rollup
    SET n = kpi_rollup.n - s.n, total = kpi_rollup.total - s.total,
        total_sq = kpi_rollup.total_sq - s.total_sq
    FROM (SELECT kpi_id, observed_on AS day, count(*) AS n, sum(value) AS total,
                 sum(value * value) AS total_sq
          FROM kpi_observations WHERE person_id = NEW.id GROUP BY kpi_id, observed_on) AS s
    WHERE kpi_rollup.kpi_id = s.kpi_id AND kpi_rollup.day = s.day
      AND kpi_rollup.unit = 'm:' || OLD.manager_id;
    DELETE FROM kpi_rollup
    WHERE kpi_id IN (SELECT DISTINCT kpi_id FROM kpi_observations WHERE person_id = NEW.id)
      AND unit = 'm:' || OLD.manager_id AND n <= 0;
    INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
    SELECT kpi_id, 'm:' || NEW.manager_id, observed_on, count(*), sum(value), sum(value * value)
    FROM kpi_observations WHERE person_id = NEW.id AND NEW.manager_id IS NOT NULL
    GROUP BY kpi_id, observed_on
    ON CONFLICT (kpi_id, unit, day) DO UPDATE SET
        n = n + excluded.n, total = total + excluded.total, total_sq = total_sq + excluded.total_sq;
END;

-- Coaching per pilot (0: outside any pilot), week (the Monday it starts) and coaching
-- manager: moments, minutes, and the distinct people coached.
CREATE TABLE coaching_rollup (
    pilot_id   INTEGER NOT NULL,
    week       TEXT NOT NULL,
    manager_id TEXT NOT NULL,
    events     INTEGER NOT NULL,
    minutes    INTEGER NOT NULL,
    coachees   INTEGER NOT NULL,
    PRIMARY KEY (pilot_id, week, manager_id)
) STRICT, WITHOUT ROWID;

-- Coaching per pilot and coachee, for the coachees' time at their role's hourly cost.
CREATE TABLE coachee_rollup (
    pilot_id   INTEGER NOT NULL,
    coachee_id TEXT NOT NULL,
    events     INTEGER NOT NULL,
    minutes    INTEGER NOT NULL,
    PRIMARY KEY (pilot_id, coachee_id)
) STRICT, WITHOUT ROWID;

-- Coaching per pilot and playbook task (0: no task).
CREATE TABLE task_rollup (
    pilot_id INTEGER NOT NULL,
    task_id  INTEGER NOT NULL,
    events   INTEGER NOT NULL,
    minutes  INTEGER NOT NULL,
    PRIMARY KEY (pilot_id, task_id)
) STRICT, WITHOUT ROWID;

INSERT INTO coaching_rollup (pilot_id, week, manager_id, events, minutes, coachees)
SELECT ifnull(pilot_id, 0), date(occurred_at, '-6 days', 'weekday 1') AS week, manager_id,
       count(*), sum(minutes), count(DISTINCT coachee_id)
FROM coaching_events GROUP BY ifnull(pilot_id, 0), week, manager_id;

INSERT INTO coachee_rollup (pilot_id, coachee_id, events, minutes)
SELECT ifnull(pilot_id, 0), coachee_id, count(*), sum(minutes)
FROM coaching_events WHERE coachee_id IS NOT NULL GROUP BY ifnull(pilot_id, 0), coachee_id;

INSERT INTO task_rollup (pilot_id, task_id, events, minutes)
SELECT ifnull(pilot_id, 0), ifnull(task_id, 0), count(*), sum(minutes)
FROM coaching_events GROUP BY ifnull(pilot_id, 0), ifnull(task_id, 0);

CREATE TRIGGER coaching_rollup_after_insert AFTER INSERT ON coaching_events
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    INSERT INTO coaching_rollup (pilot_id, week, manager_id, events, minutes, coachees)
    VALUES (ifnull(NEW.pilot_id, 0), date(NEW.occurred_at, '-6 days', 'weekday 1'),
            NEW.manager_id, 1, NEW.minutes,
            NEW.coachee_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM coaching_events e
                WHERE e.manager_id = NEW.manager_id AND e.coachee_id = NEW.coachee_id
                  AND e.id <> NEW.id AND ifnull(e.pilot_id, 0) = ifnull(NEW.pilot_id, 0)
                  AND e.occurred_at >= date(NEW.occurred_at, '-6 days', 'weekday 1')
                  AND e.occurred_at < date(NEW.occurred_at, '-6 days', 'weekday 1', '+7 days')))
    ON CONFLICT (pilot_id, week, manager_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes,
        coachees = coachees + excluded.coachees;
    INSERT INTO coachee_rollup (pilot_id, coachee_id, events, minutes)
    SELECT ifnull(NEW.pilot_id, 0), NEW.coachee_id, 1, NEW.minutes
    WHERE NEW.coachee_id IS NOT NULL
    ON CONFLICT (pilot_id, coachee_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes;
    INSERT INTO task_rollup (pilot_id, task_id, events, minutes)
    VALUES (ifnull(NEW.pilot_id, 0), ifnull(NEW.task_id, 0), 1, NEW.minutes)
    ON CONFLICT (pilot_id, task_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER coaching_rollup_after_delete AFTER DELETE ON coaching_events
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    UPDATE coaching_rollup
    SET events = events - 1, minutes = minutes - OLD.minutes,
        coachees = coachees - (OLD.coachee_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM coaching_events e
            WHERE e.manager_id = OLD.manager_id AND e.coachee_id = OLD.coachee_id
              AND ifnull(e.pilot_id, 0) = ifnull(OLD.pilot_id, 0)
              AND e.occurred_at >= date(OLD.occurred_at, '-6 days', 'weekday 1')
              AND e.occurred_at < date(OLD.occurred_at, '-6 days', 'weekday 1', '+7 days')))
    WHERE pilot_id = ifnull(OLD.pilot_id, 0)
      AND week = date(OLD.occurred_at, '-6 days', 'weekday 1') AND manager_id = OLD.manager_id;
    DELETE FROM coaching_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0)
      AND week = date(OLD.occurred_at, '-6 days', 'weekday 1') AND manager_id = OLD.manager_id
      AND events <= 0;
    UPDATE coachee_rollup SET events = events - 1, minutes = minutes - OLD.minutes
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND coachee_id = OLD.coachee_id;
    DELETE FROM coachee_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND coachee_id = OLD.coachee_id AND events <= 0;
    UPDATE task_rollup SET events = events - 1, minutes = minutes - OLD.minutes
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND task_id = ifnull(OLD.task_id, 0);
    DELETE FROM task_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND task_id = ifnull(OLD.task_id, 0)
      AND events <= 0;
END;

-- An edited event leaves its old place and arrives at its new one, exactly as a delete
-- followed by an insert would (the statements repeat those two triggers').
CREATE TRIGGER coaching_rollup_after_update
AFTER UPDATE OF pilot_id, manager_id, coachee_id, occurred_at, minutes, task_id ON coaching_events
WHEN (SELECT suspended FROM rollup_state) = 0
BEGIN
    UPDATE coaching_rollup
    SET events = events - 1, minutes = minutes - OLD.minutes,
        coachees = coachees - (OLD.coachee_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM coaching_events e
            WHERE e.manager_id = OLD.manager_id AND e.coachee_id = OLD.coachee_id
              AND ifnull(e.pilot_id, 0) = ifnull(OLD.pilot_id, 0) AND e.id <> OLD.id
              AND e.occurred_at >= date(OLD.occurred_at, '-6 days', 'weekday 1')
              AND e.occurred_at < date(OLD.occurred_at, '-6 days', 'weekday 1', '+7 days')))
    WHERE pilot_id = ifnull(OLD.pilot_id, 0)
      AND week = date(OLD.occurred_at, '-6 days', 'weekday 1') AND manager_id = OLD.manager_id;
    DELETE FROM coaching_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0)
      AND week = date(OLD.occurred_at, '-6 days', 'weekday 1') AND manager_id = OLD.manager_id
      AND events <= 0;
    UPDATE coachee_rollup SET events = events - 1, minutes = minutes - OLD.minutes
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND coachee_id = OLD.coachee_id;
    DELETE FROM coachee_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND coachee_id = OLD.coachee_id AND events <= 0;
    UPDATE task_rollup SET events = events - 1, minutes = minutes - OLD.minutes
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND task_id = ifnull(OLD.task_id, 0);
    DELETE FROM task_rollup
    WHERE pilot_id = ifnull(OLD.pilot_id, 0) AND task_id = ifnull(OLD.task_id, 0)
      AND events <= 0;
    INSERT INTO coaching_rollup (pilot_id, week, manager_id, events, minutes, coachees)
    VALUES (ifnull(NEW.pilot_id, 0), date(NEW.occurred_at, '-6 days', 'weekday 1'),
            NEW.manager_id, 1, NEW.minutes,
            NEW.coachee_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM coaching_events e
                WHERE e.manager_id = NEW.manager_id AND e.coachee_id = NEW.coachee_id
                  AND e.id <> NEW.id AND ifnull(e.pilot_id, 0) = ifnull(NEW.pilot_id, 0)
                  AND e.occurred_at >= date(NEW.occurred_at, '-6 days', 'weekday 1')
                  AND e.occurred_at < date(NEW.occurred_at, '-6 days', 'weekday 1', '+7 days')))
    ON CONFLICT (pilot_id, week, manager_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes,
        coachees = coachees + excluded.coachees;
    INSERT INTO coachee_rollup (pilot_id, coachee_id, events, minutes)
    SELECT ifnull(NEW.pilot_id, 0), NEW.coachee_id, 1, NEW.minutes
    WHERE NEW.coachee_id IS NOT NULL
    ON CONFLICT (pilot_id, coachee_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes;
    INSERT INTO task_rollup (pilot_id, task_id, events, minutes)
    VALUES (ifnull(NEW.pilot_id, 0), ifnull(NEW.task_id, 0), 1, NEW.minutes)
    ON CONFLICT (pilot_id, task_id) DO UPDATE SET
        events = events + 1, minutes = minutes + excluded.minutes;
END;
