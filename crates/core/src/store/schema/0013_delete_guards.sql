-- Schema 13: what the decision log stands behind cannot be deleted. Votes, recusals and
-- decisions were guarded against UPDATE only, so deleting one with any SQLite tool went
-- unnoticed until `audit verify` learned to match them to the log; now the database
-- refuses the DELETE itself. (Nothing in Pilotdesk deletes a pilot, whose cascade would
-- reach these rows.)

CREATE TRIGGER votes_are_append_only_delete BEFORE DELETE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are append-only');
END;

CREATE TRIGGER recusals_are_append_only_update BEFORE UPDATE ON recusals
BEGIN
    SELECT RAISE(ABORT, 'recusals are append-only');
END;

CREATE TRIGGER recusals_are_append_only_delete BEFORE DELETE ON recusals
BEGIN
    SELECT RAISE(ABORT, 'recusals are append-only');
END;

CREATE TRIGGER decisions_are_append_only_delete BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;
