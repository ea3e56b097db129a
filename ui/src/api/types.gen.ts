// Generated from the Rust types by `scripts/gen-types`. Do not edit by hand.

export type ApiError = { code: string, message: string, details: Array<ErrorDetail>, };

export type ErrorDetail = { 
/**
 * The form or record field, e.g. `startDate`.
 */
field?: string, file?: string, line?: number, column?: number, message: string, };

export type Money = number;

export type PaperSize = "a4" | "letter";

export type WorkspaceSettings = { workspaceName: string, 
/**
 * ISO 4217 code shown beside every amount.
 */
currency: string, 
/**
 * No breakdown is shown or printed for a group smaller than this.
 */
minGroupSize: number, paperSize: PaperSize, 
/**
 * Recorded on every change as the actor.
 */
currentUser: string, 
/**
 * The person in People who is acting; absent until someone is chosen.
 */
currentUserId: string | null, 
/**
 * Time credits a manager earns per hour of coaching.
 */
creditRate: number, 
/**
 * Coaching hours per week above which a manager is shown as overloaded.
 */
weeklyLoadHours: number, };

export type SettingsInput = { workspaceName: string, currency: string, 
/**
 * "a4" or "letter".
 */
paperSize: string, minGroupSize: string, creditRate: string, weeklyLoadHours: string, };

export type WorkspaceOverview = { settings: WorkspaceSettings, peopleCount: number, teams: Array<Team>, pilotCount: number, databasePath: string | null, schemaVersion: number, };

export type Person = { 
/**
 * The employee id from the HR system, e.g. "E1042".
 */
id: string, name: string, email: string, team: string, role: string, managerId: string | null, hireDate: string | null, 
/**
 * The last day with the organisation, once they have left or given notice.
 */
leavingDate: string | null, };

export type Team = { name: string, headcount: number, managers: number, };

export type PersonChange = "joined" | "team" | "role" | "manager";

export type PersonHistoryEntry = { validFrom: string, team: string, role: string, managerId: string | null, 
/**
 * The manager's name as People knows it now; none when they are not in People.
 */
managerName: string | null, changes: Array<PersonChange>, 
/**
 * The import that brought the change, when one did.
 */
importId: number | null, };

export type PersonHistory = { person: Person, entries: Array<PersonHistoryEntry>, };

export type PilotStatus = "draft" | "ready" | "submitted" | "approved" | "changes_requested" | "rejected" | "running" | "day45_review" | "day90_outcome" | "scaled" | "iterating" | "stopped";

export type Pilot = { id: number, name: string, 
/**
 * The one-sentence purpose: what the pilot sets out to prove.
 */
objective: string, 
/**
 * The high-impact workflows the pilot coaches, in priority order.
 */
workflows: Array<string>, startDate: string, 
/**
 * Always `start_date` + 90 days.
 */
endDate: string, 
/**
 * The one senior sponsor who owns the outcome.
 */
sponsor: string, 
/**
 * Committed budget for tooling and analytics, in minor units.
 */
budget: Money, 
/**
 * Where AI-generated agendas and prompts are used, e.g. "onboarding 1:1s"; empty when
 * not set up.
 */
aiAgenda: string, status: PilotStatus, createdAt: string, updatedAt: string, };

export type PilotSummary = { id: number, name: string, workflows: Array<string>, startDate: string, endDate: string, sponsor: string, status: PilotStatus, };

export type NewPilotInput = { name: string, objective: string, workflows: Array<string>, 
/**
 * YYYY-MM-DD.
 */
startDate: string, sponsor: string, 
/**
 * The committed tooling and analytics budget, e.g. "25,000".
 */
budget: string, 
/**
 * Built-in playbook templates to clone, each adding its workflow, tasks and KPIs.
 */
templates: Array<string>, };

export type PilotPhase = { "phase": "not_started", days: number, } | { "phase": "in_window", day: number, } | { "phase": "ended", days: number, };

export type PilotDetail = { pilot: Pilot, phase: PilotPhase, reviewDate: string, 
/**
 * When the steering group is asked to decide by.
 */
decisionDue: string, changes: Array<ChangeRecord>, packs: Array<PackRecord>, };

