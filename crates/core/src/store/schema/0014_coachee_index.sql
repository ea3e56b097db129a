-- Schema 14: a person's page lists the coaching they received as well as the coaching they
-- gave; without this index that lookup read every coaching event in the workspace.

CREATE INDEX coaching_events_by_coachee ON coaching_events (coachee_id, occurred_at);
