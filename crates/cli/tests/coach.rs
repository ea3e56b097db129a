//! Coaching networks from the command line, on the demo: its three coaches, a new
//! nomination taken to the associate level step by step, refusals that name what is
//! missing, matching across teams and the calendar export.

mod support;

use support::{json, ok, refused, workspace};

/// The demo's Sales East team leads (the first is its certified coach), their manager, a
/// support specialist and the running pilot's team lead working toward certification.
const CERTIFIED: &str = "E1007";
const NOMINEE: &str = "E1008";
const MANAGER: &str = "E1006";
const COACHEE: &str = "E1045";
const LEARNING: &str = "E1040";

#[test]
fn a_coach_is_nominated_trained_observed_rated_and_certified() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let list = json(&db, &["coach", "list", "--json"]);
    let statuses: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["coach"]["personId"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(statuses.len(), 3, "{statuses:?}");
    assert!(statuses.contains(&(CERTIFIED, "certified")));
    assert!(statuses.contains(&(LEARNING, "in_progress")));
    assert!(statuses.iter().any(|(_, s)| *s == "nominated"));

    let said = ok(&db, &["coach", "nominate", NOMINEE, "--by", MANAGER]);
    assert!(said.starts_with("Nominated Sofia Sato (E1008)"), "{said}");
    let twice = refused(&db, &["coach", "nominate", NOMINEE]);
    assert!(
        twice.contains("personId: Sofia Sato was nominated on"),
        "{twice}"
    );

    let early = refused(&db, &["coach", "certify", NOMINEE, "--level", "associate"]);
    assert!(
        early.contains("cannot be certified as associate coach yet"),
        "{early}"
    );
    assert!(
        early.contains("- training: Coach training completed: No coach training recorded yet"),
        "{early}"
    );
    assert!(
        !early.contains("- hours:"),
        "her hours are already logged: {early}"
    );

    ok(&db, &["coach", "train", NOMINEE]);
    let missing = refused(
        &db,
        &[
            "coach",
            "observe",
            NOMINEE,
            "--assessor",
            CERTIFIED,
            "--score",
            "agreement=3",
            "--score",
            "questions=3",
            "--score",
            "listening=4",
            "--score",
            "feedback=x",
        ],
    );
    assert!(missing.contains("scores.feedback"), "{missing}");
    let not_assessor = refused(
        &db,
        &[
            "coach",
            "observe",
            NOMINEE,
            "--assessor",
            COACHEE,
            "--score",
            "agreement=3",
            "--score",
            "questions=3",
            "--score",
            "listening=4",
            "--score",
            "feedback=3",
            "--score",
            "commitment=3",
        ],
    );
    assert!(
        not_assessor.contains("is not a certified assessor"),
        "{not_assessor}"
    );
    let observed = ok(
        &db,
        &[
            "coach",
            "observe",
            NOMINEE,
            "--assessor",
            CERTIFIED,
            "--score",
            "agreement=3",
            "--score",
            "questions=3",
            "--score",
            "listening=4",
            "--score",
            "feedback=3",
            "--score",
            "commitment=3",
        ],
    );
    assert!(observed.contains("mean score 3.2 of 4"), "{observed}");
    for rating in ["5", "4", "4"] {
        ok(&db, &["coach", "feedback", NOMINEE, "--rating", rating]);
    }
    assert!(refused(&db, &["coach", "feedback", NOMINEE, "--rating", "9"]).contains("rating"));

    let progress = ok(&db, &["coach", "progress", NOMINEE]);
    assert!(
        progress.contains("Associate coach: ready to certify"),
        "{progress}"
    );
    let made = json(
        &db,
        &[
            "coach",
            "certify",
            NOMINEE,
            "--level",
            "associate",
            "--json",
        ],
    );
    assert_eq!(made["level"], "associate");
    assert_eq!(made["evidence"].as_array().unwrap().len(), 6);
    let again = refused(&db, &["coach", "certify", NOMINEE, "--level", "associate"]);
    assert!(again.contains("recertification opens on"), "{again}");

    // A support specialist gets coaches from other teams only; the running pilot's own
    // team lead is named as left out.
    let report = json(&db, &["match", COACHEE, "--json"]);
    let suggested: Vec<&str> = report["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["coachId"].as_str().unwrap())
        .collect();
    assert!(suggested.contains(&CERTIFIED), "{report}");
    let left = report["leftOut"].as_array().unwrap();
    assert!(left
        .iter()
        .any(|l| l["coachId"] == LEARNING && l["reason"].as_str().unwrap().contains("own team")));
    let text = ok(&db, &["match", COACHEE]);
    assert!(text.contains("1. "), "{text}");

    let standard = json(&db, &["coach", "standard", "--json"]);
    assert_eq!(standard["version"], 1);

    let ics = dir.path().join("coaching.ics");
    let exported = json(
        &db,
        &[
            "calendar",
            "export",
            "--out",
            ics.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(!exported["pairs"].as_array().unwrap().is_empty());
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE"));
}