export type ChangeRecord = { id: number, 
/**
 * RFC 3339 timestamp in UTC.
 */
at: string, actor: string, 
/**
 * The kind of record changed, e.g. "pilot".
 */
entity: string, entityId: string, 
/**
 * What happened, e.g. "created".
 */
action: string, summary: string, };

export type PackKind = "proposal" | "decision";

export type PackRecord = { id: number, kind: PackKind, pilotId: number | null, title: string, subject: string, producedAt: string, producedBy: string, 
/**
 * SHA-256 of the pack's content; the footer prints its first 16 digits.
 */
contentHash: string, pages: number, paperSize: PaperSize, 
/**
 * Where it was saved, if it was saved to a file.
 */
path: string | null, };

export type BasicsInput = { name: string, objective: string, startDate: string, sponsor: string, budget: string, aiAgenda: string, };

export type TemplateSummary = { key: string, workflow: string, summary: string, tasks: Array<string>, kpis: Array<string>, };

export type CoachingMoment = { 
/**
 * What the manager asks or does, e.g. "Replay one moment where the buyer named a pain".
 */
prompt: string, 
/**
 * How often a week, e.g. 2 for "twice a week".
 */
perWeek: number, 
/**
 * How long it takes; 5 to 15 minutes is the micro-coaching range.
 */
minutes: number, };

export type PlaybookTask = { id: number, workflowId: number, position: number, 
/**
 * The behaviour to coach.
 */
behaviour: string, moments: Array<CoachingMoment>, 
/**
 * The competency it builds.
 */
competency: string, 
/**
 * The skill module that supports it.
 */
skillModule: string, 
/**
 * The KPI it is expected to move.
 */
kpiId: number | null, };

export type Workflow = { id: number, position: number, name: string, 
/**
 * The built-in template it was cloned from, if any.
 */
template: string | null, tasks: Array<PlaybookTask>, };

export type MomentInput = { prompt: string, perWeek: string, minutes: string, };

export type TaskInput = { behaviour: string, moments: Array<MomentInput>, competency: string, skillModule: string, kpiId: number | null, };

export type Direction = "higher" | "lower";

export type Baseline = { start: string, end: string, value: number, };

export type SuccessCriterion = { 
/**
 * The lift to reach, in the KPI's unit, in its good direction.
 */
targetLift: number, 
/**
 * Whether the 95% interval of the effect must also exclude zero.
 */
intervalAboveZero: boolean, 
/**
 * The decision rule in words.
 */
rule: string, };

export type Kpi = { id: number, position: number, name: string, 
/**
 * e.g. "days", "%", "points".
 */
unit: string, direction: Direction, 
/**
 * What one unit of improvement is worth; none when the KPI is not monetised.
 */
valuePerUnit: Money | null, dataSource: string, baseline: Baseline | null, criterion: SuccessCriterion | null, };

export type KpiInput = { id: number | null, name: string, unit: string, 
/**
 * "higher" or "lower".
 */
direction: string, 
/**
 * Money per unit, e.g. "350"; empty when not monetised.
 */
valuePerUnit: string, dataSource: string, baselineStart: string, baselineEnd: string, baselineValue: string, targetLift: string, intervalAboveZero: boolean, };

export type ComparisonDesign = "randomised_waitlist" | "matched_teams" | "staggered_waves" | "hand_picked" | "none";

export type Arm = "pilot" | "comparison";

export type CohortMember = { managerId: string, managerName: string, team: string, 
/**
 * Direct reports: the people this manager coaches.
 */
teamSize: number, arm: Arm, wave: number | null, 
/**
 * For matched teams: the pilot manager this comparison team stands beside.
 */
matchedWith: string | null, 
/**
 * How different the matched teams are (0 = identical).
 */
matchDistance: number | null, };

export type Cohort = { design: ComparisonDesign, 
/**
 * The seed of a randomised draw; the same seed and managers give the same assignment.
 */
seed: string | null, members: Array<CohortMember>, };

export type ManagerCandidate = { id: string, name: string, role: string, team: string, teamSize: number, };

export type CohortInput = { design: string, 
/**
 * For a randomised waitlist or staggered waves: every candidate manager. For matched
 * teams or no comparison: the pilot managers. Empty for hand-picked teams.
 */
managerIds: Array<string>, 
/**
 * Reuse a recorded seed to reproduce a draw; empty draws a new one.
 */
seed: string, 
/**
 * For hand-picked teams: every manager in these teams joins the pilot arm.
 */
pilotTeams: Array<string>, 
/**
 * For hand-picked teams: every manager in these teams joins the comparison arm.
 */
comparisonTeams: Array<string>, };

