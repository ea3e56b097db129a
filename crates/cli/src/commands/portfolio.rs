//! Asynchronous competency: `pilotdesk feedback ...`, `sample ...`, `review-portfolio`,
//! `portfolio` and `check-ins`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use pilotdesk_core::model::portfolio::{
    Anchor, AnnotationInput, FeedbackInput, ReviewInput, SampleInput, ScoreInput,
};
use pilotdesk_core::workflows::portfolio::{check_ins, feedback, reviews, samples, view};
use pilotdesk_core::workflows::skills::frameworks::find_competency;
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Leave a short note to a person about a competency.
    Add {
        person: String,
        /// The competency's code (e.g. CE.2), name or id.
        competency: String,
        note: String,
        /// manager, peer or coach.
        #[arg(long, default_value = "manager")]
        from: String,
        #[arg(long)]
        task: Option<i64>,
        #[arg(long)]
        sample: Option<i64>,
        /// The day it was given (today when left out).
        #[arg(long, default_value = "")]
        on: String,
    },
    List {
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SampleCommand {
    /// Add a file to a person's portfolio (PDF, image, text or office document).
    Add {
        person: String,
        file: PathBuf,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long)]
        competency: Option<String>,
    },
    List {
        person: String,
        #[arg(long)]
        json: bool,
    },
    /// Anchor a note about a competency to lines of a text, or a region of a page.
    Annotate {
        sample: i64,
        competency: String,
        note: String,
        /// Lines of a text sample, as FROM-TO (e.g. 3-7).
        #[arg(long, conflicts_with = "region")]
        lines: Option<String>,
        /// A region of a PDF page or an image, as PAGE:X,Y,WIDTH,HEIGHT in fractions of the
        /// page (e.g. 1:0.1,0.2,0.5,0.1).
        #[arg(long)]
        region: Option<String>,
    },
}

#[derive(Args)]
pub struct ReviewArgs {
    person: String,
    /// A score as COMPETENCY=LEVEL, optionally with a comment: CE.2=3:"Clear diagnosis".
    #[arg(
        long = "score",
        value_name = "COMPETENCY=LEVEL[:COMMENT]",
        required = true
    )]
    scores: Vec<String>,
    #[arg(long, default_value = "")]
    comment: String,
    #[arg(long, default_value = "")]
    on: String,
}

fn anchor(lines: Option<String>, region: Option<String>) -> Result<Anchor> {
    let bad = |field: &str, message: &str| Error::invalid_field(field, message.to_string());
    if let Some(lines) = lines {
        let (from, to) = lines.split_once('-').unwrap_or((&lines, &lines));
        let (Ok(from), Ok(to)) = (from.trim().parse(), to.trim().parse()) else {
            return Err(bad("lines", "write the lines as FROM-TO, e.g. 3-7"));
        };
        return Ok(Anchor::Lines { from, to });
    }
    let Some(region) = region else {
        return Err(bad(
            "anchor",
            "give --lines FROM-TO or --region PAGE:X,Y,WIDTH,HEIGHT",
        ));
    };
    let parsed = region.split_once(':').and_then(|(page, rest)| {
        let numbers: Vec<f64> = rest
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect();
        match (page.trim().parse().ok(), numbers.as_slice()) {
            (Some(page), [x, y, width, height]) => Some(Anchor::Region {
                page,
                x: *x,
                y: *y,
                width: *width,
                height: *height,
            }),
            _ => None,
        }
    });
    parsed.ok_or_else(|| {
        bad(
            "region",
            "write the region as PAGE:X,Y,WIDTH,HEIGHT, e.g. 1:0.1,0.2,0.5,0.1",
        )
    })
}

pub fn feedback(command: FeedbackCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        FeedbackCommand::Add {
            person,
            competency,
            note,
            from,
            task,
            sample,
            on,
        } => {
            let competency_id = Some(find_competency(store, &competency)?);
            let given = feedback::give(
                store,
                &FeedbackInput {
                    person_id: person,
                    competency_id,
                    author_role: from,
                    note,
                    task_id: task,
                    sample_id: sample,
                    given_on: on,
                },
                context.today,
            )?;
            outln!(
                "Feedback {} to {} on \"{}\".",
                given.id,
                given.person_id,
                given.competency
            );
        }
        FeedbackCommand::List { person, json } => {
            let list = feedback::list(store, person.as_deref())?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|f| {
                        vec![
                            output::date_text(&f.given_on),
                            f.person_id.clone(),
                            format!("{} ({})", f.author, f.author_role.as_str()),
                            f.competency.clone(),
                            f.note.clone(),
                        ]
                    })
                    .collect();
                output::table(&["DAY", "TO", "FROM", "COMPETENCY", "NOTE"], &rows);
            }
        }
    }
    Ok(())
}

