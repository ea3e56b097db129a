//! Asynchronous competency: micro-feedback, work samples with annotations, portfolio
//! reviews, and the view of one person's portfolio.

mod feedback;
mod report;
mod review;
mod sample;
mod view;

pub use feedback::{AuthorRole, Feedback, FeedbackInput};
pub use report::{
    AsyncReport, CheckInCount, FeedbackFrequency, FirstFeedbackFigures, PromotionFigures,
    QualityFigures, TeamAsync, VelocityFigures, WeekCount,
};
pub use review::{Agreement, PortfolioReview, ReviewInput, ReviewScore, ScoreInput};
pub use sample::{
    Anchor, Annotation, AnnotationInput, SampleAdded, SampleContent, SampleInput, WorkSample,
};
pub use view::{CheckInFlag, Portfolio};