export type BudgetCategory = "tooling" | "analytics" | "vendor";

export type Pricing = "fixed" | "per_seat" | "per_module";

export type BudgetLine = { category: BudgetCategory, description: string, pricing: Pricing, unitCost: Money, 
/**
 * Seats or modules; 1 for a fixed line.
 */
quantity: number, };

export type TimeCosts = { managerHoursPerWeek: number, managerHourlyCost: Money, coachCount: number, coachHoursPerWeek: number, coachHourlyCost: Money, coacheeHoursPerWeek: number, coacheeHourlyCost: Money, };

export type CostRow = { label: string, 
/**
 * How it was computed, e.g. "4 managers × 1.5 h × 13 weeks × USD 65".
 */
basis: string, amount: Money, };

export type BudgetEstimate = { rows: Array<CostRow>, toolingAndAnalytics: Money, vendor: Money, peopleTime: Money, total: Money, managers: number, coachees: number, weeks: number, };

export type BudgetLineInput = { category: string, description: string, pricing: string, unitCost: string, quantity: string, };

export type TimeCostsInput = { managerHoursPerWeek: string, managerHourlyCost: string, coachCount: string, coachHoursPerWeek: string, coachHourlyCost: string, coacheeHoursPerWeek: string, coacheeHourlyCost: string, };

export type BudgetInput = { lines: Array<BudgetLineInput>, time: TimeCostsInput, };

export type ItemStatus = "met" | "not_met" | "waived" | "not_yet_applicable";

export type ChecklistMark = { item: string, 
/**
 * "waived" or "confirmed".
 */
kind: string, reason: string, by: string, at: string, };

export type ChecklistItem = { 
/**
 * Stable key, e.g. "kpis"; used to waive or confirm the item.
 */
key: string, step: number, title: string, status: ItemStatus, 
/**
 * Why it has that status, from the data.
 */
reason: string, 
/**
 * Present when the item is waived or confirmed by hand.
 */
mark: ChecklistMark | null, 
/**
 * True when the data cannot say it and a person confirms it.
 */
confirmedByHand: boolean, };

export type ChecklistStep = { step: number, title: string, items: Array<ChecklistItem>, 
/**
 * Items met or waived.
 */
done: number, 
/**
 * Items that apply now.
 */
applicable: number, };

export type Readiness = { pilotId: number, steps: Array<ChecklistStep>, 
/**
 * Every Step 1 item met or waived: the pilot may be submitted.
 */
step1Complete: boolean, };

export type Transition = { id: number, from: PilotStatus, to: PilotStatus, at: string, actor: string, reason: string, 
/**
 * The readiness checklist as JSON, as it stood.
 */
evidence: string, };

export type ReviewFeedback = { decisionId: number, decidedAt: string, summary: string, votes: Array<Vote>, };

export type PilotDesign = { pilot: Pilot, workflows: Array<Workflow>, kpis: Array<Kpi>, cohort: Cohort, budgetLines: Array<BudgetLine>, timeCosts: TimeCosts, estimate: BudgetEstimate, marks: Array<ChecklistMark>, readiness: Readiness, transitions: Array<Transition>, 
/**
 * Once approved, baselines and success criteria cannot change without a new decision.
 */
criteriaLocked: boolean, 
/**
 * The design can be edited only in Draft or Ready.
 */
editable: boolean, 
/**
 * Where the pilot may be moved next by hand; the steering group's decisions take it
 * to the others.
 */
nextStatuses: Array<PilotStatus>, 
/**
 * The steering group's comments when it asked for changes, while the pilot is being
 * redesigned.
 */
feedback: ReviewFeedback | null, };

export type CurrentUser = { 
/**
 * Absent until someone is chosen from People.
 */
person: Person | null, 
/**
 * The name recorded on changes.
 */
name: string, 
/**
 * Their steering-group function, if they are a member.
 */
steeringFunction: MemberFunction | null, 
/**
 * The person suggested on first start: the one the workspace's changes were last
 * recorded under, if they are in People.
 */
suggested: Person | null, };

