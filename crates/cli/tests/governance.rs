//! Governance from the command line: votes under `--as`, the decision they reach, a vote
//! after it refused, a locked criterion refused, a tranche with an unmet condition refused,
//! and `audit verify` failing with exit 3 after a row of the log is changed with sqlite3.

mod support;

use std::path::Path;
use std::process::Command;

use support::{json, ok, pilotdesk, ready_pilot, refused};

const HR: &str = "E1004";
const FINANCE: &str = "E1005";
const SALES: &str = "E1002";
const CX: &str = "E1003";
const COO: &str = "E1001";

fn analyst(db: &Path) -> String {
    let members = json(db, &["steering", "list", "--json"]);
    members["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["function"] == "analytics")
        .unwrap()["personId"]
        .as_str()
        .unwrap()
        .to_string()
}

fn approval_item(db: &Path, pid: &str) -> String {
    let view = json(db, &["review", "show", pid, "--json"]);
    assert_eq!(view["item"]["kind"], "approval");
    view["item"]["id"].to_string()
}

fn vote(db: &Path, who: &str, item: &str, choice: &str, comment: &str) -> String {
    ok(
        db,
        &[
            "--as",
            who,
            "review",
            "vote",
            item,
            "--choice",
            choice,
            "--comment",
            comment,
        ],
    )
}

#[test]
fn members_vote_as_themselves_until_the_quorum_decides() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (pid, _) = ready_pilot(&db);
    ok(&db, &["pilot", "submit", &pid]);
    let queue = json(&db, &["review", "queue", "--json"]);
    assert_eq!(queue["reviews"].as_array().unwrap().len(), 1);
    let item = approval_item(&db, &pid);

    let outsider = refused(
        &db,
        &[
            "--as", "E1040", "review", "vote", &item, "--choice", "approve",
        ],
    );
    assert!(
        outsider.contains("is not a member of the steering group; only members vote"),
        "{outsider}"
    );
    let nobody = refused(&db, &["--as", "E9999", "user", "show"]);
    assert!(
        nobody.contains("as: there is no one with the id \"E9999\""),
        "{nobody}"
    );
    let silent = refused(
        &db,
        &["--as", CX, "review", "vote", &item, "--choice", "reject"],
    );
    assert!(
        silent.contains("comment: say why you vote to reject"),
        "{silent}"
    );

    let first = vote(&db, HR, &item, "approve", "");
    assert!(
        first.contains("Waiting for a vote from Analytics, Finance and Front line"),
        "{first}"
    );
    vote(&db, &analyst(&db), &item, "approve", "");
    vote(&db, CX, &item, "request_changes", "Add a live check-in");
    let fourth = vote(&db, FINANCE, &item, "approve", "Budget is sound");
    assert!(
        fourth.contains("needs 4 votes of 6 eligible members"),
        "{fourth}"
    );
    let decided = vote(&db, SALES, &item, "approve", "");
    assert!(decided.contains("Decided: approve"), "{decided}");
    assert!(decided.contains("Decision "), "{decided}");

    let view = json(&db, &["review", "show", &pid, "--item", &item, "--json"]);
    assert_eq!(view["design"]["pilot"]["status"], "approved");
    assert_eq!(view["decision"]["outcomeLabel"], "Approved");
    let dissent = view["votes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["choice"] == "request_changes")
        .unwrap();
    assert_eq!(dissent["name"], "Priya Raman");
    assert_eq!(dissent["comment"], "Add a live check-in");

    let late = refused(
        &db,
        &["--as", COO, "review", "vote", &item, "--choice", "approve"],
    );
    assert!(
        late.contains("a vote after the decision is refused"),
        "{late}"
    );

    // The decision is in the log, under the member whose vote took it.
    let log = json(&db, &["audit", "log", "--json"]);
    let decision = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "decision" && e["pilotId"].as_i64() == pid.parse().ok())
        .unwrap();
    assert_eq!(decision["actor"], "Marcus Oyelaran");
    assert_eq!(decision["actorId"], SALES);
    let decisions = json(&db, &["review", "decisions", "--pilot", &pid, "--json"]);
    assert_eq!(decisions[0]["kind"], "approval");

    // A plain transition to a decided status is refused, saying to vote.
    let by_hand = refused(
        &db,
        &[
            "pilot",
            "transition",
            &pid,
            "--to",
            "stopped",
            "--reason",
            "x",
        ],
    );
    assert!(
        by_hand.contains("cannot go from Approved to Stopped"),
        "{by_hand}"
    );
    ok(
        &db,
        &[
            "pilot",
            "transition",
            &pid,
            "--to",
            "running",
            "--reason",
            "Launched",
        ],
    );
    let gate = refused(
        &db,
        &[
            "pilot",
            "transition",
            &pid,
            "--to",
            "stopped",
            "--reason",
            "x",
        ],
    );
    assert!(
        gate.contains("only by a steering-group decision") && gate.contains("review vote"),
        "{gate}"
    );
}

