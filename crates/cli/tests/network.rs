//! `pilotdesk network`: a quarter's figures with their denominators, as text and JSON, and
//! a quarter that is not one refused by its field.

mod support;

use support::{json, ok, refused, workspace};

#[test]
fn the_network_of_a_quarter_prints_its_figures_and_denominators() {
    let (_dir, db) = workspace();
    ok(&db, &["demo", "--as-of", "2026-11-23"]);
    let figures = json(&db, &["network", "--quarter", "2026-Q4", "--json"]);
    let people = figures["people"].as_u64().unwrap();
    let ties = figures["ties"].as_u64().unwrap();
    assert!(people > 50 && ties > 0, "{figures}");
    assert_eq!(
        figures["possibleTies"].as_u64().unwrap(),
        people * (people - 1) / 2
    );
    let density = figures["density"].as_f64().unwrap();
    assert!((density - ties as f64 / (people * (people - 1) / 2) as f64).abs() < 1e-12);
    let coaches = figures["coaches"].as_array().unwrap();
    assert!(!coaches.is_empty());
    // Widest reach first.
    let reach: Vec<u64> = coaches
        .iter()
        .map(|c| c["coachees"].as_u64().unwrap())
        .collect();
    assert!(reach.windows(2).all(|w| w[0] >= w[1]), "{reach:?}");

    let text = ok(&db, &["network", "--quarter", "2026-Q4", "--top", "3"]);
    assert!(
        text.contains(&format!(
            "ties of {} possible",
            fmt(people * (people - 1) / 2)
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("of {people} people with at least one tie")),
        "{text}"
    );
    assert!(text.contains("Top coaches by reach (3 of"), "{text}");
    let top = coaches[0]["name"].as_str().unwrap();
    assert!(text.contains(top), "{text}");
}

/// "3,081": the thousands separator the command prints.
fn fmt(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_quarter_that_is_not_one_is_refused() {
    let (_dir, db) = workspace();
    ok(&db, &["demo", "--as-of", "2026-11-23"]);
    let message = refused(&db, &["network", "--quarter", "2026-13"]);
    assert!(
        message.contains("quarter") && message.contains("YYYY-Qn"),
        "{message}"
    );
    let message = refused(&db, &["network", "--quarter", "2026-Q4", "--kpi", "999"]);
    assert!(message.contains("kpi"), "{message}");
}
