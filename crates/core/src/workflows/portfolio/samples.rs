//! Work samples: files in a person's portfolio, kept inside the workspace once per content,
//! their type read from the bytes; and annotations anchored to a place in them.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::hashing::sha256_hex;
use crate::import::work_sample;
use crate::model::portfolio::{
    Anchor, Annotation, AnnotationInput, SampleAdded, SampleContent, SampleInput,
};
use crate::store::portfolio::samples;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

use super::{competency, not_found, person};

/// Adds the file at `input.path` to the person's portfolio. The same file twice is kept
/// once: for the same person the existing sample is returned; for someone else the
/// content is shared.
pub fn add(store: &mut Store, input: &SampleInput, today: NaiveDate) -> Result<SampleAdded> {
    let path = Path::new(input.path.trim());
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    if let Some(message) = work_sample::too_big(&file_name, size) {
        return Err(Error::invalid_field("path", message));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    add_content(store, input, &file_name, &bytes, today)
}

/// Adds content already in memory (the demo's samples, or a file read by `add`).
pub(crate) fn add_content(
    store: &mut Store,
    input: &SampleInput,
    file_name: &str,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<SampleAdded> {
    let mut problems = Problems::default();
    let who = person(store, &mut problems, &input.person_id)?;
    let competency_id = match input.competency_id {
        Some(_) => competency(store, &mut problems, "competencyId", input.competency_id)?,
        None => None,
    };
    let title = if input.title.trim().is_empty() {
        file_name.to_string()
    } else {
        problems.required("title", &input.title, 160, "")
    };
    let media_type = work_sample::check(file_name, bytes)
        .map_err(|m| problems.add("path", m))
        .ok();
    let (Some(who), Some(media_type)) = (who, media_type) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let sha256 = sha256_hex(bytes);
    if let Some(existing) = samples::find(store.conn(), &who.id, &sha256)? {
        let sample = sample(store, &who.id, existing)?;
        return Ok(SampleAdded {
            sample,
            already_there: true,
            content_shared: samples::holders(store.conn(), &sha256)? > 1,
        });
    }
    let tx = store.write()?;
    let shared = samples::keep_content(&tx, &sha256, media_type, bytes)?;
    let actor = crate::store::settings::load(&tx)?.current_user;
    let id = samples::insert(
        &tx,
        &samples::NewSample {
            person_id: &who.id,
            sha256: &sha256,
            file_name,
            title: &title,
            competency_id,
            added_on: today,
            added_by: &actor,
        },
    )?;
    record_change(
        &tx,
        "work_sample",
        &id.to_string(),
        "created",
        &format!(
            "Added \"{title}\" ({}) to {}'s portfolio",
            work_sample::describe(media_type),
            who.name
        ),
    )?;
    tx.commit()?;
    Ok(SampleAdded {
        sample: sample(store, &who.id, id)?,
        already_there: false,
        content_shared: shared,
    })
}

fn sample(store: &Store, person_id: &str, id: i64) -> Result<crate::model::portfolio::WorkSample> {
    samples::for_person(store.conn(), person_id)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| not_found("work sample", id))
}

/// Anchors a note about a competency to a place in a sample.
pub fn annotate(store: &mut Store, input: &AnnotationInput) -> Result<Annotation> {
    let owner = samples::owner(store.conn(), input.sample_id)?
        .ok_or_else(|| not_found("work sample", input.sample_id))?;
    let (_, media_type, bytes) = samples::content(store.conn(), input.sample_id)?
        .ok_or_else(|| not_found("work sample", input.sample_id))?;
    let mut problems = Problems::default();
    let competency_id = competency(store, &mut problems, "competencyId", input.competency_id)?;
    let note = problems.required("note", &input.note, 1000, "write what the place shows");
    match input.anchor {
        Anchor::Region {
            page,
            x,
            y,
            width,
            height,
        } => {
            if media_type == "text/plain" {
                problems.add(
                    "anchor",
                    "a text sample is annotated by its lines, not a region",
                );
            }
            if page == 0 || (media_type.starts_with("image/") && page != 1) {
                problems.add(
                    "anchor.page",
                    "an image has one page; a PDF's pages start at 1",
                );
            }
            let inside = |v: f64| (0.0..=1.0).contains(&v);
            if !(inside(x)
                && inside(y)
                && width > 0.0
                && height > 0.0
                && x + width <= 1.0 + 1e-9
                && y + height <= 1.0 + 1e-9)
            {
                problems.add("anchor", "the region must lie on the page");
            }
        }
        Anchor::Lines { from, to } => {
            if media_type != "text/plain" {
                problems.add(
                    "anchor",
                    "only a text sample is annotated by lines; mark a region instead",
                );
            } else {
                let lines = String::from_utf8_lossy(&bytes).lines().count() as u32;
                if from == 0 || to < from || to > lines.max(1) {
                    problems.add(
                        "anchor",
                        format!("choose lines between 1 and {}", lines.max(1)),
                    );
                }
            }
        }
    }
    let Some(competency_id) = competency_id else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let author = crate::store::settings::load(&tx)?.current_user;
    let id = samples::annotate(
        &tx,
        &samples::NewAnnotation {
            sample_id: input.sample_id,
            competency_id,
            anchor: &input.anchor,
            note: &note,
            author: &author,
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "work_sample",
        &input.sample_id.to_string(),
        "annotated",
        "Annotated a work sample",
    )?;
    tx.commit()?;
    samples::for_person(store.conn(), &owner)?
        .into_iter()
        .flat_map(|s| s.annotations)
        .find(|a| a.id == id)
        .ok_or_else(|| not_found("annotation", id))
}

/// The sample's content for the viewer: the bytes of an image or a PDF, the text of a text.
/// Office documents are not opened at all: nothing but a viewer ever reads a sample.
pub fn content(store: &Store, sample_id: i64) -> Result<SampleContent> {
    use base64::Engine;
    let (file_name, media_type, bytes) = samples::content(store.conn(), sample_id)?
        .ok_or_else(|| not_found("work sample", sample_id))?;
    let previewable = media_type == "application/pdf" || media_type.starts_with("image/");
    Ok(SampleContent {
        sample_id,
        file_name,
        base64: if previewable {
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        } else {
            String::new()
        },
        text: if media_type == "text/plain" {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            String::new()
        },
        media_type,
    })
}
