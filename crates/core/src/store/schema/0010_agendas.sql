-- Schema 10: AI-assisted coaching agendas. Each agenda keeps its suggestions as made and as
-- the manager left them, so calibration can say how much was accepted, edited or rejected.

CREATE TABLE agendas (
    id            INTEGER PRIMARY KEY,
    manager_id    TEXT NOT NULL REFERENCES people (id),
    coachee_id    TEXT NOT NULL REFERENCES people (id),
    pilot_id      INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    task_id       INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,
    -- The task's behaviour when the agenda was made: a task renamed later does not
    -- rewrite what the manager was given.
    task          TEXT,
    context       TEXT NOT NULL CHECK (context IN
                      ('onboarding', 'skill_practice', 'performance_conversation', 'conflict')),
    minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 60),
    basis_json    TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('offline', 'model', 'fallback')),
    source_note   TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'accepted', 'edited', 'rejected')),
    change_share  REAL CHECK (change_share BETWEEN 0 AND 1),
    reject_reason TEXT CHECK (reject_reason IN
                      ('not_relevant', 'wrong_facts', 'wrong_tone', 'too_generic', 'not_now')),
    reject_note   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    decided_at    TEXT,
    decided_by    TEXT,
    CHECK ((status = 'open') = (decided_at IS NULL)),
    CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
) STRICT;

CREATE INDEX agendas_by_manager ON agendas (manager_id, created_at);
CREATE INDEX agendas_by_pilot ON agendas (pilot_id, created_at);

CREATE TABLE agenda_items (
    agenda_id INTEGER NOT NULL REFERENCES agendas (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 1),
    kind      TEXT NOT NULL CHECK (kind IN
                  ('opening', 'prompt', 'practice', 'commitment', 'next_step')),
    suggested TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (agenda_id, position)
) STRICT;
