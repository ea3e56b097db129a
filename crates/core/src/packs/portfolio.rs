//! The portfolio pack: one person's work samples (each with its SHA-256, so a file can be
//! matched to the copy the pack describes), the annotations on them, the feedback they
//! received and the portfolio reviews with the reviewers' agreement. It leads with whose
//! portfolio it is, over which period, and the numbers that carry it.

use chrono::NaiveDate;

use crate::import::work_sample::describe;
use crate::metrics::analytics::precision::fixed;
use crate::metrics::portfolio::quality::mean_level;
use crate::model::portfolio::{Portfolio, PortfolioReview, WorkSample};

use super::dates::{date_range, long_date, long_date_of};
use super::document::{Block, Column, KeyFigure, PackDocument, Table};

pub const TITLE: &str = "Portfolio";

/// Everything the pack prints, loaded beforehand so building it is a pure function.
pub struct PortfolioData<'a> {
    pub portfolio: &'a Portfolio,
    /// The top of the framework's level scale, for "2.5 of 4".
    pub top_level: u32,
    /// The workspace's number of weeks without a live check-in before a person is flagged.
    pub check_in_weeks: u32,
    pub produced_on: NaiveDate,
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "840 bytes", "12.3 KB", "4.1 MB": the units the size limit's message uses.
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let value = bytes as f64;
    if value < KB {
        plural(bytes as usize, "byte", "bytes")
    } else if value < KB * KB {
        format!("{} KB", fixed(value / KB, 1))
    } else {
        format!("{} MB", fixed(value / KB / KB, 1))
    }
}

/// The first and last day anything in the portfolio is dated.
fn period(portfolio: &Portfolio) -> Option<(NaiveDate, NaiveDate)> {
    let days: Vec<NaiveDate> = portfolio
        .samples
        .iter()
        .map(|s| s.added_on.as_str())
        .chain(portfolio.feedback.iter().map(|f| f.given_on.as_str()))
        .chain(portfolio.reviews.iter().map(|r| r.reviewed_on.as_str()))
        .filter_map(|d| d.get(..10).and_then(|d| d.parse().ok()))
        .collect();
    Some((*days.iter().min()?, *days.iter().max()?))
}

fn day(text: &str) -> String {
    long_date_of(text).unwrap_or_else(|| text.to_string())
}

fn review_mean(review: &PortfolioReview) -> Option<f64> {
    let levels: Vec<u32> = review.scores.iter().map(|s| s.level).collect();
    mean_level(&levels)
}

/// How strong a kappa is, in the words of Landis and Koch (1977).
pub fn kappa_words(kappa: f64) -> &'static str {
    match kappa {
        k if k < 0.0 => "worse than chance",
        k if k <= 0.20 => "slight",
        k if k <= 0.40 => "fair",
        k if k <= 0.60 => "moderate",
        k if k <= 0.80 => "substantial",
        _ => "almost perfect",
    }
}

fn lead(data: &PortfolioData) -> String {
    let p = data.portfolio;
    let who = format!("{} ({}, {})", p.name, p.role, p.team);
    let Some((from, to)) = period(p) else {
        return format!(
            "{who} has nothing in the portfolio yet: no work sample, no feedback, no review."
        );
    };
    let mut sentence = format!(
        "{who}: {}, {} and {} from {}.",
        plural(p.samples.len(), "work sample", "work samples"),
        plural(p.feedback.len(), "feedback note", "feedback notes"),
        plural(p.reviews.len(), "portfolio review", "portfolio reviews"),
        date_range(from, to)
    );
    if let Some((latest, mean)) = p
        .reviews
        .last()
        .and_then(|r| review_mean(r).map(|m| (r, m)))
    {
        sentence.push_str(&format!(
            " The latest review puts the mean level at {} of {}",
            fixed(mean, 1),
            data.top_level
        ));
        match p.agreement.as_ref().and_then(|a| a.kappa.map(|k| (a, k))) {
            Some((agreement, kappa)) => sentence.push_str(&format!(
                "; its two latest reviewers' agreement is {} (weighted kappa {}{}).",
                kappa_words(kappa),
                fixed(kappa, 2),
                match agreement.flagged.len() {
                    0 => String::new(),
                    n => format!(
                        "; {} more than one level apart",
                        plural(n, "competency", "competencies")
                    ),
                }
            )),
            None => sentence.push_str(&format!(
                " ({} by {}).",
                day(&latest.reviewed_on),
                latest.reviewer
            )),
        }
    }
    sentence
}

