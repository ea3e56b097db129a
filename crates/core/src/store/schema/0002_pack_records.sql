-- Schema 2: a record of every pack produced, so a printed copy can be matched by the
-- content hash in its footer.

CREATE TABLE pack_records (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    pilot_id     INTEGER REFERENCES pilots (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    subject      TEXT NOT NULL,
    produced_at  TEXT NOT NULL,
    produced_by  TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    pages        INTEGER NOT NULL CHECK (pages > 0),
    paper_size   TEXT NOT NULL CHECK (paper_size IN ('a4', 'letter')),
    path         TEXT
) STRICT;

CREATE INDEX pack_records_by_hash ON pack_records (content_hash);
CREATE INDEX pack_records_by_pilot ON pack_records (pilot_id);