export type PersonInput = { 
/**
 * The employee id; empty to have one made up.
 */
id: string, name: string, email: string, team: string, role: string, };

export type MemberFunction = "hr" | "analytics" | "finance" | "frontline" | "other";

export type SteeringMember = { personId: string, name: string, role: string, team: string, function: MemberFunction, joinedAt: string, };

export type Threshold = "majority" | "two_thirds" | "unanimous";

export type VoteBasis = "eligible_members" | "votes_cast";

export type QuorumRule = { 
/**
 * Each must cast at least one vote (recused members do not count).
 */
requiredFunctions: Array<MemberFunction>, threshold: Threshold, basis: VoteBasis, 
/**
 * The rule in one sentence.
 */
description: string, };

export type QuorumRuleInput = { requiredFunctions: Array<string>, threshold: string, basis: string, };

export type ItemKind = "approval" | "day45_review" | "day90_outcome" | "criteria_change";

export type VoteChoice = "approve" | "reject" | "request_changes" | "continue" | "stop" | "scale" | "iterate";

export type ItemState = "open" | "decided" | "withdrawn";

export type GovernanceItem = { id: number, pilotId: number, pilotName: string, pilotStatus: PilotStatus, kind: ItemKind, 
/**
 * What is asked, in one sentence.
 */
subject: string, dueOn: string, openedAt: string, openedBy: string, state: ItemState, 
/**
 * The proposed change, for a criteria change, as JSON.
 */
payload: string, 
/**
 * Open, and its due date has passed.
 */
overdue: boolean, 
/**
 * Days until it is due; negative once overdue.
 */
daysLeft: number, 
/**
 * Members may vote now (a gate opens when the pilot reaches it).
 */
votingOpen: boolean, 
/**
 * Why voting has not opened, when it has not.
 */
votingNote: string, decisionId: number | null, };

export type Vote = { id: number, itemId: number, personId: string, name: string, function: MemberFunction, choice: VoteChoice, comment: string, at: string, 
/**
 * A later vote by the same member replaced it.
 */
superseded: boolean, 
/**
 * The member recused after voting, so it does not count.
 */
recused: boolean, logId: number, };

export type Recusal = { personId: string, name: string, reason: string, at: string, };

export type Tally = { choice: VoteChoice, count: number, };

export type QuorumStatus = { 
/**
 * The decision, once the rule is met.
 */
outcome: VoteChoice | null, 
/**
 * Decided because every eligible member voted and no option reached the threshold.
 */
withoutMajority: boolean, eligible: number, recused: number, 
/**
 * Eligible members whose vote counts.
 */
voted: number, 
/**
 * Votes one option needs, as things stand.
 */
needed: number, tally: Array<Tally>, 
/**
 * Required functions without a counted vote yet.
 */
missingFunctions: Array<MemberFunction>, 
/**
 * Required functions no eligible member can represent: the item cannot be decided
 * until the group or the rule changes.
 */
unrepresentedFunctions: Array<MemberFunction>, 
/**
 * Eligible members who have not voted.
 */
yetToVote: Array<string>, 
/**
 * Where it stands and what is missing, in words.
 */
explanation: string, };

export type DecisionKind = "approval" | "day45_review" | "day90_outcome" | "criteria_change" | "tranche_release";

export type Decision = { id: number, pilotId: number, pilotName: string, itemId: number | null, kind: DecisionKind, 
/**
 * A vote choice ("approve", "scale"...) or "released".
 */
outcome: string, outcomeLabel: string, 
/**
 * The decision in one sentence.
 */
summary: string, decidedAt: string, recordedBy: string, 
/**
 * What it rested on, as JSON: the tally, or the measured lift.
 */
evidence: string, logId: number, };

export type VoteInput = { choice: string, comment: string, };

export type QueueEntry = { item: GovernanceItem, status: QuorumStatus, 
/**
 * The current user's own vote, if they cast one.
 */
myVote: VoteChoice | null, };

export type GovernanceQueue = { 
/**
 * Submitted pilots and criteria changes awaiting a vote.
 */
reviews: Array<QueueEntry>, 
/**
 * Stage gates not yet decided, soonest first.
 */
gates: Array<QueueEntry>, recentDecisions: Array<Decision>, overdue: number, };

