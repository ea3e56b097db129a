//! Coaching networks: `pilotdesk coach nominate|list|progress|train|observe|feedback|
//! certify|standard`, `pilotdesk match PERSON` and `pilotdesk calendar export`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use pilotdesk_core::metrics::coaches::progress::hours_text;
use pilotdesk_core::model::coaches::{
    CertifyInput, CoachFeedbackInput, CoachObservationInput, CoachProgress, MatchReport,
    NominateInput, RubricScoreInput, Standard, TrainingInput,
};
use pilotdesk_core::packs::dates::long_date;
use pilotdesk_core::workflows::coaches::{calendar, certify, evidence, matching, roster, standard};
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum CoachCommand {
    /// Nominate a person as an internal coach.
    Nominate {
        person: String,
        /// The nominating manager's id (the current user when left out).
        #[arg(long, value_name = "MANAGER")]
        by: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Every coach with their level, expiry and progress.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One coach's progress toward each level, criterion by criterion, with the reason.
    Progress {
        person: String,
        #[arg(long)]
        json: bool,
    },
    /// Certify a coach at a level; refused, naming each unmet criterion, until it is met.
    Certify {
        person: String,
        /// associate or certified.
        #[arg(long)]
        level: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the day the coach completed coach training.
    Train {
        person: String,
        /// YYYY-MM-DD (today when left out).
        #[arg(long, default_value = "")]
        on: String,
    },
    /// Record a coaching session observed and scored against the standard's rubric.
    Observe {
        person: String,
        /// The assessor's person id: certified at the certified level, or approved by the
        /// standard.
        #[arg(long)]
        assessor: String,
        /// A rubric item's score, 1-4, as ITEM=SCORE; one for every item of the rubric.
        #[arg(long = "score", value_name = "ITEM=SCORE", required = true)]
        scores: Vec<String>,
        #[arg(long, default_value = "")]
        on: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record a coachee's rating of their coach, 1 (poor) to 5 (excellent).
    Feedback {
        person: String,
        #[arg(long)]
        rating: u32,
        /// The coachee's person id (anonymous when left out).
        #[arg(long, value_name = "COACHEE")]
        from: Option<String>,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long, default_value = "")]
        on: String,
    },
    /// The certification standard in force; --set FILE stores a new version from JSON.
    Standard {
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Each coaching pair's cadence as recurring iCalendar events (RFC 5545), in the
    /// workspace's time zone (TZ, else /etc/timezone, else UTC).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this pilot's pairs, until the pilot ends.
        #[arg(long)]
        pilot: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct MatchArgs {
    /// The coachee's person id.
    person: String,
    #[arg(long)]
    json: bool,
}

/// "questions=3" as the rubric item and its score.
fn score(text: &str) -> Result<RubricScoreInput> {
    let Some((item, value)) = text.split_once('=') else {
        return Err(Error::invalid_field(
            "score",
            format!("write \"{text}\" as ITEM=SCORE, e.g. questions=3"),
        ));
    };
    let item = item.trim().to_string();
    let score = value.trim().parse::<u32>().map_err(|_| {
        Error::invalid_field(
            &format!("scores.{item}"),
            format!("\"{}\" is not a score; score 1 to 4", value.trim()),
        )
    })?;
    Ok(RubricScoreInput {
        item,
        score: Some(score),
    })
}

fn mark(met: bool) -> &'static str {
    if met {
        "[x]"
    } else {
        "[ ]"
    }
}

fn progress_text(progress: &CoachProgress) {
    let coach = &progress.coach;
    outln!("{} ({}, {})", coach.name, coach.person_id, coach.team);
    let status = match &progress.current {
        Some(c) => format!("{} until {}", c.level.label(), long_date(c.valid_until)),
        None => progress.status.label().to_string(),
    };
    outln!("  status     {status}");
    outln!(
        "  nominated  {} by {}",
        long_date(coach.nominated_on),
        coach.nominated_by
    );
    outln!(
        "  standard   {} (version {})",
        progress.standard.name,
        progress.standard.version
    );
    for level in &progress.levels {
        outln!();
        let verdict = match &level.blocked {
            None => "ready to certify".to_string(),
            Some(_) if level.met => "met".to_string(),
            Some(_) => "not met".to_string(),
        };
        outln!("{}: {verdict}", level.level.label());
        for c in &level.criteria {
            outln!("  {} {}: {}", mark(c.met), c.label, c.reason);
        }
        if let Some(reason) = level.blocked.as_ref().filter(|_| level.met) {
            outln!("  {reason}");
        }
    }
    if !progress.certifications.is_empty() {
        outln!();
        outln!("Certifications:");
        for c in &progress.certifications {
            outln!(
                "  {}  {} until {} (standard version {}, by {})",
                long_date(c.certified_on),
                c.level.label(),
                long_date(c.valid_until),
                c.standard_version,
                c.certified_by
            );
        }
    }
}

fn standard_text(s: &Standard) {
    outln!("{} (version {})", s.name, s.version);
    let c = &s.criteria;
    outln!(
        "  valid {} months; renewal in the last {} days; evidence from the last {} months",
        c.validity_months,
        c.renewal_days,
        c.evidence_months
    );
    if !c.approved_assessor_roles.is_empty() || !c.approved_assessors.is_empty() {
        let mut who: Vec<String> = c.approved_assessor_roles.clone();
        who.extend(c.approved_assessors.iter().cloned());
        outln!("  approved assessors: {}", who.join(", "));
    }
    for l in &c.levels {
        outln!(
            "  {}: training {}, {} hours, {} observed at a mean of {}, {} ratings at a mean of {}",
            l.level.label(),
            if l.training {
                "required"
            } else {
                "not required"
            },
            l.hours,
            l.observations,
            l.min_observation_mean,
            l.feedback_count,
            l.min_feedback_mean
        );
    }
    outln!("  rubric (1 not yet, 2 developing, 3 proficient, 4 exemplary):");
    for item in &c.rubric {
        outln!("    {:<12} {}: {}", item.key, item.label, item.description);
    }
}

pub fn coach(command: CoachCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        CoachCommand::Nominate { person, by, note } => {
            let coach = roster::nominate(
                store,
                &NominateInput {
                    person_id: person,
                    nominated_by: by.unwrap_or_default(),
                    note,
                },
                context.today,
            )?;
            outln!(
                "Nominated {} ({}) as an internal coach, by {}.",
                coach.name,
                coach.person_id,
                coach.nominated_by
            );
        }
        CoachCommand::List { json } => {
            let list = roster::list(store, context.today)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|s| {
                        vec![
                            s.coach.person_id.clone(),
                            s.coach.name.clone(),
                            s.coach.team.clone(),
                            roster::status_text(s),
                            format!(
                                "{} of {} toward {}",
                                s.criteria_met,
                                s.criteria_total,
                                s.target_level.as_str()
                            ),
                            hours_text(s.hours),
                        ]
                    })
                    .collect();
                output::table(
                    &["PERSON", "NAME", "TEAM", "STATUS", "PROGRESS", "HOURS"],
                    &rows,
                );
            }
        }
        CoachCommand::Progress { person, json } => {
            let progress = roster::progress(store, &person, context.today)?;
            if json {
                output::json(&progress);
            } else {
                progress_text(&progress);
            }
        }
        CoachCommand::Certify {
            person,
            level,
            json,
        } => {
            let made = certify::certify(
                store,
                &CertifyInput {
                    coach_id: person,
                    level,
                },
                context.today,
            )?;
            if json {
                output::json(&made);
            } else {
                outln!(
                    "Certified {} as {} until {} (certification {}, standard version {}).",
                    made.coach_id,
                    made.level.label().to_lowercase(),
                    long_date(made.valid_until),
                    made.id,
                    made.standard_version
                );
            }
        }
        CoachCommand::Train { person, on } => {
            let coach = roster::train(
                store,
                &TrainingInput {
                    coach_id: person,
                    trained_on: on,
                },
                context.today,
            )?;
            outln!(
                "{} completed coach training on {}.",
                coach.name,
                coach.trained_on.map(long_date).unwrap_or_default()
            );
        }
        CoachCommand::Observe {
            person,
            assessor,
            scores,
            on,
            note,
        } => {
            let scores = scores.iter().map(|s| score(s)).collect::<Result<_>>()?;
            let observed = evidence::observe(
                store,
                &CoachObservationInput {
                    coach_id: person,
                    assessor_id: assessor,
                    observed_on: on,
                    scores,
                    note,
                },
                context.today,
            )?;
            outln!(
                "Observation {} of {} by {} on {}: mean score {:.1} of 4.",
                observed.id,
                observed.coach_id,
                observed.assessor_name,
                long_date(observed.observed_on),
                observed.mean_score
            );
        }
        CoachCommand::Feedback {
            person,
            rating,
            from,
            comment,
            on,
        } => {
            let given = evidence::feedback(
                store,
                &CoachFeedbackInput {
                    coach_id: person,
                    coachee_id: from.unwrap_or_default(),
                    rating: Some(rating),
                    comment,
                    given_on: on,
                },
                context.today,
            )?;
            outln!(
                "Feedback {} for {}: {} of 5{}.",
                given.id,
                given.coach_id,
                given.rating,
                given
                    .coachee_name
                    .map(|n| format!(" from {n}"))
                    .unwrap_or_default()
            );
        }
        CoachCommand::Standard { set, json } => {
            let shown = match set {
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    let (name, criteria) = standard::parse(&text)?;
                    let made = standard::set(store, &name, &criteria)?;
                    if !json {
                        outln!("Stored the standard as version {}.", made.version);
                    }
                    made
                }
                None => standard::current(store)?,
            };
            if json {
                output::json(&shown);
            } else {
                standard_text(&shown);
            }
        }
    }
    Ok(())
}