#[test]
fn a_locked_criterion_is_refused_and_changed_only_by_a_vote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (pid, kpi) = ready_pilot(&db);
    ok(&db, &["pilot", "submit", &pid]);
    let item = approval_item(&db, &pid);
    let analyst = analyst(&db);
    for who in [HR, analyst.as_str(), FINANCE, SALES] {
        vote(&db, who, &item, "approve", "");
    }
    let kpi_id = kpi["id"].to_string();
    let args = |target: &'static str| {
        vec![
            "--kpi-id".to_string(),
            kpi_id.clone(),
            "--name".into(),
            kpi["name"].as_str().unwrap().into(),
            "--unit".into(),
            kpi["unit"].as_str().unwrap().into(),
            "--direction".into(),
            kpi["direction"].as_str().unwrap().into(),
            "--baseline-start".into(),
            "2098-07-01".into(),
            "--baseline-end".into(),
            "2098-12-31".into(),
            "--baseline".into(),
            "40".into(),
            "--target-lift".into(),
            target.into(),
        ]
    };
    let mut set: Vec<String> = vec!["pilot".into(), "kpi-set".into(), pid.clone()];
    set.extend(args("3"));
    let set: Vec<&str> = set.iter().map(String::as_str).collect();
    let locked = refused(&db, &set);
    assert!(
        locked.contains(
            "were locked when it was approved; changing them needs a new steering-group decision"
        ),
        "{locked}"
    );
    assert!(
        locked.contains("pilotdesk review propose-change"),
        "{locked}"
    );

    let mut propose: Vec<String> = vec!["review".into(), "propose-change".into(), pid.clone()];
    propose.extend(args("8"));
    propose.extend(["--reason".to_string(), "Longer sales cycles".to_string()]);
    let propose: Vec<&str> = propose.iter().map(String::as_str).collect();
    let put = ok(&db, &propose);
    let change_item = put
        .trim()
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    for who in [HR, analyst.as_str(), FINANCE] {
        vote(&db, who, &change_item, "approve", "");
    }
    let rejected = vote(
        &db,
        SALES,
        &change_item,
        "reject",
        "Keep the bar where it was",
    );
    assert!(rejected.contains("needs 4 votes"), "{rejected}");
    vote(&db, CX, &change_item, "approve", "");
    let after = json(&db, &["pilot", "show", &pid, "--json"]);
    assert_eq!(after["kpis"][0]["criterion"]["targetLift"], 8.0);
    assert_eq!(pilotdesk(&db, &["audit", "verify"]).status.code(), Some(0));
}