export type VoterStanding = { personId: string | null, name: string, function: MemberFunction | null, canVote: boolean, canRecuse: boolean, 
/**
 * Why they cannot vote, when they cannot.
 */
note: string, vote: Vote | null, recused: boolean, };

export type ReviewView = { item: GovernanceItem, 
/**
 * Every item of the pilot, oldest first.
 */
items: Array<GovernanceItem>, design: PilotDesign, rule: QuorumRule, members: Array<SteeringMember>, votes: Array<Vote>, recusals: Array<Recusal>, status: QuorumStatus, me: VoterStanding, decision: Decision | null, 
/**
 * Every decision about the pilot, oldest first.
 */
decisions: Array<Decision>, vendors: Array<VendorProposal>, };

export type LogEntry = { id: number, at: string, actor: string, actorId: string | null, 
/**
 * e.g. "vote", "decision", "recusal", "tranche_release".
 */
kind: string, pilotId: number | null, summary: string, 
/**
 * The canonical JSON that the hash covers.
 */
content: string, prevHash: string, hash: string, };

export type BrokenEntry = { id: number, reason: string, };

export type ChainVerdict = { verified: boolean, entries: number, 
/**
 * The last entry's hash: the fingerprint of the whole log.
 */
headHash: string | null, firstBroken: BrokenEntry | null, 
/**
 * The verdict in one sentence.
 */
summary: string, };

export type DecisionLog = { verdict: ChainVerdict, 
/**
 * Newest first.
 */
entries: Array<LogEntry>, };

export type LiftMethod = "difference_in_differences" | "pre_post_trend";

export type LiftReport = { kpiId: number, kpiName: string, unit: string, method: LiftMethod, 
/**
 * True for the pre/post method.
 */
weakerEvidence: boolean, 
/**
 * The effect in the KPI's unit (post minus pre, pilot minus comparison).
 */
effect: number, standardError: number, degreesOfFreedom: number, 
/**
 * The 95% interval of the effect.
 */
intervalLow: number, intervalHigh: number, 
/**
 * The effect in the KPI's good direction: positive is better.
 */
improvement: number, 
/**
 * The 95% interval of the improvement.
 */
improvementLow: number, improvementHigh: number, pilotUnits: number, comparisonUnits: number, 
/**
 * Baseline trend per 30 days, per group, so parallel trends can be judged.
 */
pilotPreTrend: number | null, comparisonPreTrend: number | null, 
/**
 * Observations left out and why, e.g. a team shared by both groups.
 */
excluded: Array<string>, 
/**
 * The success criterion, if the KPI has one, and whether the data meet it.
 */
criterion: string | null, criterionMet: boolean, 
/**
 * The finding in one sentence.
 */
summary: string, };

export type TrancheRelease = { decisionId: number, at: string, by: string, };

export type Tranche = { id: number, pilotId: number, position: number, label: string, amount: Money, 
/**
 * The KPI whose success criterion must be met; none: the pilot's approval.
 */
kpiId: number | null, 
/**
 * The condition in words.
 */
condition: string, release: TrancheRelease | null, spent: Money, };

export type SpendEntry = { id: number, trancheId: number, spentOn: string, amount: Money, description: string, recordedAt: string, recordedBy: string, };

export type ConditionCheck = { met: boolean, 
/**
 * Why, with the figures.
 */
explanation: string, 
/**
 * The measured lift, for a KPI condition that could be measured.
 */
lift: LiftReport | null, };

export type TrancheLine = { tranche: Tranche, check: ConditionCheck, };

export type Ledger = { pilotId: number, pilotName: string, 
/**
 * The pilot's committed budget.
 */
budget: Money, 
/**
 * The sum of the tranches.
 */
committed: Money, released: Money, spent: Money, 
/**
 * Budget not yet split into tranches.
 */
unallocated: Money, 
/**
 * Released and not yet spent.
 */
available: Money, tranches: Array<TrancheLine>, spend: Array<SpendEntry>, 
/**
 * Tranches can be planned while the design is editable (Draft or Ready).
 */
planEditable: boolean, 
/**
 * The pilot's KPIs, whose success criteria can release a tranche.
 */
kpis: Array<Kpi>, };

export type TrancheInput = { label: string, amount: string, 
/**
 * The KPI whose criterion releases it; none for "on approval".
 */
kpiId: number | null, };

