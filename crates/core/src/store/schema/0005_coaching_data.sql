-- Schema 5: coaching data. Every import is recorded for the data lineage; coaching events
-- get a stable UUID (the key that makes a re-import change nothing, and the id of the xAPI
-- statement they export as) and where they came from; KPI observations get their natural
-- key, one value per KPI, person or team and day.

CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('people', 'events', 'observations', 'xapi',
                                                'generated')),
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

-- coaching_events is rebuilt: a NOT NULL column without a default cannot be added in place.
CREATE TABLE coaching_events_4 (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL CHECK (length(uid) = 36),
    pilot_id    INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    manager_id  TEXT NOT NULL REFERENCES people (id),
    coachee_id  TEXT REFERENCES people (id),
    -- Wall-clock time where the moment happened, to the second: YYYY-MM-DDTHH:MM:SS.
    occurred_at TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('micro_coaching', 'ai_agenda', 'async_feedback',
                                              'portfolio_review', 'live_check_in')),
    task_id     INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,
    notes       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL CHECK (source IN ('import', 'xapi', 'quick_log', 'generated')),
    import_id   INTEGER REFERENCES imports (id)
) STRICT;

-- Events written before this version get a random version-4 UUID.
INSERT INTO coaching_events_4 (id, uid, pilot_id, manager_id, coachee_id, occurred_at, minutes,
                               kind, task_id, notes, source)
SELECT id,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
           || substr(lower(hex(randomblob(2))), 2) || '-'
           || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2)
           || '-' || lower(hex(randomblob(6))),
       pilot_id, manager_id, coachee_id, occurred_at, minutes, kind, task_id, notes, 'import'
FROM coaching_events;

DROP TABLE coaching_events;
ALTER TABLE coaching_events_4 RENAME TO coaching_events;

CREATE UNIQUE INDEX coaching_events_by_uid ON coaching_events (uid);
CREATE INDEX coaching_events_by_pilot ON coaching_events (pilot_id, occurred_at);
CREATE INDEX coaching_events_by_manager ON coaching_events (manager_id, occurred_at);
CREATE INDEX coaching_events_by_time ON coaching_events (occurred_at);

ALTER TABLE kpi_observations ADD COLUMN import_id INTEGER REFERENCES imports (id);

-- One value per KPI, person or team and day. Should an older workspace hold the same
-- observation twice, the later one stands, as it would after a re-import.
DELETE FROM kpi_observations
WHERE id NOT IN (SELECT max(id) FROM kpi_observations
                 GROUP BY kpi_id, ifnull(person_id, ''), ifnull(team, ''), observed_on);

CREATE UNIQUE INDEX kpi_observations_by_unit
    ON kpi_observations (kpi_id, ifnull(person_id, ''), ifnull(team, ''), observed_on);
