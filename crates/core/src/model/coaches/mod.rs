//! Coaching networks: internal coaches nominated by managers, the written standard they are
//! certified against, the evidence (training, observed sessions, coachees' feedback),
//! certifications with their expiry, matching coaches to coachees across teams, and each
//! coaching pair's cadence as a calendar.

mod calendar;
mod coach;
mod evidence;
mod matching;
mod progress;
mod standard;

pub use calendar::{CalendarExport, CalendarPair, SkippedPair};
pub use coach::{
    Certification, CertifyInput, Coach, CoachStatus, CoachSummary, NominateInput, TrainingInput,
};
pub use evidence::{
    CoachFeedback, CoachFeedbackInput, CoachObservation, CoachObservationInput, RubricScore,
    RubricScoreInput,
};
pub use matching::{CompetencyGap, LeftOut, MatchReport, MatchSuggestion};
pub use progress::{CoachProgress, CriterionKey, CriterionProgress, LevelProgress};
pub use standard::{CoachLevel, LevelCriteria, RubricItem, Standard, StandardCriteria};