export type SpendInput = { amount: string, spentOn: string, description: string, };

export type PrivacyChecklist = { 
/**
 * Which personal data the vendor processes.
 */
personalData: string, 
/**
 * Where it is stored (country, region, provider).
 */
storageLocation: string, 
/**
 * How long it is kept, and what happens after.
 */
retention: string, 
/**
 * Sub-processors the vendor uses.
 */
subProcessors: string, };

export type VendorProposal = { id: number, pilotId: number | null, pilotName: string | null, vendor: string, 
/**
 * What they provide.
 */
offering: string, pricing: Pricing, unitPrice: Money, contractMonths: number, privacy: PrivacyChecklist, 
/**
 * Privacy questions answered, of four.
 */
privacyAnswered: number, updatedAt: string, };

export type VendorInput = { pilotId: number | null, vendor: string, offering: string, pricing: string, unitPrice: string, contractMonths: string, personalData: string, storageLocation: string, retention: string, subProcessors: string, };

export type Practice = "micro_coaching" | "ai_assisted" | "skills_as_a_service" | "coaching_analytics" | "coaching_networks" | "async_competency" | "general";

export type RiskStatus = "open" | "mitigated" | "closed";

export type Risk = { id: number, practice: Practice, title: string, ownerId: string | null, ownerName: string | null, mitigation: string, status: RiskStatus, pilotId: number | null, };

export type RiskInput = { practice: string, title: string, 
/**
 * A person's id; empty for no owner yet.
 */
ownerId: string, mitigation: string, status: string, pilotId: number | null, };

export type EventKind = "micro_coaching" | "ai_agenda" | "async_feedback" | "portfolio_review" | "live_check_in";

export type EventSource = "import" | "xapi" | "quick_log" | "generated";

export type CoachingEvent = { id: number, 
/**
 * Stable across exports and re-imports; the id of its xAPI statement.
 */
uid: string, managerId: string, managerName: string, coacheeId: string | null, coacheeName: string | null, 
/**
 * Wall-clock time where it happened.
 */
occurredAt: string, minutes: number, kind: EventKind, pilotId: number | null, pilotName: string | null, taskId: number | null, 
/**
 * The playbook task's behaviour.
 */
task: string | null, notes: string, source: EventSource, };

export type EventFilter = { pilotId: number | null, managerId: string | null, kind: EventKind | null, 
/**
 * First day, YYYY-MM-DD.
 */
from: string, 
/**
 * Last day, YYYY-MM-DD.
 */
to: string, offset: number, 
/**
 * At most 500; 100 when 0.
 */
limit: number, };

export type EventPage = { total: number, totalMinutes: number, offset: number, limit: number, events: Array<CoachingEvent>, };

export type QuickLogInput = { managerId: string, coacheeId: string, 
/**
 * An `EventKind` code or label.
 */
kind: string, minutes: string, pilotId: number | null, taskId: number | null, notes: string, 
/**
 * YYYY-MM-DDTHH:MM; empty means now.
 */
occurredAt: string, };

export type PersonChoice = { id: string, name: string, team: string, role: string, };

export type ManagerChoice = { id: string, name: string, team: string, reports: Array<PersonChoice>, };

export type TaskChoice = { id: number, workflow: string, behaviour: string, };

export type PilotChoice = { id: number, name: string, status: PilotStatus, tasks: Array<TaskChoice>, 
/**
 * Managers in the pilot arm of its cohort.
 */
managers: Array<string>, };

export type QuickLogOptions = { managers: Array<ManagerChoice>, pilots: Array<PilotChoice>, 
/**
 * The current user, when they manage people.
 */
defaultManager: string | null, };

export type ImportKind = "people" | "events" | "observations" | "xapi";

export type FieldSpec = { key: string, label: string, required: boolean, 
/**
 * What the column holds, e.g. "YYYY-MM-DD or an Excel date".
 */
hint: string, 
/**
 * The column (an index into the headers), detected from the header names or chosen.
 */
column: number | null, };

export type PreviewRow = { line: number, cells: Array<string>, };