pub fn sample(command: SampleCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        SampleCommand::Add {
            person,
            file,
            title,
            competency,
        } => {
            let competency_id = match competency {
                Some(c) => Some(find_competency(store, &c)?),
                None => None,
            };
            let added = samples::add(
                store,
                &SampleInput {
                    person_id: person,
                    path: file.display().to_string(),
                    title,
                    competency_id,
                },
                context.today,
            )?;
            let s = &added.sample;
            if added.already_there {
                outln!(
                    "\"{}\" is already in the portfolio as sample {}; nothing added.",
                    s.file_name,
                    s.id
                );
            } else {
                outln!(
                    "Added sample {}: \"{}\" ({}, {} bytes, sha256 {}){}.",
                    s.id,
                    s.title,
                    s.media_type,
                    s.size,
                    pilotdesk_core::hashing::short(&s.sha256, 16),
                    if added.content_shared {
                        "; the same file was already kept, so it is stored once"
                    } else {
                        ""
                    }
                );
            }
        }
        SampleCommand::List { person, json } => {
            let list = view::portfolio(store, &person, context.today)?.samples;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|s| {
                        vec![
                            s.id.to_string(),
                            s.title.clone(),
                            s.media_type.clone(),
                            output::date_text(&s.added_on),
                            s.annotations.len().to_string(),
                            pilotdesk_core::hashing::short(&s.sha256, 16).to_string(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "TITLE", "TYPE", "ADDED", "NOTES", "SHA-256"], &rows);
            }
        }
        SampleCommand::Annotate {
            sample,
            competency,
            note,
            lines,
            region,
        } => {
            let competency_id = Some(find_competency(store, &competency)?);
            let done = samples::annotate(
                store,
                &AnnotationInput {
                    sample_id: sample,
                    competency_id,
                    anchor: anchor(lines, region)?,
                    note,
                },
            )?;
            outln!(
                "Annotation {} on sample {}, {}.",
                done.id,
                done.sample_id,
                done.place
            );
        }
    }
    Ok(())
}

pub fn review(args: ReviewArgs, store: &mut Store, context: &Context) -> Result<()> {
    let mut scores = Vec::new();
    for text in &args.scores {
        let (competency, rest) = text.split_once('=').ok_or_else(|| {
            Error::invalid_field(
                "score",
                format!("\"{text}\": write it as COMPETENCY=LEVEL, e.g. CE.2=3"),
            )
        })?;
        let (level, comment) = rest.split_once(':').unwrap_or((rest, ""));
        scores.push(ScoreInput {
            competency_id: Some(find_competency(store, competency)?),
            level: level.trim().into(),
            comment: comment.trim().into(),
        });
    }
    let done = reviews::review(
        store,
        &ReviewInput {
            person_id: args.person,
            reviewed_on: args.on,
            comment: args.comment,
            scores,
        },
        context.today,
    )?;
    outln!(
        "Review {} of {}'s portfolio by {}: {} scores.",
        done.id,
        done.person_id,
        done.reviewer,
        done.scores.len()
    );
    Ok(())
}

pub fn portfolio(person: &str, json: bool, store: &Store, context: &Context) -> Result<()> {
    let p = view::portfolio(store, person, context.today)?;
    if json {
        output::json(&p);
        return Ok(());
    }
    outln!("{} ({}), {} in {}", p.name, p.person_id, p.role, p.team);
    outln!(
        "{} samples, {} feedback notes, {} reviews",
        p.samples.len(),
        p.feedback.len(),
        p.reviews.len()
    );
    if let Some(a) = &p.agreement {
        outln!(
            "Reviewers {} and {} agree: weighted kappa {} over {} competencies",
            a.first_reviewer,
            a.second_reviewer,
            a.kappa.map_or("not known".into(), |k| format!("{k:.2}")),
            a.pairs
        );
        for f in &a.flagged {
            outln!("  talk through: {f}");
        }
    }
    if let Some(flag) = &p.missing_check_in {
        outln!(
            "No live check-in for {} weeks despite {} async items.",
            flag.weeks,
            flag.async_items
        );
    }
    Ok(())
}

