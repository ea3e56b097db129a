-- Schema 11: coaching networks. Internal coaches nominated by managers, the written
-- standard they are certified against, the evidence (training, observed sessions scored by
-- an assessor, coachees' feedback), certifications with their expiry, and the Open Badges
-- credentials issued for them, signed with the workspace's own key.

-- The workspace's certification standard, versioned: a certification names the version it
-- was assessed against, so changing the standard never rewrites an old certification.
CREATE TABLE certification_standards (
    version       INTEGER PRIMARY KEY CHECK (version >= 1),
    name          TEXT NOT NULL,
    -- Levels and their criteria thresholds, as the workflows read them.
    criteria_json TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;

CREATE TABLE coaches (
    person_id     TEXT PRIMARY KEY REFERENCES people (id),
    nominated_by  TEXT NOT NULL,
    nominated_on  TEXT NOT NULL,
    -- The day the coach training was completed, when it was.
    trained_on    TEXT,
    withdrawn_on  TEXT,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;

-- A coaching session observed and scored against the standard's rubric.
CREATE TABLE coach_observations (
    id          INTEGER PRIMARY KEY,
    coach_id    TEXT NOT NULL REFERENCES coaches (person_id),
    assessor_id TEXT NOT NULL REFERENCES people (id),
    observed_on TEXT NOT NULL,
    -- {"rubric item": score 1-4, ...}
    scores_json TEXT NOT NULL,
    mean_score  REAL NOT NULL CHECK (mean_score BETWEEN 1 AND 4),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX coach_observations_by_coach ON coach_observations (coach_id, observed_on);

-- What coachees said of their coach, 1 (poor) to 5 (excellent).
CREATE TABLE coach_feedback (
    id         INTEGER PRIMARY KEY,
    coach_id   TEXT NOT NULL REFERENCES coaches (person_id),
    coachee_id TEXT REFERENCES people (id),
    rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    TEXT NOT NULL DEFAULT '',
    given_on   TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX coach_feedback_by_coach ON coach_feedback (coach_id, given_on);

CREATE TABLE certifications (
    id               INTEGER PRIMARY KEY,
    coach_id         TEXT NOT NULL REFERENCES coaches (person_id),
    level            TEXT NOT NULL CHECK (level IN ('associate', 'certified')),
    standard_version INTEGER NOT NULL REFERENCES certification_standards (version),
    certified_on     TEXT NOT NULL,
    valid_until      TEXT NOT NULL CHECK (valid_until > certified_on),
    certified_by     TEXT NOT NULL,
    -- Each criterion's progress at the moment of certifying: the evidence it rests on.
    evidence_json    TEXT NOT NULL,
    revoked_on       TEXT,
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX certifications_by_coach ON certifications (coach_id, certified_on);

-- The workspace as an issuer: one Ed25519 key pair, made on first issue.
CREATE TABLE issuer_keys (
    id          INTEGER PRIMARY KEY,
    -- Base64url, 32 bytes each.
    public_key  TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- Every Open Badges credential issued, exactly as it left the app.
CREATE TABLE issued_badges (
    id               INTEGER PRIMARY KEY,
    certification_id INTEGER NOT NULL REFERENCES certifications (id),
    -- The credential's id, a urn:uuid.
    credential_id    TEXT NOT NULL UNIQUE,
    credential       TEXT NOT NULL,
    issued_at        TEXT NOT NULL,
    issued_by        TEXT NOT NULL
) STRICT;