fn key_figures(data: &PortfolioData) -> Block {
    let p = data.portfolio;
    let annotations: usize = p.samples.iter().map(|s| s.annotations.len()).sum();
    let givers = {
        let mut roles: Vec<&str> = p.feedback.iter().map(|f| f.author_role.as_str()).collect();
        roles.sort();
        roles.dedup();
        roles
    };
    let reviewers = {
        let mut names: Vec<&str> = p.reviews.iter().map(|r| r.reviewer.as_str()).collect();
        names.sort();
        names.dedup();
        names.len()
    };
    let latest = p.reviews.last();
    let mut figures = vec![
        KeyFigure {
            value: p.samples.len().to_string(),
            label: "Work samples".into(),
            basis: format!(
                "{} on them",
                plural(annotations, "annotation", "annotations")
            ),
        },
        KeyFigure {
            value: p.feedback.len().to_string(),
            label: "Feedback notes".into(),
            basis: if givers.is_empty() {
                "None received yet".into()
            } else {
                format!("From {}", givers.join(", "))
            },
        },
        KeyFigure {
            value: p.reviews.len().to_string(),
            label: "Portfolio reviews".into(),
            basis: format!("By {}", plural(reviewers, "reviewer", "reviewers")),
        },
        KeyFigure {
            value: latest.and_then(review_mean).map_or("—".into(), |m| {
                format!("{} / {}", fixed(m, 1), data.top_level)
            }),
            label: "Latest mean level".into(),
            basis: latest.map_or("No review yet".into(), |r| {
                format!("{} competencies, {}", r.scores.len(), day(&r.reviewed_on))
            }),
        },
    ];
    figures.push(match &p.agreement {
        Some(agreement) => KeyFigure {
            value: agreement.kappa.map_or("—".into(), |k| fixed(k, 2)),
            label: "Reviewers' agreement".into(),
            basis: match agreement.kappa {
                Some(k) => format!(
                    "Weighted kappa, {}; {} flagged",
                    kappa_words(k),
                    agreement.flagged.len()
                ),
                None => format!(
                    "Too little spread over {} to measure",
                    plural(agreement.pairs as usize, "competency", "competencies")
                ),
            },
        },
        None => KeyFigure {
            value: "—".into(),
            label: "Reviewers' agreement".into(),
            basis: "Needs reviews by two reviewers".into(),
        },
    });
    Block::KeyFigures(figures)
}

/// What the person and their manager are asked to do, when anything: book a live check-in,
/// or talk through the reviewers' wide disagreements.
fn asks(data: &PortfolioData) -> Vec<Block> {
    let p = data.portfolio;
    let mut blocks = Vec::new();
    if let Some(flag) = &p.missing_check_in {
        blocks.push(Block::Callout {
            title: format!("No live check-in for {} weeks", flag.weeks),
            text: format!(
                "{} had {} of asynchronous coaching in the last {} weeks and no live \
                 check-in{}. Asynchronous feedback can feel impersonal: book a live \
                 conversation.",
                p.name,
                plural(flag.async_items as usize, "item", "items"),
                flag.weeks,
                match &flag.last_live_check_in {
                    Some(last) => format!(" (the last was on {})", day(last)),
                    None => " on record".into(),
                }
            ),
        });
    }
    if let Some(agreement) = p.agreement.as_ref().filter(|a| !a.flagged.is_empty()) {
        blocks.push(Block::Callout {
            title: "A calibration conversation".into(),
            text: format!(
                "{} and {} scored {} more than one level apart: {}.",
                agreement.first_reviewer,
                agreement.second_reviewer,
                plural(agreement.flagged.len(), "competency", "competencies"),
                agreement.flagged.join("; ")
            ),
        });
    }
    blocks
}

fn samples(samples: &[WorkSample]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Work samples".into())];
    if samples.is_empty() {
        blocks.push(Block::Paragraph(
            "No work sample has been added yet.".into(),
        ));
        return blocks;
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::right("#", 0.35),
            Column::left("Sample", 2.2),
            Column::left("Kind and size", 1.5),
            Column::left("Added", 1.5),
            Column::left("SHA-256 of the file", 3.0),
        ],
        rows: samples
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let title = if s.title == s.file_name {
                    s.title.clone()
                } else {
                    format!("{} ({})", s.title, s.file_name)
                };
                vec![
                    (index + 1).to_string(),
                    match &s.competency {
                        Some(c) => format!("{title}\n{c}"),
                        None => title,
                    },
                    format!(
                        "{}, {}",
                        capitalised(describe(&s.media_type)),
                        file_size(s.size)
                    ),
                    format!("{}\nby {}", day(&s.added_on), s.added_by),
                    grouped(&s.sha256),
                ]
            })
            .collect(),
        note: Some(
            "Kind read from each file's content, not its name. The SHA-256 is of the file's \
             bytes as kept in the workspace, in groups of 16 digits: `sha256sum FILE` on a \
             copy gives the same digits when it is the same file."
                .into(),
        ),
    }));
    for (index, sample) in samples.iter().enumerate() {
        if sample.annotations.is_empty() {
            continue;
        }
        blocks.push(Block::Subheading(format!(
            "Annotations on #{}: {}",
            index + 1,
            sample.title
        )));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Place", 1.6),
                Column::left("Competency", 1.6),
                Column::left("Note", 3.6),
                Column::left("By", 1.2),
            ],
            rows: sample
                .annotations
                .iter()
                .map(|a| {
                    vec![
                        capitalised(&a.place),
                        a.competency.clone(),
                        a.note.clone(),
                        format!("{}\n{}", a.author, day(&a.created_at)),
                    ]
                })
                .collect(),
            note: None,
        }));
    }
    blocks
}