export type ImportPreview = { kind: ImportKind, fileName: string, 
/**
 * How the file was read, in words: "CSV, semicolon-separated, UTF-8 with BOM".
 */
format: string, 
/**
 * The sheets of a workbook; empty for CSV and JSON.
 */
sheets: Array<string>, sheet: string | null, headers: Array<string>, rows: Array<PreviewRow>, 
/**
 * Rows (records) after the header, blank lines not counted.
 */
rowCount: number, 
/**
 * Empty for xAPI, which needs no mapping.
 */
fields: Array<FieldSpec>, };

export type FieldMapping = { field: string, column: number | null, };

export type ImportRequest = { kind: ImportKind, path: string, sheet: string | null, mapping: Array<FieldMapping>, 
/**
 * Validate only: report what would change and write nothing.
 */
dryRun: boolean, };

export type ImportSummary = { kind: ImportKind, fileName: string, rows: number, inserted: number, updated: number, unchanged: number, dryRun: boolean, 
/**
 * The lineage record; none for a dry run or when nothing changed.
 */
importId: number | null, 
/**
 * Things worth knowing that are not problems, e.g. an xAPI result with more pages.
 */
notes: Array<string>, };

export type ImportRecord = { id: number, kind: string, fileName: string, contentHash: string, rows: number, inserted: number, updated: number, unchanged: number, at: string, actor: string, };

export type ExportSummary = { kind: ImportKind, path: string, rows: number, };

export type LoadLevel = "none" | "ok" | "near" | "over";

export type WeekLoad = { weekStart: string, events: number, minutes: number, hours: number, credits: number, level: LoadLevel, };

export type ManagerCredits = { managerId: string, name: string, team: string, reports: number, 
/**
 * One entry per week of the report, in order.
 */
weeks: Array<WeekLoad>, totalHours: number, totalCredits: number, peakHours: number, overloadedWeeks: number, };

export type TimeCreditsReport = { 
/**
 * Credits earned per coaching hour.
 */
creditRate: number, 
/**
 * Coaching hours per week above which a manager is overloaded.
 */
weeklyLoadHours: number, 
/**
 * The Mondays of the weeks shown, oldest first.
 */
weeks: Array<string>, 
/**
 * Managers who coached in the window, most loaded first.
 */
managers: Array<ManagerCredits>, totalHours: number, totalCredits: number, 
/**
 * Managers over the threshold in at least one week.
 */
overloadedManagers: number, 
/**
 * Managers at or near the threshold in the latest week.
 */
atRiskNow: number, };

export type Observation = { id: number, kpiId: number, personId: string | null, personName: string | null, team: string | null, observedOn: string, value: number, };

export type KpiDataSummary = { kpiId: number, pilotId: number, pilotName: string, name: string, unit: string, observations: number, 
/**
 * People and teams observed.
 */
units: number, first: string | null, last: string | null, mean: number | null, };

export type WeeklyMean = { weekStart: string, observations: number, mean: number, };

export type ObservationPage = { kpi: KpiDataSummary, weekly: Array<WeeklyMean>, total: number, offset: number, limit: number, observations: Array<Observation>, };

export type RiskFigure = { count: number, 
/**
 * count / headcount at the start (0-1).
 */
rate: number, 
/**
 * rate × 365 / days in the window: comparable across windows of different lengths.
 */
annualisedRate: number, };

export type ArmRiskFigures = { 
/**
 * People in the arm's teams on the first day of the window.
 */
headcount: number, 
/**
 * People whose leaving date falls in the window.
 */
leavers: RiskFigure, 
/**
 * People who changed team or manager at least once in the window.
 */
moves: RiskFigure, };

export type ArmRisk = { arm: Arm, 
/**
 * None when the arm is under the privacy floor (or empty).
 */
figures: ArmRiskFigures | null, 
/**
 * Why nothing is shown, e.g. "fewer than 5 people: not shown".
 */
note: string | null, };

export type RateDifference = { rate: number, annualisedRate: number, };

export type RiskDifference = { leavers: RateDifference, moves: RateDifference, };

export type FlightRisk = { windowStart: string, windowEnd: string, 
/**
 * Days in the window, both ends included.
 */
days: number, 
/**
 * The minimum group size applied.
 */
floor: number, pilot: ArmRisk, comparison: ArmRisk, 
/**
 * Shown only when both arms are.
 */
difference: RiskDifference | null, 
/**
 * The finding in one plain sentence.
 */
summary: string, };
