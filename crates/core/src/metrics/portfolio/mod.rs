//! Asynchronous competency model figures (DESIGN.md, sixth practice): portfolio quality and
//! the reviewers' agreement behind it, async feedback frequency and time to first feedback,
//! promotion velocity, and the people getting async attention without a live check-in.

pub mod check_ins;
pub mod first_feedback;
pub mod frequency;
pub mod kappa;
pub mod promotion;
pub mod quality;
