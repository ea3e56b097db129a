use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kinds of coaching moment the operating model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    MicroCoaching,
    AiAgenda,
    AsyncFeedback,
    PortfolioReview,
    LiveCheckIn,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::MicroCoaching,
        EventKind::AiAgenda,
        EventKind::AsyncFeedback,
        EventKind::PortfolioReview,
        EventKind::LiveCheckIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::MicroCoaching => "micro_coaching",
            EventKind::AiAgenda => "ai_agenda",
            EventKind::AsyncFeedback => "async_feedback",
            EventKind::PortfolioReview => "portfolio_review",
            EventKind::LiveCheckIn => "live_check_in",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::MicroCoaching => "Micro-coaching",
            EventKind::AiAgenda => "AI-assisted agenda",
            EventKind::AsyncFeedback => "Async feedback",
            EventKind::PortfolioReview => "Portfolio review",
            EventKind::LiveCheckIn => "Live check-in",
        }
    }

    /// Reads the stored code, the label or the way people write it in a spreadsheet:
    /// "micro_coaching", "Micro-coaching", "micro coaching", "AI-assisted agenda", "check-in".
    pub fn parse(text: &str) -> Option<EventKind> {
        let key: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "microcoaching" | "micro" | "microcoach" => Some(EventKind::MicroCoaching),
            "aiagenda" | "aiassistedagenda" | "aiassisted" | "agenda" => Some(EventKind::AiAgenda),
            "asyncfeedback" | "asynchronousfeedback" | "feedback" => Some(EventKind::AsyncFeedback),
            "portfolioreview" | "portfolio" => Some(EventKind::PortfolioReview),
            "livecheckin" | "checkin" | "live" => Some(EventKind::LiveCheckIn),
            _ => None,
        }
    }

    /// The labels, for messages that list what is accepted.
    pub fn accepted() -> String {
        EventKind::ALL
            .iter()
            .map(|k| k.label().to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Where an event came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventSource {
    Import,
    Xapi,
    QuickLog,
    Generated,
}

impl EventSource {
    pub fn as_str(self) -> &'static str {
        match self {
            EventSource::Import => "import",
            EventSource::Xapi => "xapi",
            EventSource::QuickLog => "quick_log",
            EventSource::Generated => "generated",
        }
    }

    pub fn parse(text: &str) -> Option<EventSource> {
        match text {
            "import" => Some(EventSource::Import),
            "xapi" => Some(EventSource::Xapi),
            "quick_log" => Some(EventSource::QuickLog),
            "generated" => Some(EventSource::Generated),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EventSource::Import => "Import",
            EventSource::Xapi => "xAPI",
            EventSource::QuickLog => "Quick log",
            EventSource::Generated => "Generated",
        }
    }
}

/// A recorded coaching moment, with the names a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachingEvent {
    pub id: i64,
    /// Stable across exports and re-imports; the id of its xAPI statement.
    pub uid: String,
    pub manager_id: String,
    pub manager_name: String,
    pub coachee_id: Option<String>,
    pub coachee_name: Option<String>,
    /// Wall-clock time where it happened.
    pub occurred_at: NaiveDateTime,
    pub minutes: u32,
    pub kind: EventKind,
    pub pilot_id: Option<i64>,
    pub pilot_name: Option<String>,
    pub task_id: Option<i64>,
    /// The playbook task's behaviour.
    pub task: Option<String>,
    pub notes: String,
    pub source: EventSource,
}

/// The events log's filters as chosen; empty text means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventFilter {
    pub pilot_id: Option<i64>,
    pub manager_id: Option<String>,
    pub kind: Option<EventKind>,
    /// First day, YYYY-MM-DD.
    pub from: String,
    /// Last day, YYYY-MM-DD.
    pub to: String,
    pub offset: u32,
    /// At most 500; 100 when 0.
    pub limit: u32,
}

/// One page of the events log and what the whole filtered set adds up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventPage {
    pub total: u32,
    pub total_minutes: u64,
    pub offset: u32,
    pub limit: u32,
    pub events: Vec<CoachingEvent>,
}

/// The quick-log form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuickLogInput {
    pub manager_id: String,
    pub coachee_id: String,
    /// An `EventKind` code or label.
    pub kind: String,
    pub minutes: String,
    pub pilot_id: Option<i64>,
    pub task_id: Option<i64>,
    pub notes: String,
    /// YYYY-MM-DDTHH:MM; empty means now.
    pub occurred_at: String,
    /// The person confirmed a moment the playbook would not expect (too long for
    /// micro-coaching, or before the pilot starts); without it such a moment is refused with
    /// the reasons, code `needs_confirmation`.
    #[serde(default)]
    pub confirmed: bool,
}

/// Someone a manager coaches, for the quick log's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonChoice {
    pub id: String,
    pub name: String,
    pub team: String,
    pub role: String,
}

/// A manager and the people who report to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManagerChoice {
    pub id: String,
    pub name: String,
    pub team: String,
    pub reports: Vec<PersonChoice>,
}

/// A playbook task, as offered to attach a moment to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskChoice {
    pub id: i64,
    pub workflow: String,
    pub behaviour: String,
}

/// A pilot with its playbook tasks and its cohort's managers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotChoice {
    pub id: i64,
    pub name: String,
    pub status: super::PilotStatus,
    pub tasks: Vec<TaskChoice>,
    /// Managers in the pilot arm of its cohort.
    pub managers: Vec<String>,
}

/// Everything the quick-log dialog offers, with its defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuickLogOptions {
    pub managers: Vec<ManagerChoice>,
    pub pilots: Vec<PilotChoice>,
    /// The current user, when they manage people.
    pub default_manager: Option<String>,
}
