//! The home: each part the current user plays, their own first, and what it asks of them.

mod support;

use pilotdesk_core::model::{HomeRole, ItemKind, VoteInput};
use pilotdesk_core::workflows::{home::home, lifecycle, review};
use support::{act_as_role, date, demo_store, designed_pilot, open_item};

#[test]
fn a_member_sees_the_vote_they_owe_until_they_cast_it_then_their_vote() {
    let mut store = demo_store();
    let today = date("2026-11-23");
    let id = designed_pilot(&mut store);
    lifecycle::submit(&mut store, id, "", today).unwrap();
    let item = open_item(&store, id, ItemKind::Approval);

    act_as_role(&store, "Finance Director");
    let before = home(&store, today).unwrap();
    assert_eq!(before.roles, vec![HomeRole::Member, HomeRole::Lead]);
    assert_eq!(before.first_name, "Tomasz");
    let owed = before.inbox.iter().find(|e| e.item_id == item).unwrap();
    assert!(owed.owes_vote, "voting is open and he has not voted");
    assert_eq!(before.inbox[0].item_id, item, "what is owed comes first");

    review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "approve".into(),
            comment: String::new(),
        },
        today,
    )
    .unwrap();
    let after = home(&store, today).unwrap();
    let voted = after.inbox.iter().find(|e| e.item_id == item).unwrap();
    assert!(!voted.owes_vote);
    assert_eq!(voted.my_vote.map(|c| c.as_str()), Some("approve"));
    assert_eq!(voted.progress, "1 of 6 eligible members have voted");
}

#[test]
fn a_sponsor_sees_their_pilots_first_with_the_verdict_and_its_pack() {
    // The whole demo: its finished pilot has a day-90 verdict and an outcome pack.
    let today = date("2026-11-23");
    // On disk, so the outcome pack is printed beside the workspace and recorded.
    let (_dir, path) = support::temp_db();
    let mut store = pilotdesk_core::Store::open(&path).unwrap();
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, today).unwrap();
    act_as_role(&store, "VP Sales");
    let page = home(&store, today).unwrap();
    assert_eq!(
        page.roles,
        vec![HomeRole::Sponsor, HomeRole::Member, HomeRole::Lead]
    );
    let decided = page
        .sponsored
        .iter()
        .find(|s| s.verdict.is_some())
        .expect("the finished pilot's verdict");
    assert_eq!(decided.verdict.as_deref(), Some("Scale"));
    assert!(!decided.packs.is_empty(), "its outcome pack is waiting");

    // Someone who is neither a member nor a sponsor sees every pilot, and nothing else.
    act_as_role(&store, "Account Executive");
    let lead = home(&store, today).unwrap();
    assert_eq!(lead.roles, vec![HomeRole::Lead]);
    assert!(lead.inbox.is_empty() && lead.sponsored.is_empty());
    assert_eq!(lead.overview.pilots.len(), 3);
}
