-- Schema 4: steering-group governance. The steering group and its quorum rule, the items
-- it decides (approval, the day-45 and day-90 gates, criteria changes), votes and
-- recusals, the decisions taken, outcome-based budget tranches and their spending, vendor
-- proposals with their privacy checklist, the risk register, and the tamper-evident
-- decision log that every vote and decision is appended to.

CREATE TABLE steering_members (
    person_id TEXT PRIMARY KEY REFERENCES people (id),
    function  TEXT NOT NULL CHECK (function IN ('hr', 'analytics', 'finance', 'frontline', 'other')),
    joined_at TEXT NOT NULL,
    -- Set when the member leaves; their past votes stay on record.
    left_at   TEXT
) STRICT;

-- One row: the rule a decision must meet.
CREATE TABLE quorum_rule (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    -- Comma-separated functions that must each cast at least one vote.
    required_functions TEXT NOT NULL,
    threshold          TEXT NOT NULL CHECK (threshold IN ('majority', 'two_thirds', 'unanimous')),
    basis              TEXT NOT NULL CHECK (basis IN ('eligible_members', 'votes_cast'))
) STRICT;

INSERT INTO quorum_rule (id, required_functions, threshold, basis)
VALUES (1, 'hr,analytics,finance,frontline', 'majority', 'eligible_members');

-- A question put to the steering group about one pilot.
CREATE TABLE governance_items (
    id        INTEGER PRIMARY KEY,
    pilot_id  INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('approval', 'day45_review', 'day90_outcome', 'criteria_change')),
    subject   TEXT NOT NULL,
    due_on    TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    state     TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'decided', 'withdrawn')),
    -- What is proposed, as JSON (a criteria change carries the KPI as it would become).
    payload   TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX governance_items_by_pilot ON governance_items (pilot_id, id);
CREATE INDEX governance_items_open ON governance_items (state, due_on);

-- Every vote cast. A member may change their vote until the decision is taken; the latest
-- counts and the earlier ones stay on record.
CREATE TABLE votes (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES governance_items (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    function  TEXT NOT NULL,
    choice    TEXT NOT NULL CHECK (choice IN ('approve', 'reject', 'request_changes', 'continue',
                                              'stop', 'scale', 'iterate')),
    comment   TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL,
    log_id    INTEGER NOT NULL
) STRICT;

CREATE INDEX votes_by_item ON votes (item_id, id);

CREATE TRIGGER votes_are_append_only_update BEFORE UPDATE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are append-only');
END;

CREATE TABLE recusals (
    item_id   INTEGER NOT NULL REFERENCES governance_items (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at        TEXT NOT NULL,
    log_id    INTEGER NOT NULL,
    PRIMARY KEY (item_id, person_id)
) STRICT;

-- A decision taken: by the steering group's votes, or recorded by a member (a tranche
-- release), with the evidence it rested on.
CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    pilot_id       INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    item_id        INTEGER REFERENCES governance_items (id),
    kind           TEXT NOT NULL CHECK (kind IN ('approval', 'day45_review', 'day90_outcome',
                                                 'criteria_change', 'tranche_release')),
    outcome        TEXT NOT NULL,
    summary        TEXT NOT NULL,
    decided_at     TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_by_id TEXT,
    evidence       TEXT NOT NULL,
    log_id         INTEGER NOT NULL
) STRICT;

CREATE INDEX decisions_by_pilot ON decisions (pilot_id, id);

CREATE TRIGGER decisions_are_append_only_update BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

-- A share of a pilot's budget, released only by a recorded decision that its condition
-- was met: a KPI's success criterion, or (no KPI) the pilot's approval.
CREATE TABLE budget_tranches (
    id                  INTEGER PRIMARY KEY,
    pilot_id            INTEGER NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    label               TEXT NOT NULL,
    amount_cents        INTEGER NOT NULL CHECK (amount_cents > 0),
    kpi_id              INTEGER REFERENCES pilot_kpis (id),
    release_decision_id INTEGER REFERENCES decisions (id),
    UNIQUE (pilot_id, position)
) STRICT;

CREATE TABLE tranche_spend (
    id           INTEGER PRIMARY KEY,
    tranche_id   INTEGER NOT NULL REFERENCES budget_tranches (id) ON DELETE CASCADE,
    spent_on     TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    description  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

CREATE INDEX tranche_spend_by_tranche ON tranche_spend (tranche_id);

CREATE TABLE vendor_proposals (
    id               INTEGER PRIMARY KEY,
    pilot_id         INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    vendor           TEXT NOT NULL,
    offering         TEXT NOT NULL,
    pricing          TEXT NOT NULL CHECK (pricing IN ('fixed', 'per_seat', 'per_module')),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    contract_months  INTEGER NOT NULL CHECK (contract_months > 0),
    -- The privacy checklist.
    personal_data    TEXT NOT NULL DEFAULT '',
    storage_location TEXT NOT NULL DEFAULT '',
    retention        TEXT NOT NULL DEFAULT '',
    sub_processors   TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE risks (
    id         INTEGER PRIMARY KEY,
    -- One of the six practices of the operating model, or 'general'.
    practice   TEXT NOT NULL CHECK (practice IN ('micro_coaching', 'ai_assisted', 'skills_as_a_service',
                                                 'coaching_analytics', 'coaching_networks',
                                                 'async_competency', 'general')),
    title      TEXT NOT NULL,
    owner_id   TEXT REFERENCES people (id),
    mitigation TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigated', 'closed')),
    pilot_id   INTEGER REFERENCES pilots (id) ON DELETE SET NULL
) STRICT;

-- The risks the operating model names for each practice, so no register starts empty.
INSERT INTO risks (practice, title, mitigation) VALUES
    ('micro_coaching', 'Noisy bite-size content: too many small prompts dilute the message',
     'Playbooks are governed: 3-4 high-impact tasks per workflow, moments of 5-15 minutes, reviewed before launch'),
    ('ai_assisted', 'Over-reliance on AI-generated agendas and prompts',
     'Start in low-risk contexts such as onboarding; record every suggestion as accepted, edited or rejected and review the calibration monthly'),
    ('skills_as_a_service', 'Fragmented learning paths from separately purchased modules',
     'Every module maps to a competency in the framework; purchasing is per module against that map'),
    ('coaching_analytics', 'Attribution is hard: other changes move the KPIs too',
     'A comparison group wherever possible; every figure states its method and evidence strength'),
    ('coaching_networks', 'Uneven coaching quality across internal coaches',
     'Certification follows written standards; coach impact is reviewed quarterly'),
    ('async_competency', 'Asynchronous feedback feels impersonal',
     'Live check-ins stay in the plan alongside micro-feedback and portfolio reviews'),
    ('general', 'Manager overload: coaching is squeezed out by delivery work',
     'Coaching hours are budgeted and credited to managers as time credits; load is watched weekly');

-- The tamper-evident decision log. Each entry holds its content as canonical JSON, the
-- previous entry's hash and its own: SHA-256 over the previous hash and the content. The
-- other columns repeat fields of the content for queries; verification checks they agree.
CREATE TABLE decision_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    actor_id  TEXT,
    kind      TEXT NOT NULL,
    pilot_id  INTEGER,
    summary   TEXT NOT NULL,
    content   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX decision_log_by_pilot ON decision_log (pilot_id, id);

CREATE TRIGGER decision_log_is_append_only_update BEFORE UPDATE ON decision_log
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only');
END;

CREATE TRIGGER decision_log_is_append_only_delete BEFORE DELETE ON decision_log
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only');
END;