pub fn check_ins(
    manager: Option<String>,
    json: bool,
    store: &Store,
    context: &Context,
) -> Result<()> {
    let list = check_ins::flags(store, manager.as_deref(), context.today)?;
    if json {
        output::json(&list);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|f| {
            vec![
                f.person_id.clone(),
                f.name.clone(),
                f.async_items.to_string(),
                f.last_live_check_in
                    .clone()
                    .unwrap_or_else(|| "never".into()),
            ]
        })
        .collect();
    output::table(&["ID", "NAME", "ASYNC ITEMS", "LAST LIVE CHECK-IN"], &rows);
    Ok(())
}

fn figure(value: Option<f64>, decimals: usize, unit: &str) -> String {
    value.map_or("—".into(), |v| {
        format!(
            "{}{unit}",
            pilotdesk_core::metrics::analytics::precision::fixed(v, decimals)
        )
    })
}

pub fn async_report(pilot: i64, json: bool, store: &Store, context: &Context) -> Result<()> {
    let r = pilotdesk_core::workflows::portfolio::report::report(store, pilot, context.today)?;
    if json {
        output::json(&r);
        return Ok(());
    }
    outln!(
        "{}: asynchronous competency, {} to {} ({} people in the pilot's teams)",
        r.pilot_name,
        r.from,
        r.to,
        r.pilot_people
    );
    if r.hidden {
        outln!(
            "The pilot group is under the minimum group size of {}: no figure is shown.",
            r.min_group_size
        );
        return Ok(());
    }
    outln!(
        "Feedback: {} notes, {} per person per week",
        r.frequency.notes,
        figure(r.frequency.per_person_per_week, 2, "")
    );
    let f = &r.first_feedback;
    if f.hidden {
        outln!(
            "Sample to first feedback: samples from {} people, under the floor",
            f.people
        );
    } else {
        outln!(
        "Sample to first feedback: {} samples, {} answered, {} waiting; median {} ({} among answered)",
        f.samples,
        f.answered,
        f.waiting,
        figure(f.median_days, 1, " days"),
        figure(f.median_days_answered, 1, " days")
        );
    }
    let q = &r.quality;
    outln!(
        "Portfolio quality: mean level {} of {} over {} people; change {} over {} reviewed twice",
        figure(q.mean_level, 2, ""),
        q.top_level,
        q.reviewed_people,
        figure(q.change, 2, ""),
        q.reviewed_twice
    );
    let velocity = |v: &pilotdesk_core::model::portfolio::VelocityFigures| {
        if v.hidden {
            format!("{} people, under the floor", v.people)
        } else {
            format!(
                "{} people, {} role changes, {} per person-year",
                v.people,
                v.role_changes,
                figure(v.per_person_year, 2, "")
            )
        }
    };
    outln!(
        "Promotion velocity: pilot {}; comparison {}; difference {}",
        velocity(&r.promotion.pilot),
        velocity(&r.promotion.comparison),
        figure(r.promotion.difference, 2, "")
    );
    outln!(
        "No live check-in for {} weeks: {}",
        r.check_ins.weeks,
        r.check_ins
            .flagged
            .map_or("—".into(), |n| format!("{n} people"))
    );
    let rows: Vec<Vec<String>> = r
        .teams
        .iter()
        .map(|t| {
            if t.hidden {
                vec![
                    t.team.clone(),
                    t.people.to_string(),
                    "hidden".into(),
                    "hidden".into(),
                    "hidden".into(),
                ]
            } else {
                vec![
                    t.team.clone(),
                    t.people.to_string(),
                    t.notes.unwrap_or(0).to_string(),
                    figure(t.per_person_per_week, 2, ""),
                    figure(t.mean_level, 2, ""),
                ]
            }
        })
        .collect();
    output::table(
        &["TEAM", "PEOPLE", "NOTES", "PER PERSON-WEEK", "MEAN LEVEL"],
        &rows,
    );
    Ok(())
}
