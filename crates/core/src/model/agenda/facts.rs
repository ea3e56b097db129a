use chrono::NaiveDate;

use super::AgendaContext;

/// Someone the agenda is about or mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacts {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub team: String,
    /// Days since the hire date, when it is known.
    pub days_in_role: Option<i64>,
}

impl PersonFacts {
    /// How a coach addresses them: the first word of the name.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct KpiFacts {
    pub name: String,
    pub unit: String,
    pub lower_is_better: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskFacts {
    pub id: i64,
    /// The behaviour to coach.
    pub behaviour: String,
    pub workflow: String,
    /// The playbook's coaching moments for this task: what the manager asks or does.
    pub moments: Vec<String>,
    pub competency: String,
    pub skill_module: String,
    pub kpi: Option<KpiFacts>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentFact {
    pub on: NaiveDate,
    pub kind: String,
    pub minutes: u32,
    pub task: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackFact {
    pub on: NaiveDate,
    pub competency: String,
    /// manager, peer or coach.
    pub author_role: String,
    pub author: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapFact {
    pub competency: String,
    /// The latest rating, absent when never rated.
    pub level: Option<u32>,
    pub target: u32,
}

/// Everything the agenda generator knows, gathered by the workflow from the store. The
/// generator is a pure function of this, so the same facts always give the same agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaFacts {
    pub context: AgendaContext,
    pub manager: PersonFacts,
    pub coachee: PersonFacts,
    pub pilot: Option<String>,
    /// Day N of the pilot's 90, when it has started.
    pub pilot_day: Option<i64>,
    pub task: Option<TaskFacts>,
    /// Most recent first.
    pub recent_moments: Vec<MomentFact>,
    /// Most recent first.
    pub recent_feedback: Vec<FeedbackFact>,
    /// Competencies below the role's target level, largest gap first.
    pub gaps: Vec<GapFact>,
    /// A skill module the coachee is assigned and has not completed, or the task's module.
    pub next_module: Option<String>,
    /// The newest work sample in the portfolio without a review.
    pub open_sample: Option<String>,
}