fn feedback(data: &PortfolioData) -> Vec<Block> {
    let p = data.portfolio;
    let mut blocks = vec![Block::Heading("Feedback received".into())];
    if p.feedback.is_empty() {
        blocks.push(Block::Paragraph(
            "No feedback has been recorded yet.".into(),
        ));
        return blocks;
    }
    let sample_number = |id: i64| {
        p.samples
            .iter()
            .position(|s| s.id == id)
            .map(|i| format!("\non sample #{}", i + 1))
            .unwrap_or_default()
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Date", 1.1),
            Column::left("From", 1.4),
            Column::left("Competency", 1.7),
            Column::left("Note", 4.2),
        ],
        rows: p
            .feedback
            .iter()
            .map(|f| {
                vec![
                    day(&f.given_on),
                    format!("{}\n{}", f.author, f.author_role.as_str()),
                    format!(
                        "{}{}",
                        f.competency,
                        f.sample_id.map(sample_number).unwrap_or_default()
                    ),
                    match &f.task {
                        Some(task) => format!("{}\nPlaybook task: {task}", f.note),
                        None => f.note.clone(),
                    },
                ]
            })
            .collect(),
        note: Some("Newest first.".into()),
    }));
    blocks
}

fn reviews(data: &PortfolioData) -> Vec<Block> {
    let p = data.portfolio;
    let mut blocks = vec![Block::Heading("Portfolio reviews".into())];
    if p.reviews.is_empty() {
        blocks.push(Block::Paragraph(
            "No one has reviewed the portfolio yet.".into(),
        ));
        return blocks;
    }
    for review in p.reviews.iter().rev() {
        blocks.push(Block::Subheading(format!(
            "{} by {}{}",
            day(&review.reviewed_on),
            review.reviewer,
            review_mean(review)
                .map(|m| format!(": mean level {} of {}", fixed(m, 1), data.top_level))
                .unwrap_or_default()
        )));
        if !review.comment.is_empty() {
            blocks.push(Block::Paragraph(review.comment.clone()));
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Competency", 1.8),
                Column::left("Level", 1.3),
                Column::left("What the level describes", 2.6),
                Column::left("Reviewer's comment", 2.8),
            ],
            rows: review
                .scores
                .iter()
                .map(|s| {
                    vec![
                        s.competency.clone(),
                        if s.level_label.is_empty() {
                            s.level.to_string()
                        } else {
                            format!("{}: {}", s.level, s.level_label)
                        },
                        s.descriptor.clone(),
                        s.comment.clone(),
                    ]
                })
                .collect(),
            note: None,
        }));
    }
    blocks
}

fn agreement(data: &PortfolioData) -> Vec<Block> {
    let p = data.portfolio;
    let mut blocks = vec![Block::Heading("The reviewers' agreement".into())];
    let Some(agreement) = &p.agreement else {
        blocks.push(Block::Paragraph(
            "Agreement needs reviews of this portfolio by two different reviewers; there is \
             not yet a second."
                .into(),
        ));
        return blocks;
    };
    blocks.push(Block::Paragraph(match agreement.kappa {
        Some(kappa) => format!(
            "{} and {} both scored {}. Their {}-weighted kappa is {}: {} agreement beyond \
             what chance would give.",
            agreement.first_reviewer,
            agreement.second_reviewer,
            plural(agreement.pairs as usize, "competency", "competencies"),
            agreement.weights,
            fixed(kappa, 2),
            kappa_words(kappa)
        ),
        None => format!(
            "{} and {} both scored {}, too few or too alike for a kappa: with every score at \
             the same level, chance explains all of the agreement.",
            agreement.first_reviewer,
            agreement.second_reviewer,
            plural(agreement.pairs as usize, "competency", "competencies")
        ),
    }));
    if agreement.flagged.is_empty() {
        blocks.push(Block::Paragraph(
            "No competency is scored more than one level apart.".into(),
        ));
    } else {
        blocks.push(Block::Subheading(
            "More than one level apart: to talk through in a calibration conversation".into(),
        ));
        blocks.push(Block::Bullets(agreement.flagged.clone()));
    }
    blocks
}

