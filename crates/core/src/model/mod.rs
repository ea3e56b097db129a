//! Plain domain data: what the store loads and saves, what workflows decide over, what
//! metrics compute from and what crosses to the UI (with generated TypeScript types).

pub mod agenda;
pub mod analytics;
mod audit;
mod backup;
pub mod badges;
mod budget;
mod change;
mod chart;
pub mod coaches;
mod coaching;
mod cohort;
mod credits;
mod design;
mod home;
mod imports;
mod kpi;
mod lifecycle;
mod lift;
mod money;
pub mod network;
mod observation;
mod pack;
mod person;
mod person_history;
mod person_page;
mod pilot;
mod playbook;
pub mod portfolio;
mod readiness;
mod remote_review;
mod review;
mod settings;
pub mod skills;
mod steering;
mod tranche;
mod updates;
mod user;
mod vendor;
mod views;

pub use analytics::{
    ArmRisk, ArmRiskFigures, BalanceFlag, BalanceRow, BalanceTable, BenefitLine, CategoryCost,
    CoachingPanel, CostCategory, CostLine, CostPanel, Dashboard, FlightRisk, HourlyCost,
    HourlyCostInput, KeyNumber, KpiMde, KpiPanel, PilotCard, PortfolioOverview, RateDifference,
    RiskDifference, RiskFigure, RoiAssumption, RoiAssumptionInput, RoiFigures, RoiInput, RoiReport,
    RuleVerdict, SensitivityPoint, TaskPractice, TrancheStatus, UnitRow, UnitTable,
};
pub use audit::{BrokenEntry, ChainVerdict, DecisionLog, LogEntry};
pub use backup::{BackupCheck, BackupKind, BackupList, BackupRecord, RestoreReport};
pub use budget::{
    BudgetCategory, BudgetEstimate, BudgetInput, BudgetLine, BudgetLineInput, CostRow, Pricing,
    TimeCosts, TimeCostsInput,
};
pub use change::ChangeRecord;
pub use chart::{
    Band, BarGroup, Chart, ChartBody, CurveLine, CurvePoint, FitLine, IntervalRow, Marker,
    Reference, ScatterPoint, Series, SeriesPoint, SeriesRole,
};
pub use coaching::{
    CoachingEvent, EventFilter, EventKind, EventPage, EventSource, ManagerChoice, PersonChoice,
    PilotChoice, QuickLogInput, QuickLogOptions, TaskChoice,
};
pub use cohort::{Arm, Cohort, CohortInput, CohortMember, ComparisonDesign, ManagerCandidate};
pub use credits::{LoadLevel, ManagerCredits, TimeCreditsReport, WeekLoad};
pub use design::{Evidence, PilotDesign};
pub use home::{Home, HomeRole, InboxEntry, SponsorEntry, SponsorPack};
pub use imports::{
    ExportSummary, FieldMapping, FieldSpec, ImportKind, ImportPreview, ImportProgress,
    ImportRecord, ImportRequest, ImportSummary, PreviewRow,
};
pub use kpi::{Baseline, Direction, Kpi, KpiInput, SuccessCriterion};
pub use lifecycle::Transition;
pub use lift::{
    EvidenceStrength, LiftDisplay, LiftMethod, LiftReport, PermutationTest, RandomisationTest,
};
pub use money::Money;
pub use observation::{KpiDataSummary, Observation, ObservationPage, WeeklyMean};
pub use pack::{PackKind, PackRecord};
pub use person::{Person, Team};
pub use person_history::{PersonChange, PersonHistory, PersonHistoryEntry};
pub use person_page::{PersonCoaching, PersonCredits, PersonPage, PersonPilot, PilotPart};
pub use pilot::{BasicsInput, NewPilotInput, Pilot, PilotStatus, PilotSummary, PILOT_LENGTH_DAYS};
pub use playbook::{
    CoachingMoment, MomentInput, PlaybookTask, TaskInput, TemplateSummary, Workflow,
};
pub use readiness::{ChecklistItem, ChecklistMark, ChecklistStep, ItemStatus, Readiness};
pub use remote_review::{
    BallotReceipt, BallotStatus, BundleView, CastBallot, IdentityView, MemberKey, MemberKeyInput,
    PublicIdentity, RosterEntry, SentBundle,
};
pub use review::{
    Decision, DecisionKind, GovernanceItem, GovernanceQueue, ItemKind, ItemState, QueueEntry,
    QuorumStatus, Recusal, ReviewFeedback, ReviewView, Tally, Vote, VoteChoice, VoteInput,
    VoterStanding,
};
pub use settings::{PaperSize, SettingsInput, WorkspaceSettings};
pub use steering::{
    MemberFunction, QuorumRule, QuorumRuleInput, SteeringMember, Threshold, VoteBasis,
};
pub use tranche::{
    ConditionCheck, Ledger, SpendEntry, SpendInput, Tranche, TrancheInput, TrancheLine,
    TrancheRelease,
};
pub use updates::{
    UpdateCheck, UpdateCheckEvery, UpdateInstalled, UpdateOffer, UpdatePreferences, UpdateProgress,
};
pub use user::{CurrentUser, PersonInput};
pub use vendor::{
    Practice, PrivacyChecklist, Risk, RiskInput, RiskStatus, VendorInput, VendorProposal,
};
pub use views::{PilotDetail, WorkspaceOverview};
