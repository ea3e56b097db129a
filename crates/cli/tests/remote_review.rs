//! The steering group on its own machines, through the binary: three workspaces in separate
//! files (the lead and two members, each with their own identity), a signed bundle sent,
//! ballots cast on the members' machines and received by the lead until the decision is
//! taken, every bad ballot refused with its reason and the quorum left as it was, and
//! `audit verify` checking every ballot's signature.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pilotdesk_core::identity::{envelope, Identity};
use support::{json, ok, ready_pilot};

const HR: &str = "E1004";
const ANALYTICS: &str = "E1077";
const FINANCE: &str = "E1005";
const SALES: &str = "E1002";

/// One person's machine: a workspace and an identity file of their own.
struct Machine {
    db: PathBuf,
    identity: PathBuf,
}

impl Machine {
    fn new(dir: &Path, name: &str) -> Machine {
        Machine {
            db: dir.join(format!("{name}.sqlite3")),
            identity: dir.join(format!("{name}-identity.json")),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pilotdesk"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("PILOTDESK_DB")
            .env("PILOTDESK_IDENTITY", &self.identity)
            .output()
            .expect("the pilotdesk binary runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("JSON output")
    }

    fn refused(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?} is refused");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A member's machine with its key registered on the lead's roster.
fn member(dir: &Path, lead: &Machine, name: &str, person: &str) -> Machine {
    let machine = Machine::new(dir, name);
    let public = dir.join(format!("{name}.pub.json"));
    machine.ok(&["identity", "export", "--out", path_str(&public)]);
    let fingerprint = machine.json(&["identity", "show", "--json"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    // A fingerprint misheard over the phone registers nothing.
    let misheard = lead.refused(&[
        "steering",
        "add-key",
        person,
        "--file",
        path_str(&public),
        "--fingerprint",
        "0000-0000-0000-0000-0000",
    ]);
    assert!(
        misheard.contains("is not the fingerprint of the key"),
        "{misheard}"
    );
    let added = lead.ok(&[
        "steering",
        "add-key",
        person,
        "--file",
        path_str(&public),
        "--fingerprint",
        &fingerprint.to_lowercase(),
    ]);
    assert!(added.contains(&fingerprint), "{added}");
    machine
}

/// Where the item stands on the lead's machine: the votes that count and the outcome.
fn standing(lead: &Machine, pid: &str, item: &str) -> (usize, serde_json::Value) {
    let view = lead.json(&["review", "show", pid, "--item", item, "--json"]);
    let counted = view["votes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["superseded"] == false && v["recused"] == false)
        .count();
    (counted, view["item"]["state"].clone())
}

fn receive(lead: &Machine, ballot: &Path) -> serde_json::Value {
    lead.json(&["review", "receive", path_str(ballot), "--json"])[0].clone()
}

fn vote_file(machine: &Machine, bundle: &Path, choice: &str, comment: &str, out: &Path) {
    machine.ok(&[
        "review",
        "vote-file",
        path_str(bundle),
        "--choice",
        choice,
        "--comment",
        comment,
        "--out",
        path_str(out),
    ]);
}

/// A lead's machine with a pilot submitted: the machine, the pilot and its approval item.
fn submitted(dir: &Path, name: &str) -> (Machine, String, String) {
    let lead = Machine::new(dir, name);
    let (pid, _) = ready_pilot(&lead.db);
    lead.ok(&["pilot", "submit", &pid]);
    let item = json(&lead.db, &["review", "show", &pid, "--json"])["item"]["id"].to_string();
    (lead, pid, item)
}

#[test]
fn members_vote_from_their_own_workspaces_and_the_lead_counts_the_ballots() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (lead, pid, item) = submitted(d, "lead");

    let tomasz = member(d, &lead, "tomasz", FINANCE);
    let marcus = member(d, &lead, "marcus", SALES);
    let roster = json(&lead.db, &["steering", "list", "--json"]);
    let with_keys = roster["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["keyFingerprint"].is_string())
        .count();
    assert_eq!(with_keys, 2);

    // Two members vote in the meeting, on the lead's machine.
    for who in [HR, ANALYTICS] {
        ok(
            &lead.db,
            &["--as", who, "review", "vote", &item, "--choice", "approve"],
        );
    }
    let bundle_v1 = d.join("approval-v1.pdreview");
    let sent = lead.ok(&["review", "send", &item, "--out", path_str(&bundle_v1)]);
    assert!(sent.contains("version 1"), "{sent}");
    assert!(
        sent.contains("Tomasz Nowak") && sent.contains("Marcus Oyelaran"),
        "{sent}"
    );

    // Each member opens the bundle in their own, otherwise empty, workspace.
    let opened = tomasz.json(&["review", "open", path_str(&bundle_v1), "--json"]);
    assert_eq!(opened["me"]["personId"], FINANCE);
    assert_eq!(opened["itemKind"], "approval");
    assert_eq!(opened["review"]["design"]["pilot"]["id"].to_string(), pid);
    let pack = d.join("proposal-from-bundle.pdf");
    tomasz.ok(&[
        "review",
        "open",
        path_str(&bundle_v1),
        "--pack",
        path_str(&pack),
    ]);
    assert!(std::fs::read(&pack).unwrap().starts_with(b"%PDF"));

    let tomasz_ballot = d.join("tomasz.ballot");
    vote_file(
        &tomasz,
        &bundle_v1,
        "approve",
        "Costs are within the envelope",
        &tomasz_ballot,
    );
    // The member's own workspace keeps their vote, so it reads back.
    let reread = tomasz.json(&["review", "open", path_str(&bundle_v1), "--json"]);
    assert_eq!(reread["cast"][0]["choice"], "approve");
    let marcus_v1 = d.join("marcus-v1.ballot");
    vote_file(&marcus, &bundle_v1, "approve", "", &marcus_v1);

    let before = standing(&lead, &pid, &item);
    assert_eq!(before.0, 2);

    // One changed byte: refused, and the quorum is as it was.
    let text = std::fs::read_to_string(&tomasz_ballot).unwrap();
    let tampered = d.join("tampered.ballot");
    std::fs::write(&tampered, text.replacen("envelope", "envelopf", 1)).unwrap();
    let refused = receive(&lead, &tampered);
    assert_eq!(refused["status"], "refused");
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("signature does not match"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), before);

    // Signed by a key not on the roster: someone who copied Tomasz's ballot and signed it
    // with their own key.
    let outsider = Identity::generate("Mallory");
    let opened = envelope::open(envelope::BALLOT_KIND, "ballot", &text).unwrap();
    let forged = d.join("forged.ballot");
    std::fs::write(
        &forged,
        envelope::seal(envelope::BALLOT_KIND, opened.body.clone(), &outsider),
    )
    .unwrap();
    let refused = receive(&lead, &forged);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("not on the steering group's roster"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), before);

    // The real ballot counts; the same ballot again does not.
    let counted = receive(&lead, &tomasz_ballot);
    assert_eq!(counted["status"], "counted", "{counted}");
    assert_eq!(counted["memberName"], "Tomasz Nowak");
    let after_tomasz = standing(&lead, &pid, &item);
    assert_eq!(after_tomasz.0, 3);
    let replay = receive(&lead, &tomasz_ballot);
    assert!(
        replay["reason"]
            .as_str()
            .unwrap()
            .contains("already received"),
        "{replay}"
    );
    assert_eq!(standing(&lead, &pid, &item), after_tomasz);

    // The lead sends the bundle again; Marcus's ballot on the first version is refused.
    let bundle_v2 = d.join("approval-v2.pdreview");
    lead.ok(&["review", "send", &item, "--out", path_str(&bundle_v2)]);
    let stale = receive(&lead, &marcus_v1);
    assert!(
        stale["reason"]
            .as_str()
            .unwrap()
            .contains("answers version 1 of the bundle, but version 2"),
        "{stale}"
    );
    assert_eq!(standing(&lead, &pid, &item), after_tomasz);

    // Marcus votes on the latest version, which completes the quorum.
    let marcus_v2 = d.join("marcus-v2.ballot");
    vote_file(
        &marcus,
        &bundle_v2,
        "approve",
        "Ready for the sellers",
        &marcus_v2,
    );
    let deciding = receive(&lead, &marcus_v2);
    assert_eq!(deciding["status"], "counted", "{deciding}");
    assert!(deciding["decisionId"].is_number(), "{deciding}");
    let decided = standing(&lead, &pid, &item);
    assert_eq!(decided, (4, serde_json::json!("decided")));
    let pilot = json(&lead.db, &["pilot", "show", &pid, "--json"]);
    assert_eq!(pilot["pilot"]["status"], "approved");

    // A ballot after the decision is refused.
    let late = d.join("tomasz-late.ballot");
    vote_file(
        &tomasz,
        &bundle_v2,
        "request_changes",
        "Second thoughts",
        &late,
    );
    let refused = receive(&lead, &late);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("already decided"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), decided);

    // Every ballot is on record, counted or refused.
    let ballots = lead.json(&["review", "ballots", "--json"]);
    let statuses: Vec<&str> = ballots
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "counted").count(), 2);
    assert_eq!(statuses.iter().filter(|s| **s == "refused").count(), 5);

    // The log verifies, signatures included, and the decision record names the keys.
    let verified = lead.ok(&["audit", "verify"]);
    assert!(verified.contains("The decision log verifies"), "{verified}");
    let decision = json(
        &lead.db,
        &["review", "decisions", "--pilot", &pid, "--json"],
    )
    .as_array()
    .unwrap()
    .last()
    .unwrap()["id"]
        .to_string();
    let record = d.join("decision.pdf");
    lead.ok(&["pack", "decision", &decision, "--out", path_str(&record)]);
    let fingerprint = tomasz.json(&["identity", "show", "--json"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    // pdftotext comes with poppler-utils, which scripts/setup installs.
    let text = Command::new("pdftotext")
        .arg(&record)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!("Signed ballot, key\n{fingerprint}"))
            || text.contains(&format!("Signed ballot, key {fingerprint}")),
        "the record lists Tomasz's key unbroken: {text}"
    );
    assert!(
        text.contains("In the app"),
        "and the votes cast in the meeting"
    );
}

#[test]
fn ballots_from_a_former_member_a_replaced_key_or_another_workspace_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (lead, pid, item) = submitted(d, "lead");
    let tomasz = member(d, &lead, "tomasz", FINANCE);
    let marcus = member(d, &lead, "marcus", SALES);
    let bundle = d.join("approval.pdreview");
    lead.ok(&["review", "send", &item, "--out", path_str(&bundle)]);
    let tomasz_ballot = d.join("tomasz.ballot");
    vote_file(&tomasz, &bundle, "approve", "", &tomasz_ballot);
    let marcus_ballot = d.join("marcus.ballot");
    vote_file(
        &marcus,
        &bundle,
        "recuse",
        "I sponsor this pilot",
        &marcus_ballot,
    );
    let before = standing(&lead, &pid, &item);