fn appendix(data: &PortfolioData) -> Vec<Block> {
    let p = data.portfolio;
    vec![
        Block::PageBreak,
        Block::Heading("Appendix: methods and who may see this pack".into()),
        Block::Subheading("Who may see it".into()),
        Block::Paragraph(format!(
            "This pack is about one person, {}. Only {} and their manager may see it; it is \
             not for the steering group, for sponsors or for anyone comparing people. No \
             privacy floor applies because it reports no group: the figures about groups \
             live in the pilot's packs, where no breakdown of fewer than the minimum group \
             size is shown.",
            p.name, p.name
        )),
        Block::Subheading("How the figures are computed".into()),
        Block::Bullets(vec![
            format!(
                "Mean level: the mean of a review's levels over the competencies it scored, \
                 on the framework's scale of 1 to {}.",
                data.top_level
            ),
            "Reviewers' agreement: Cohen's weighted kappa with linear weights between the \
             latest review and the latest one by a different reviewer, over the competencies \
             both scored. One level apart counts as a smaller disagreement than three. Kappa \
             is 1 for perfect agreement and 0 for what chance alone would give; words after \
             Landis and Koch (1977). Competencies more than one level apart are flagged."
                .into(),
            format!(
                "Live check-ins: a person is flagged when they had asynchronous coaching \
                 (feedback, a work sample, a portfolio review or an async coaching event) in \
                 the last {} weeks and no live check-in in the coaching log in that time.",
                data.check_in_weeks
            ),
            "Work samples: each file is kept once in the workspace by its SHA-256, its kind \
             read from its content rather than its name; files are never run, only viewed."
                .into(),
        ]),
        Block::Subheading("What the pack holds".into()),
        Block::Paragraph(format!(
            "Everything in {}'s portfolio on {}: {}, {} and {}. Produced by Pilotdesk from the \
             workspace's records; the content hash in the footer matches this copy to its \
             record.",
            p.name,
            long_date(data.produced_on),
            plural(p.samples.len(), "work sample", "work samples"),
            plural(p.feedback.len(), "feedback note", "feedback notes"),
            plural(p.reviews.len(), "review", "reviews")
        )),
    ]
}

/// A hash in groups of 16 digits, so it breaks between groups and reads out in pieces; the
/// first group is the short form Pilotdesk prints elsewhere.
fn grouped(hash: &str) -> String {
    let chars: Vec<char> = hash.chars().collect();
    chars
        .chunks(16)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalised(text: &str) -> String {
    let text = text
        .strip_prefix("a ")
        .or_else(|| text.strip_prefix("an "))
        .unwrap_or(text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn build(data: &PortfolioData) -> PackDocument {
    let p = data.portfolio;
    let mut blocks = vec![
        Block::Title(format!("{}'s portfolio", p.name)),
        Block::Lead(lead(data)),
        key_figures(data),
    ];
    blocks.extend(asks(data));
    blocks.extend(samples(&p.samples));
    blocks.extend(feedback(data));
    blocks.extend(reviews(data));
    blocks.extend(agreement(data));
    blocks.extend(appendix(data));
    PackDocument {
        title: TITLE.into(),
        subject: format!("{} ({})", p.name, p.person_id),
        subject_label: Some("Person".into()),
        produced_on: data.produced_on,
        draft: false,
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_the_limit_message() {
        assert_eq!(file_size(1), "1 byte");
        assert_eq!(file_size(840), "840 bytes");
        assert_eq!(file_size(12_595), "12.3 KB");
        assert_eq!(file_size(4_299_162), "4.1 MB");
    }

    #[test]
    fn hashes_print_in_groups_of_sixteen() {
        let hash = "0123456789abcdef".repeat(4);
        assert_eq!(
            grouped(&hash),
            "0123456789abcdef 0123456789abcdef 0123456789abcdef 0123456789abcdef"
        );
    }

    #[test]
    fn kappa_in_words() {
        assert_eq!(kappa_words(-0.1), "worse than chance");
        assert_eq!(kappa_words(0.45), "moderate");
        assert_eq!(kappa_words(0.95), "almost perfect");
    }
}