#[test]
fn releasing_a_tranche_whose_condition_is_unmet_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (pid, kpi) = ready_pilot(&db);
    let kpi_id = kpi["id"].to_string();
    ok(
        &db,
        &[
            "tranche",
            "add",
            &pid,
            "--label",
            "Launch tranche",
            "--amount",
            "12000",
        ],
    );
    ok(
        &db,
        &[
            "tranche",
            "add",
            &pid,
            "--label",
            "Outcome tranche",
            "--amount",
            "8000",
            "--kpi",
            &kpi_id,
        ],
    );
    let over = refused(
        &db,
        &["tranche", "add", &pid, "--label", "More", "--amount", "1"],
    );
    assert!(
        over.contains("more than the pilot's committed budget"),
        "{over}"
    );
    let ledger = json(&db, &["tranche", "list", &pid, "--json"]);
    let outcome = ledger["tranches"][1]["tranche"]["id"].to_string();
    let launch = ledger["tranches"][0]["tranche"]["id"].to_string();

    let unapproved = refused(&db, &["--as", FINANCE, "tranche", "release", &launch]);
    assert!(
        unapproved.contains("has not approved the pilot"),
        "{unapproved}"
    );
    let unmet = refused(&db, &["--as", FINANCE, "tranche", "release", &outcome]);
    assert!(
        unmet.contains(
            "the tranche \"Outcome tranche\" cannot be released: its condition is not met"
        ),
        "{unmet}"
    );
    assert!(unmet.contains("\"Days to first closed deal\""), "{unmet}");
    assert!(
        unmet.contains("criterion: Scale if days to first closed deal falls by at least 10 days"),
        "{unmet}"
    );
    let unreleased = refused(
        &db,
        &[
            "tranche",
            "spend",
            &launch,
            "--amount",
            "10",
            "--on",
            "2099-01-20",
            "--description",
            "x",
        ],
    );
    assert!(unreleased.contains("has not been released"), "{unreleased}");
    let lift = refused(&db, &["lift", &kpi_id]);
    assert!(lift.contains("cannot be measured yet"), "{lift}");
}

#[test]
fn audit_verify_names_the_row_changed_with_sqlite3_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (pid, _) = ready_pilot(&db);
    ok(&db, &["pilot", "submit", &pid]);
    let item = approval_item(&db, &pid);
    vote(&db, HR, &item, "approve", "");
    vote(&db, FINANCE, &item, "approve", "");

    let log = json(&db, &["audit", "log", "--json"]);
    let entries = log["entries"].as_array().unwrap().len();
    let verified = pilotdesk(&db, &["audit", "verify"]);
    assert_eq!(verified.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&verified.stdout)
        .contains(&format!("The decision log verifies: {entries} entries")));

    let target = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["actorId"] == FINANCE)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // The app's trigger refuses the edit; someone with the file drops it first.
    let sql = format!(
        "DROP TRIGGER decision_log_is_append_only_update;
         UPDATE decision_log SET summary = 'Tomasz Nowak (Finance) voted reject' WHERE id = {target};"
    );
    let edited = Command::new("sqlite3")
        .arg(&db)
        .arg(&sql)
        .output()
        .expect("sqlite3 runs (scripts/setup installs it)");
    assert!(
        edited.status.success(),
        "{}",
        String::from_utf8_lossy(&edited.stderr)
    );

    let broken = pilotdesk(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(3), "verification failed");
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains(&format!("entry {target} is broken")),
        "the entry is named: {stderr}"
    );
    assert!(stderr.contains("summary column"), "{stderr}");
    let verdict = serde_json::from_slice::<serde_json::Value>(
        &pilotdesk(&db, &["audit", "verify", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(verdict["verified"], false);
    assert_eq!(verdict["firstBroken"]["id"], target);
}

#[test]
fn the_current_user_is_chosen_shown_and_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["demo"]);
    assert!(ok(&db, &["user", "show"]).contains("No one is chosen yet"));
    ok(&db, &["user", "set", HR]);
    let shown = ok(&db, &["user", "show"]);
    assert!(
        shown.contains("Acting as Helen Castillo (E1004, Head of People"),
        "{shown}"
    );
    assert!(shown.contains("steering group: HR"), "{shown}");
    let as_other = ok(&db, &["--as", FINANCE, "user", "show"]);
    assert!(as_other.contains("Tomasz Nowak"), "{as_other}");
    assert!(
        ok(&db, &["user", "show"]).contains("Helen Castillo"),
        "--as is for one command"
    );
    let added = ok(
        &db,
        &[
            "user",
            "add",
            "--name",
            "Rosa Lindgren",
            "--email",
            "rosa@example.org",
            "--team",
            "People & Analytics",
            "--role",
            "Programme Manager",
            "--act",
        ],
    );
    assert!(added.contains("Acting as Rosa Lindgren"), "{added}");
    let bad = refused(
        &db,
        &[
            "user", "add", "--name", "X", "--email", "nope", "--team", "T", "--role", "R",
        ],
    );
    assert!(
        bad.contains("email: \"nope\" is not an email address"),
        "{bad}"
    );
}