    // Tomasz leaves the steering group before his ballot arrives.
    lead.ok(&["steering", "remove", FINANCE]);
    let refused = receive(&lead, &tomasz_ballot);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("is not a member of the steering group"),
        "{refused}"
    );

    // Marcus makes a new key and the lead registers it: his ballot signed with the old one
    // no longer counts.
    let renewed = Machine {
        db: marcus.db.clone(),
        identity: d.join("marcus-new-identity.json"),
    };
    let public = d.join("marcus-new.pub.json");
    renewed.ok(&["identity", "export", "--out", path_str(&public)]);
    let fingerprint = renewed.json(&["identity", "show", "--json"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    lead.ok(&[
        "steering",
        "add-key",
        SALES,
        "--file",
        path_str(&public),
        "--fingerprint",
        &fingerprint,
    ]);
    let refused = receive(&lead, &marcus_ballot);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("key that was replaced"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), before);

    // A bundle from another workspace: its ballots answer a bundle this one never sent.
    let (mut other, _, other_item) = submitted(d, "other");
    other.identity = lead.identity.clone();
    let public = d.join("marcus-new-again.pub.json");
    renewed.ok(&["identity", "export", "--out", path_str(&public)]);
    other.ok(&[
        "steering",
        "add-key",
        SALES,
        "--file",
        path_str(&public),
        "--fingerprint",
        &fingerprint,
    ]);
    let foreign_bundle = d.join("other.pdreview");
    other.ok(&[
        "review",
        "send",
        &other_item,
        "--out",
        path_str(&foreign_bundle),
    ]);
    let foreign = d.join("foreign.ballot");
    vote_file(&renewed, &foreign_bundle, "approve", "", &foreign);
    let refused = receive(&lead, &foreign);
    assert!(
        refused["reason"].as_str().unwrap().contains("never sent"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), before);

    // A file far too large to be a ballot is refused without being read.
    let huge = d.join("huge.ballot");
    std::fs::write(&huge, vec![b' '; 2 * 1024 * 1024]).unwrap();
    let refused = receive(&lead, &huge);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("a ballot is a few kilobytes"),
        "{refused}"
    );

    // A file that is not a ballot at all is refused with where it stops making sense.
    let junk = d.join("junk.ballot");
    std::fs::write(&junk, "{\n  \"format\": \"pilotdesk-ballot\",\n  oops\n}").unwrap();
    let refused = receive(&lead, &junk);
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .starts_with("line 3, column"),
        "{refused}"
    );
    assert_eq!(standing(&lead, &pid, &item), before);
    let verified = lead.ok(&["audit", "verify"]);
    assert!(verified.contains("verifies"), "{verified}");
}