fn match_text(report: &MatchReport) {
    outln!(
        "Coaches for {} ({}, {})",
        report.coachee_name,
        report.role,
        report.team
    );
    match &report.gap {
        Some(gap) => outln!(
            "Competency to build: {} ({}; the role asks {})",
            gap.competency,
            gap.level
                .map_or_else(|| "not rated yet".to_string(), |l| format!("at {l}")),
            gap.target
        ),
        None => outln!("No gap against the role's requirements."),
    }
    outln!();
    if report.suggestions.is_empty() {
        outln!("No coach to suggest.");
    }
    for s in &report.suggestions {
        outln!("{}. {} ({}, {})", s.rank, s.name, s.coach_id, s.team);
        for reason in &s.reasons {
            outln!("   - {reason}");
        }
    }
    if !report.left_out.is_empty() {
        outln!();
        outln!("Left out:");
        for l in &report.left_out {
            outln!("  {} ({}): {}", l.name, l.coach_id, l.reason);
        }
    }
}

pub fn match_coaches(args: MatchArgs, store: &Store, context: &Context) -> Result<()> {
    let report = matching::suggest(store, &args.person, context.today)?;
    if args.json {
        output::json(&report);
    } else {
        match_text(&report);
    }
    Ok(())
}

pub fn calendar(command: CalendarCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        CalendarCommand::Export { out, pilot, json } => {
            let summary = calendar::export(
                store,
                &out,
                pilot,
                calendar::workspace_zone(),
                context.today,
                chrono::Utc::now(),
            )?;
            if json {
                output::json(&summary);
                return Ok(());
            }
            outln!(
                "Wrote {} coaching pair{} to {} (times in {}).",
                summary.pairs.len(),
                if summary.pairs.len() == 1 { "" } else { "s" },
                summary.path,
                summary.time_zone
            );
            for p in &summary.pairs {
                outln!(
                    "  {} with {}: {} on {}s at {} for {} min, {} sessions from {}",
                    p.coach_name,
                    p.coachee_name,
                    if p.interval_weeks == 1 {
                        "weekly"
                    } else {
                        "fortnightly"
                    },
                    p.weekday,
                    p.time,
                    p.minutes,
                    p.count,
                    long_date(p.first)
                );
            }
            for s in &summary.skipped {
                outln!(
                    "  left out: {} with {}: {}",
                    s.coach_name,
                    s.coachee_name,
                    s.reason
                );
            }
        }
    }
    Ok(())
}
