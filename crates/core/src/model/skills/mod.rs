//! Skills as a service: competency frameworks, the vendor module catalog, purchases,
//! assignments, ratings and what they add up to.

mod assignment;
mod catalog;
mod framework;
mod rating;
mod report;

pub use assignment::{
    AssignInput, Assignment, AssignmentBoard, AssignmentStatus, BoardPerson, PathWarning,
    ProgressInput, WarningKind,
};
pub use catalog::{
    Delivery, ModuleInput, ModulePricing, ModuleTarget, ModuleTargetInput, Purchase, PurchaseInput,
    SkillModule,
};
pub use framework::{
    CompetencyChoice, CompetencyNode, FrameworkImport, FrameworkSummary, FrameworkView,
    ProficiencyLevel,
};
pub use rating::{Rater, Rating, RatingInput, RoleRequirement, RoleRequirementInput};
pub use report::{
    HeatmapCell, HeatmapColumn, HeatmapRow, ReadinessHeatmap, RequirementStatus, SeatUse,
    SkillCompletion, SkillProfile, SkillsReport, SpeedToCompetency,
};
