use std::path::PathBuf;

use clap::Subcommand;
use pilotdesk_core::model::PaperSize;
use pilotdesk_core::packs::short_hash;
use pilotdesk_core::workflows::packs;
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum PackCommand {
    /// The pilot proposal the steering group reads before approving.
    Proposal {
        /// The pilot's id (see `pilot list`).
        id: i64,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// a4 or letter; the workspace setting when left out.
        #[arg(long, value_parser = parse_paper)]
        paper: Option<PaperSize>,
    },
    /// The monthly pack of a running pilot: status, what changed, the asks, the evidence.
    Monthly {
        id: i64,
        /// YYYY-MM; this month when left out.
        #[arg(long)]
        month: Option<String>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_parser = parse_paper)]
        paper: Option<PaperSize>,
    },
    /// The day-45 review pack or the day-90 outcome pack.
    Outcome {
        id: i64,
        /// 45 or 90.
        #[arg(long)]
        day: u32,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Also write the same content as one self-contained HTML page.
        #[arg(long, value_name = "FILE.html")]
        html: Option<PathBuf>,
        #[arg(long, value_parser = parse_paper)]
        paper: Option<PaperSize>,
    },
    /// One person's portfolio: work samples with their SHA-256, annotations, feedback and
    /// portfolio reviews. For the person and their manager only.
    Portfolio {
        /// The person's id (see `people list`).
        person: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_parser = parse_paper)]
        paper: Option<PaperSize>,
    },
    /// The one-page record of a steering-group decision (see `review decisions`).
    Decision {
        /// The decision's id.
        id: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_parser = parse_paper)]
        paper: Option<PaperSize>,
    },
}

fn parse_paper(text: &str) -> std::result::Result<PaperSize, String> {
    PaperSize::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a paper size; use a4 or letter"))
}

pub fn run(command: PackCommand, store: &mut Store, context: &Context) -> Result<()> {
    let (record, out) = match command {
        PackCommand::Proposal { id, out, paper } => (
            packs::save_proposal(store, id, &out, paper, context.today)?,
            out,
        ),
        PackCommand::Monthly {
            id,
            month,
            out,
            paper,
        } => (
            packs::save_monthly(store, id, month.as_deref(), &out, paper, context.today)?,
            out,
        ),
        PackCommand::Outcome {
            id,
            day,
            out,
            html,
            paper,
        } => {
            if let Some(path) = &html {
                let page = packs::outcome_html(store, id, day, context.today)?;
                std::fs::write(path, page).map_err(|e| pilotdesk_core::Error::io(path, e))?;
            }
            (
                packs::save_outcome(store, id, day, &out, paper, context.today)?,
                out,
            )
        }
        PackCommand::Portfolio { person, out, paper } => (
            pilotdesk_core::workflows::portfolio::pack::save(
                store,
                &person,
                &out,
                paper,
                context.today,
            )?,
            out,
        ),
        PackCommand::Decision { id, out, paper } => (
            packs::save_decision(store, id, &out, paper, context.today)?,
            out,
        ),
    };
    outln!(
        "Wrote {} ({} pages, content hash {}).",
        out.display(),
        record.pages,
        short_hash(&record.content_hash)
    );
    Ok(())
}

pub fn list(store: &Store, json: bool) -> Result<()> {
    let records = packs::list_packs(store)?;
    if json {
        output::json(&records);
    } else {
        let rows: Vec<Vec<String>> = records
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.title.clone(),
                    r.subject.clone(),
                    output::date_text(&r.produced_at),
                    short_hash(&r.content_hash).to_string(),
                    r.path.clone().unwrap_or_default(),
                ]
            })
            .collect();
        output::table(&["ID", "PACK", "PILOT", "PRODUCED", "HASH", "FILE"], &rows);
    }
    Ok(())
}
