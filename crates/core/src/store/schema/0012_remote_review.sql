-- Schema 12: the steering group on its own machines. Each member's public key on the
-- roster, the review bundles the lead sent, every ballot file received (counted or
-- refused, with why), and on a member's own machine the ballots they cast from a bundle.

-- A member's Ed25519 public key, registered after the fingerprint was confirmed out of
-- band. A new key retires the member's previous one; retired keys stay on record so old
-- ballots still verify.
CREATE TABLE steering_keys (
    id          INTEGER PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id),
    -- Base64url, 32 bytes.
    public_key  TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    retired_at  TEXT,
    log_id      INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX steering_keys_one_current ON steering_keys (person_id) WHERE retired_at IS NULL;

-- A review bundle as sent: the item, its version for that item, and the hash of its
-- signed content that each ballot must name.
CREATE TABLE review_bundles (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES governance_items (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    hash      TEXT NOT NULL UNIQUE,
    pack_hash TEXT NOT NULL,
    sent_at   TEXT NOT NULL,
    sent_by   TEXT NOT NULL,
    UNIQUE (item_id, version)
) STRICT;

-- Every ballot file the lead imported, exactly as it arrived, counted or refused.
CREATE TABLE ballots (
    id          INTEGER PRIMARY KEY,
    -- SHA-256 of the file's bytes: the same file twice is a replay.
    file_hash   TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('counted', 'refused')),
    reason      TEXT NOT NULL DEFAULT '',
    item_id     INTEGER REFERENCES governance_items (id) ON DELETE CASCADE,
    person_id   TEXT REFERENCES people (id),
    fingerprint TEXT NOT NULL DEFAULT '',
    choice      TEXT NOT NULL DEFAULT '',
    cast_at     TEXT NOT NULL DEFAULT '',
    log_id      INTEGER NOT NULL,
    content     TEXT NOT NULL
) STRICT;

CREATE INDEX ballots_by_file ON ballots (file_hash);

CREATE TRIGGER ballots_are_append_only_update BEFORE UPDATE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'received ballots are append-only');
END;

CREATE TRIGGER ballots_are_append_only_delete BEFORE DELETE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'received ballots are append-only');
END;

-- A vote or recusal that arrived as a signed ballot names it.
ALTER TABLE votes ADD COLUMN ballot_id INTEGER REFERENCES ballots (id);
ALTER TABLE recusals ADD COLUMN ballot_id INTEGER REFERENCES ballots (id);

-- On a member's machine: each ballot they cast from a bundle, so their vote reads back.
CREATE TABLE cast_ballots (
    id          INTEGER PRIMARY KEY,
    bundle_hash TEXT NOT NULL,
    pilot_name  TEXT NOT NULL,
    subject     TEXT NOT NULL,
    choice      TEXT NOT NULL,
    comment     TEXT NOT NULL,
    cast_at     TEXT NOT NULL,
    file_hash   TEXT NOT NULL,
    content     TEXT NOT NULL
) STRICT;

CREATE INDEX cast_ballots_by_bundle ON cast_ballots (bundle_hash, id);
