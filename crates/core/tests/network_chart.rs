//! The network map printed in a pack: the demo's network on a test page, and a large one
//! whose ties are drawn team to team, read back with poppler: vector only, titled with its
//! finding, a legend, and no one's name. Set PILOTDESK_KEEP_CHARTS=<folder> to keep the PDFs
//! and the HTML to look at.
mod support;

use std::path::Path;
use std::process::Command;

use pilotdesk_core::model::network::{
    LayoutTeam, NetworkEdge, NetworkFigures, NetworkLayout, NetworkNode, TeamNetwork,
};
use pilotdesk_core::model::PaperSize;
use pilotdesk_core::packs::document::{Block, PackDocument};
use pilotdesk_core::packs::html::to_html;
use pilotdesk_core::packs::network::{blocks, chart, MAX_DRAWN_TIES};
use pilotdesk_core::packs::render;
use pilotdesk_core::workflows::network;
use support::{date, pdf_pages, pdf_text};

fn keep(name: &str, bytes: &[u8]) {
    if let Some(folder) = std::env::var_os("PILOTDESK_KEEP_CHARTS") {
        let folder = Path::new(&folder);
        std::fs::create_dir_all(folder).unwrap();
        std::fs::write(folder.join(name), bytes).unwrap();
    }
}

fn page(blocks: Vec<Block>) -> PackDocument {
    PackDocument {
        title: "Network test page".into(),
        subject: "Coaching networks".into(),
        subject_label: Some("Workspace".into()),
        produced_on: date("2026-11-23"),
        draft: true,
        blocks,
    }
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn images(path: &Path) -> usize {
    let out = Command::new("pdfimages")
        .args(["-list", &path.to_string_lossy()])
        .output()
        .expect("pdfimages (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).lines().skip(2).count()
}

#[test]
fn the_demo_network_prints_titled_with_its_finding_and_without_names() {
    // The full demo, with its pilots' coaching: the bare organisation has none.
    let mut store = pilotdesk_core::Store::open_in_memory().unwrap();
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, date("2026-11-23")).unwrap();
    let (figures, layout) = network::for_pack(store.conn(), None)
        .unwrap()
        .expect("the demo has coaching");
    assert!(figures.ties > 0, "the demo's network has ties");
    let doc = page(blocks(&figures, &layout));
    let rendered = render(&doc, PaperSize::A4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("network.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    keep("network-demo.pdf", &rendered.bytes);
    assert_eq!(images(&path), 0, "the map is vector, not an image");
    assert_eq!(pdf_pages(&path).len(), rendered.pages);

    let text = words(&pdf_text(&path));
    let printed = chart(&figures, &layout);
    // The title states the finding: reach and the share across teams, for the quarter.
    assert!(
        printed.title.contains(&figures.quarter),
        "{}",
        printed.title
    );
    for piece in printed.title.split_whitespace().take(6) {
        assert!(
            text.contains(piece),
            "{piece:?} of the title is printed: {text}"
        );
    }
    assert!(text.contains("Tie across teams"), "the legend: {text}");
    assert!(
        text.contains("possible (density"),
        "the denominators: {text}"
    );
    // No person's name anywhere on the page, nor their id.
    let mut names = store.conn().prepare("SELECT id, name FROM people").unwrap();
    let people: Vec<(String, String)> = names
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(people.len() > 50);
    for (id, name) in &people {
        assert!(!text.contains(name.as_str()), "{name} is printed");
        assert!(!text.contains(&format!(" {id} ")), "{id} is printed");
    }
    // The same content, the same hash: the map is part of what a pack's hash covers.
    assert_eq!(
        doc.content_hash(),
        page(blocks(&figures, &layout)).content_hash()
    );

    let html = to_html(&doc);
    keep("network-demo.html", html.as_bytes());
    assert!(html.contains("<figure class=\"chart\" id=\"network\">") && html.contains("<svg"));
}

/// 3,000 people in 150 teams of 20, each tied to the next person, every tenth tie across to
/// the next team; the first team has 3 people, under the floor.
fn large() -> (NetworkFigures, NetworkLayout) {
    let mut team_of = Vec::new();
    team_of.extend([0u32; 3]);
    for team in 1..150u32 {
        team_of.extend(std::iter::repeat_n(team, 20));
    }
    let central = vec![false; team_of.len()];
    let placed = pilotdesk_core::metrics::network::layout::layout(&team_of, 150, &central);
    let nodes: Vec<NetworkNode> = team_of
        .iter()
        .enumerate()
        .map(|(i, &team)| NetworkNode {
            id: format!("P{i}"),
            label: format!("Secret Name {i}"),
            team,
            x: placed.people[i].0,
            y: placed.people[i].1,
            coach: i % 97 == 0,
            ties: 1,
        })
        .collect();
    let edges: Vec<NetworkEdge> = (0..nodes.len() as u32 - 1)
        .map(|i| NetworkEdge {
            a: i,
            b: i + 1,
            weight: 1,
            cross_team: team_of[i as usize] != team_of[i as usize + 1],
        })
        .collect();
    let teams: Vec<LayoutTeam> = placed
        .teams
        .iter()
        .enumerate()
        .map(|(t, disc)| LayoutTeam {
            name: format!("Team {t:03}"),
            people: if t == 0 { 3 } else { 20 },
            x: disc.x,
            y: disc.y,
            radius: disc.radius,
        })
        .collect();
    let figures = NetworkFigures {
        quarter: "2026-Q2".into(),
        from: date("2026-04-01"),
        to: date("2026-06-30"),
        min_group_size: 5,
        people: nodes.len() as u32,
        possible_ties: 3000 * 2999 / 2,
        ties: edges.len() as u32,
        density: Some(edges.len() as f64 / (3000.0 * 2999.0 / 2.0)),
        reached: nodes.len() as u32,
        reach: Some(1.0),
        cross_team_ties: edges.iter().filter(|e| e.cross_team).count() as u32,
        cross_team: Some(149.0 / edges.len() as f64),
        events: edges.len() as u32,
        hours: 100.0,
        excluded_events: 0,
        teams: teams
            .iter()
            .map(|t| TeamNetwork {
                team: t.name.clone(),
                people: t.people,
                hidden: t.people < 5 || t.name == "Team 001",
                reached: None,
                reach: None,
                ties_within: None,
                ties_across: None,
            })
            .collect(),
        coaches: vec![],
        impact_kpi: None,
    };
    let layout = NetworkLayout {
        width: placed.width,
        height: placed.height,
        teams,
        nodes,
        edges,
    };
    (figures, layout)
}

#[test]
fn a_large_network_draws_ties_team_to_team_and_stays_a_page() {
    let (figures, layout) = large();
    assert!(layout.edges.len() > MAX_DRAWN_TIES);
    let printed = chart(&figures, &layout);
    assert!(printed.bundled && !printed.named);
    // One line per pair of neighbouring teams, not 2,999.
    assert_eq!(printed.lines.len(), 149);
    assert!(
        printed
            .title
            .starts_with("Coaching in 2026-Q2 stayed inside teams"),
        "{}",
        printed.title
    );
    // The teams under the floor (and the one hidden beside it) are grey and unnamed.
    assert_eq!(printed.teams.iter().filter(|t| t.name.is_none()).count(), 2);
    assert!(printed
        .teams
        .iter()
        .filter(|t| t.name.is_none())
        .all(|t| t.colour.is_none()));

    let doc = page(blocks(&figures, &layout));
    let rendered = render(&doc, PaperSize::Letter).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    keep("network-large.pdf", &rendered.bytes);
    assert_eq!(rendered.pages, 1, "the map keeps to one page");
    let text = words(&pdf_text(&path));
    assert!(!text.contains("Secret Name"), "no names: {text}");
    assert!(
        text.contains("Ties between two teams")
            && text.contains("Teams not named (privacy floor of 5)"),
        "{text}"
    );
    assert!(
        rendered.bytes.len() < 1_500_000,
        "{} bytes",
        rendered.bytes.len()
    );
}

/// The monthly pack carries the network of the last quarter complete by its date, and no
/// one's name with it.
#[test]
fn the_monthly_pack_prints_the_last_complete_quarters_network() {
    let mut store = pilotdesk_core::Store::open_in_memory().unwrap();
    let today = date("2026-11-23");
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, today).unwrap();
    let running = pilotdesk_core::workflows::pilots::list_pilots(&store)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Support escalation pilot")
        .unwrap()
        .id;
    let (pack, _) = pilotdesk_core::workflows::packs::render_monthly(
        &store,
        running,
        Some("2026-10"),
        Some(PaperSize::A4),
        today,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("monthly.pdf");
    std::fs::write(&path, &pack.bytes).unwrap();
    let text = pdf_text(&path);
    assert!(text.contains("Coaching network, 2026-Q3"), "{text}");
    assert!(
        !text.contains("2026-Q4"),
        "October's pack stops at the last full quarter"
    );
    for person in pilotdesk_core::workflows::workspace::list_people(&store).unwrap() {
        assert!(!text.contains(&person.name), "{} is named", person.name);
    }
}
