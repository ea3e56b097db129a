-- Schema 3: the pilot designer. Playbooks per workflow, KPIs with baselines and success
-- criteria, the cohort and its comparison design, the budget, checklist waivers and
-- confirmations, recorded lifecycle transitions, and the coaching events and KPI
-- observations that Step 2 of the readiness checklist reads.

ALTER TABLE pilots ADD COLUMN ai_agenda TEXT NOT NULL DEFAULT '';
ALTER TABLE pilots ADD COLUMN comparison_design TEXT NOT NULL DEFAULT 'none'
    CHECK (comparison_design IN ('randomised_waitlist', 'matched_teams', 'staggered_waves', 'none'));
-- The seed of a randomised draw, kept so the assignment can be reproduced.
ALTER TABLE pilots ADD COLUMN assignment_seed INTEGER;

ALTER TABLE pilot_workflows ADD COLUMN template TEXT;

CREATE TABLE pilot_kpis (
    id                  INTEGER PRIMARY KEY,
    pilot_id            INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    name                TEXT NOT NULL,
    unit                TEXT NOT NULL,
    direction           TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    value_per_unit      INTEGER CHECK (value_per_unit >= 0),
    data_source         TEXT NOT NULL DEFAULT '',
    baseline_start      TEXT,
    baseline_end        TEXT,
    baseline_value      REAL,
    target_lift         REAL CHECK (target_lift > 0),
    interval_above_zero INTEGER NOT NULL DEFAULT 1 CHECK (interval_above_zero IN (0, 1)),
    UNIQUE (pilot_id, position)
) STRICT;

CREATE UNIQUE INDEX pilot_kpis_by_name ON pilot_kpis (pilot_id, name COLLATE NOCASE);

CREATE TABLE playbook_tasks (
    id           INTEGER PRIMARY KEY,
    workflow_id  INTEGER NOT NULL REFERENCES pilot_workflows (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    behaviour    TEXT NOT NULL,
    -- A JSON array of coaching moments: {prompt, perWeek, minutes}.
    moments      TEXT NOT NULL DEFAULT '[]',
    competency   TEXT NOT NULL DEFAULT '',
    skill_module TEXT NOT NULL DEFAULT '',
    kpi_id       INTEGER REFERENCES pilot_kpis (id) ON DELETE SET NULL,
    UNIQUE (workflow_id, position)
) STRICT;

CREATE TABLE pilot_cohort (
    pilot_id     INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    manager_id   TEXT NOT NULL REFERENCES people (id),
    arm          TEXT NOT NULL CHECK (arm IN ('pilot', 'comparison')),
    wave         INTEGER CHECK (wave IN (1, 2)),
    -- For matched teams: the pilot manager this comparison team was matched to.
    matched_with TEXT REFERENCES people (id),
    match_distance REAL,
    PRIMARY KEY (pilot_id, manager_id)
) STRICT;

CREATE TABLE budget_lines (
    id          INTEGER PRIMARY KEY,
    pilot_id    INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('tooling', 'analytics', 'vendor')),
    description TEXT NOT NULL,
    pricing     TEXT NOT NULL CHECK (pricing IN ('fixed', 'per_seat', 'per_module')),
    unit_cost   INTEGER NOT NULL CHECK (unit_cost >= 0),
    quantity    INTEGER NOT NULL CHECK (quantity >= 0),
    UNIQUE (pilot_id, position)
) STRICT;

CREATE TABLE pilot_time_costs (
    pilot_id               INTEGER PRIMARY KEY REFERENCES pilots (id) ON DELETE CASCADE,
    manager_hours_per_week REAL NOT NULL DEFAULT 0 CHECK (manager_hours_per_week >= 0),
    manager_hourly_cost    INTEGER NOT NULL DEFAULT 0 CHECK (manager_hourly_cost >= 0),
    coach_count            INTEGER NOT NULL DEFAULT 0 CHECK (coach_count >= 0),
    coach_hours_per_week   REAL NOT NULL DEFAULT 0 CHECK (coach_hours_per_week >= 0),
    coach_hourly_cost      INTEGER NOT NULL DEFAULT 0 CHECK (coach_hourly_cost >= 0),
    coachee_hours_per_week REAL NOT NULL DEFAULT 0 CHECK (coachee_hours_per_week >= 0),
    coachee_hourly_cost    INTEGER NOT NULL DEFAULT 0 CHECK (coachee_hourly_cost >= 0)
) STRICT;

-- A checklist item waived (with its reason) or confirmed by hand (with a note), and by whom.
CREATE TABLE checklist_marks (
    pilot_id INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    item     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('waived', 'confirmed')),
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    by_whom  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (pilot_id, item)
) STRICT;

-- Every lifecycle transition, with the checklist as it stood at that moment.
CREATE TABLE pilot_transitions (
    id          INTEGER PRIMARY KEY,
    pilot_id    INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    evidence    TEXT NOT NULL
) STRICT;

CREATE INDEX pilot_transitions_by_pilot ON pilot_transitions (pilot_id, id);

CREATE TRIGGER pilot_transitions_are_append_only_update BEFORE UPDATE ON pilot_transitions
BEGIN
    SELECT RAISE(ABORT, 'recorded transitions are append-only');
END;

CREATE TABLE coaching_events (
    id          INTEGER PRIMARY KEY,
    pilot_id    INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    manager_id  TEXT NOT NULL REFERENCES people (id),
    coachee_id  TEXT REFERENCES people (id),
    occurred_at TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('micro_coaching', 'ai_agenda', 'async_feedback',
                                              'portfolio_review', 'live_check_in')),
    task_id     INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,
    notes       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX coaching_events_by_pilot ON coaching_events (pilot_id, occurred_at);

CREATE TABLE kpi_observations (
    id          INTEGER PRIMARY KEY,
    kpi_id      INTEGER NOT NULL REFERENCES pilot_kpis (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id),
    team        TEXT,
    observed_on TEXT NOT NULL,
    value       REAL NOT NULL,
    CHECK (person_id IS NOT NULL OR team IS NOT NULL)
) STRICT;

CREATE INDEX kpi_observations_by_kpi ON kpi_observations (kpi_id, observed_on);