fn sqlite(db: &Path, sql: &str) -> std::process::Output {
    Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("sqlite3 runs (scripts/setup installs it)")
}

/// A pilot approved by the demo's members, with a reject vote (a dissent) among them.
fn decided_with_a_dissent(db: &Path) -> String {
    let (pid, _) = ready_pilot(db);
    ok(db, &["pilot", "submit", &pid]);
    let item = approval_item(db, &pid);
    vote(db, CX, &item, "reject", "Too early for the sellers");
    for who in [HR, FINANCE, SALES, COO] {
        vote(db, who, &item, "approve", "");
    }
    vote(db, &analyst(db), &item, "approve", "");
    let verified = pilotdesk(db, &["audit", "verify"]);
    assert_eq!(verified.status.code(), Some(0));
    item
}

#[test]
fn votes_recusals_and_decisions_cannot_be_deleted_and_a_deletion_behind_the_triggers_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    decided_with_a_dissent(&db);
    for table in ["votes", "recusals", "decisions"] {
        let refused = sqlite(&db, &format!("DELETE FROM {table};"));
        assert!(!refused.status.success(), "DELETE FROM {table} is refused");
        assert!(String::from_utf8_lossy(&refused.stderr).contains("append-only"));
    }
    // Someone with the file drops the guards first and deletes every vote and decision.
    let deleted = sqlite(
        &db,
        "DROP TRIGGER votes_are_append_only_delete; DROP TRIGGER decisions_are_append_only_delete;
         DROP TRIGGER recusals_are_append_only_delete;
         DELETE FROM votes; DELETE FROM recusals; DELETE FROM decisions;",
    );
    assert!(
        deleted.status.success(),
        "{}",
        String::from_utf8_lossy(&deleted.stderr)
    );
    let broken = pilotdesk(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains("refers to it (the") && stderr.contains("was deleted)"),
        "{stderr}"
    );
}

#[test]
fn a_reject_vote_replaced_by_an_approve_under_the_same_log_id_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let item = decided_with_a_dissent(&db);
    let replaced = sqlite(
        &db,
        &format!(
            "DROP TRIGGER votes_are_append_only_delete;
             INSERT INTO votes (item_id, person_id, function, choice, comment, at, log_id)
               SELECT item_id, person_id, function, 'approve', comment, at, log_id FROM votes
               WHERE item_id = {item} AND choice = 'reject';
             DELETE FROM votes WHERE item_id = {item} AND choice = 'reject';"
        ),
    );
    assert!(
        replaced.status.success(),
        "{}",
        String::from_utf8_lossy(&replaced.stderr)
    );
    let broken = pilotdesk(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains("has choice \"approve\" but the entry recorded \"reject\""),
        "{stderr}"
    );
}

#[test]
fn a_hash_changed_to_other_characters_fails_verification_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    decided_with_a_dissent(&db);
    // An odd byte first, so the twelfth byte falls inside a two-byte character.
    let changed = sqlite(
        &db,
        "DROP TRIGGER decision_log_is_append_only_update;
         UPDATE decision_log SET prev_hash = 'aééééééééééééééééééééééééééééééé' WHERE id = 3;",
    );
    assert!(
        changed.status.success(),
        "{}",
        String::from_utf8_lossy(&changed.stderr)
    );
    let broken = pilotdesk(&db, &["audit", "verify"]);
    assert_eq!(
        broken.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&broken.stderr)
    );
    assert!(String::from_utf8_lossy(&broken.stderr).contains("entry 3 is broken"));
    let log = pilotdesk(&db, &["audit", "log"]);
    assert!(log.status.success(), "the log still prints");
}
