//! The TypeScript types of everything that crosses to the UI, generated from the Rust types.
//! `ui/src/api/types.gen.ts` holds the output; a test fails when the two drift apart.

use ts_rs::{Config, TS};

use crate::error::{ApiError, ErrorDetail};
use crate::metrics::PilotPhase;
use crate::model::*;

pub const HEADER: &str =
    "// Generated from the Rust types by `scripts/gen-types`. Do not edit by hand.\n\n";

pub fn typescript() -> String {
    // Identifiers and amounts fit well inside 2^53, and serde writes them as JSON numbers.
    let cfg = Config::new().with_large_int("number");
    let declarations = [
        ApiError::decl(&cfg),
        ErrorDetail::decl(&cfg),
        Money::decl(&cfg),
        PaperSize::decl(&cfg),
        WorkspaceSettings::decl(&cfg),
        SettingsInput::decl(&cfg),
        WorkspaceOverview::decl(&cfg),
        Person::decl(&cfg),
        Team::decl(&cfg),
        PilotStatus::decl(&cfg),
        Pilot::decl(&cfg),
        PilotSummary::decl(&cfg),
        NewPilotInput::decl(&cfg),
        PilotPhase::decl(&cfg),
        PilotDetail::decl(&cfg),
        ChangeRecord::decl(&cfg),
        PackKind::decl(&cfg),
        PackRecord::decl(&cfg),
        BasicsInput::decl(&cfg),
        TemplateSummary::decl(&cfg),
        CoachingMoment::decl(&cfg),
        PlaybookTask::decl(&cfg),
        Workflow::decl(&cfg),
        MomentInput::decl(&cfg),
        TaskInput::decl(&cfg),
        Direction::decl(&cfg),
        Baseline::decl(&cfg),
        SuccessCriterion::decl(&cfg),
        Kpi::decl(&cfg),
        KpiInput::decl(&cfg),
        ComparisonDesign::decl(&cfg),
        Arm::decl(&cfg),
        CohortMember::decl(&cfg),
        Cohort::decl(&cfg),
        ManagerCandidate::decl(&cfg),
        CohortInput::decl(&cfg),
        BudgetCategory::decl(&cfg),
        Pricing::decl(&cfg),
        BudgetLine::decl(&cfg),
        TimeCosts::decl(&cfg),
        CostRow::decl(&cfg),
        BudgetEstimate::decl(&cfg),
        BudgetLineInput::decl(&cfg),
        TimeCostsInput::decl(&cfg),
        BudgetInput::decl(&cfg),
        ItemStatus::decl(&cfg),
        ChecklistMark::decl(&cfg),
        ChecklistItem::decl(&cfg),
        ChecklistStep::decl(&cfg),
        Readiness::decl(&cfg),
        Transition::decl(&cfg),
        PilotDesign::decl(&cfg),
        EventKind::decl(&cfg),
        EventSource::decl(&cfg),
        CoachingEvent::decl(&cfg),
        EventFilter::decl(&cfg),
        EventPage::decl(&cfg),
        QuickLogInput::decl(&cfg),
        PersonChoice::decl(&cfg),
        ManagerChoice::decl(&cfg),
        TaskChoice::decl(&cfg),
        PilotChoice::decl(&cfg),
        QuickLogOptions::decl(&cfg),
        ImportKind::decl(&cfg),
        FieldSpec::decl(&cfg),
        PreviewRow::decl(&cfg),
        ImportPreview::decl(&cfg),
        FieldMapping::decl(&cfg),
        ImportRequest::decl(&cfg),
        ImportSummary::decl(&cfg),
        ImportRecord::decl(&cfg),
        ExportSummary::decl(&cfg),
        LoadLevel::decl(&cfg),
        WeekLoad::decl(&cfg),
        ManagerCredits::decl(&cfg),
        TimeCreditsReport::decl(&cfg),
        Observation::decl(&cfg),
        KpiDataSummary::decl(&cfg),
        WeeklyMean::decl(&cfg),
        ObservationPage::decl(&cfg),
    ];
    let mut out = String::from(HEADER);
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
