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

export type DateStyle = "day_month_year" | "month_day_year";

export type BackupKind = "daily" | "before_migration" | "before_restore" | "manual";

export type BackupRecord = { 
/**
 * The file's name in the backups folder.
 */
fileName: string, kind: BackupKind, 
/**
 * RFC 3339, UTC.
 */
createdAt: string, schemaVersion: number, 
/**
 * SHA-256 over the workspace's content (every table's rows), the same for the
 * workspace and for a copy restored from this backup.
 */
contentHash: string, bytes: number, };

export type BackupCheck = { fileName: string, ok: boolean, 
/**
 * What was found, in a sentence.
 */
message: string, };

export type BackupList = { folder: string, 
/**
 * Newest first.
 */
backups: Array<BackupRecord>, };

export type RestoreReport = { restored: BackupRecord, kept: BackupRecord, 
/**
 * The restored workspace's content hash: the backup's own.
 */
contentHash: string, };

export type UpdateCheckEvery = "never" | "day" | "week";

export type UpdatePreferences = { checkEvery: UpdateCheckEvery, 
/**
 * RFC 3339, UTC; absent until the first check.
 */
lastCheckedAt: string | null, };

export type UpdateOffer = { version: string, currentVersion: string, 
/**
 * The release notes, as published.
 */
notes: string | null, 
/**
 * RFC 3339, as published.
 */
publishedAt: string | null, };

export type UpdateCheck = { currentVersion: string, checkedAt: string, 
/**
 * Absent when there is nothing newer.
 */
offer: UpdateOffer | null, 
/**
 * Why nothing is offered, in a sentence ("the server offers 0.1.0, which is not newer
 * than this 0.1.0").
 */
reason: string | null, };

export type UpdateProgress = { downloadedBytes: number, 
/**
 * Absent when the server does not say how large the file is.
 */
totalBytes: number | null, };

export type UpdateInstalled = { version: string, bytes: number, };

export type WorkspaceOverview = { settings: WorkspaceSettings, peopleCount: number, teams: Array<Team>, pilotCount: number, databasePath: string | null, schemaVersion: number, 
/**
 * How dates are written, from the person's locale, so the window writes them as the
 * command line and the packs do.
 */
dateStyle: DateStyle, };

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

export type PilotPart = "manager" | "team_member";

export type PersonPilot = { pilotId: number, pilotName: string, status: PilotStatus, part: PilotPart, 
/**
 * "Pilot", "Waitlist" (the comparison arm of a randomised waitlist) or "Comparison".
 */
arm: string, 
/**
 * The wave they start in, for staggered waves.
 */
wave: number | null, 
/**
 * The cohort manager they are in the pilot through: themselves, or their manager.
 */
through: string, };

export type PersonCoaching = { given: number, givenMinutes: number, received: number, receivedMinutes: number, 
/**
 * The latest moments, given or received, latest first.
 */
latest: Array<CoachingEvent>, };

export type PersonCredits = { weeks: number, hours: number, credits: number, overloadedWeeks: number, };

export type PersonPage = { person: Person, managerName: string | null, 
/**
 * Their direct reports.
 */
reports: number, pilots: Array<PersonPilot>, coaching: PersonCoaching, 
/**
 * For someone who coached in the weeks the credits cover.
 */
credits: PersonCredits | null, 
/**
 * Their competencies and modules, once the skills area has records for them.
 */
skills: SkillProfile | null, };

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

export type PackKind = "proposal" | "decision" | "monthly" | "day45_review" | "outcome" | "portfolio";

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

export type PilotDesign = { pilot: Pilot, workflows: Array<Workflow>, kpis: Array<Kpi>, cohort: Cohort, budgetLines: Array<BudgetLine>, 
/**
 * Skill modules bought from the catalog for this pilot: vendor fees in its budget,
 * recorded under Skills rather than typed here.
 */
purchaseLines: Array<BudgetLine>, timeCosts: TimeCosts, estimate: BudgetEstimate, marks: Array<ChecklistMark>, readiness: Readiness, transitions: Array<Transition>, 
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
feedback: ReviewFeedback | null, 
/**
 * Each KPI's minimum detectable effect, from its baseline data and the cohort.
 */
mdes: Array<KpiMde>, };

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

export type SteeringMember = { personId: string, name: string, role: string, team: string, function: MemberFunction, joinedAt: string, 
/**
 * The fingerprint of their registered key, when they vote by signed ballot.
 */
keyFingerprint?: string, };

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
recused: boolean, logId: number, 
/**
 * The fingerprint of the key that signed the ballot it arrived in; none for a vote
 * cast in the app.
 */
fingerprint?: string, };

export type Recusal = { personId: string, name: string, reason: string, at: string, 
/**
 * As for a vote: the key that signed the ballot it arrived in.
 */
fingerprint?: string, };

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
 * Eligible members who have not voted, by person id.
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

export type PublicIdentity = { name: string, 
/**
 * Base64url, 32 bytes.
 */
publicKey: string, fingerprint: string, };

export type IdentityView = { name: string, publicKey: string, fingerprint: string, path: string, 
/**
 * Made on this start.
 */
createdNow: boolean, };

export type MemberKey = { personId: string, name: string, publicKey: string, fingerprint: string, addedAt: string, addedBy: string, };

export type MemberKeyInput = { personId: string, path: string, confirmedFingerprint: string, };

export type RosterEntry = { personId: string, name: string, function: MemberFunction, 
/**
 * None for a member without a registered key: they vote in the meeting, not by ballot.
 */
fingerprint: string | null, publicKey: string | null, };

export type SentBundle = { id: number, itemId: number, version: number, hash: string, packHash: string, sentAt: string, sentBy: string, 
/**
 * Where it was written.
 */
path: string, 
/**
 * Members who can vote by ballot (a registered key), and those who cannot.
 */
withKeys: Array<string>, withoutKeys: Array<string>, };

export type BundleView = { hash: string, bundleId: string, version: number, sentAt: string, senderName: string, senderFingerprint: string, itemId: number, itemKind: ItemKind, subject: string, dueOn: string, options: Array<VoteChoice>, 
/**
 * The lead's review of the pilot when the bundle was sent.
 */
review: ReviewView, roster: Array<RosterEntry>, 
/**
 * This machine's identity on the roster; none when its key is not registered.
 */
me: RosterEntry | null, myFingerprint: string, 
/**
 * Why this machine cannot vote on the bundle, when it cannot.
 */
cannotVote: string | null, packFileName: string, packHash: string, packBytes: number, 
/**
 * Ballots this machine cast from this bundle, newest last.
 */
cast: Array<CastBallot>, };

export type CastBallot = { id: number, bundleHash: string, pilotName: string, subject: string, 
/**
 * A vote choice, or "recuse".
 */
choice: string, comment: string, castAt: string, fileHash: string, };

export type BallotStatus = "counted" | "refused";

export type BallotReceipt = { id: number, fileName: string, receivedAt: string, status: BallotStatus, 
/**
 * Why it was refused; empty when counted.
 */
reason: string, itemId: number | null, pilotId: number | null, memberName: string | null, fingerprint: string, choice: string, castAt: string, 
/**
 * Where the item stands after this ballot, for a counted one.
 */
quorum: QuorumStatus | null, decisionId: number | null, };

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
decisions: Array<Decision>, vendors: Array<VendorProposal>, 
/**
 * For a day-90 outcome: what the rule registered before launch says, beside the
 * group's vote (as recorded with the decision, or on today's data until then).
 */
ruleVerdict: RuleVerdict | null, };

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

export type IssuedBadge = { id: number, certificationId: number, coachId: string, coachName: string, 
/**
 * "associate" or "certified".
 */
level: string, 
/**
 * The credential's id, a `urn:uuid`.
 */
credentialId: string, 
/**
 * The workspace as issuer: the did:key of its Ed25519 key.
 */
issuerId: string, 
/**
 * The certification's first and last valid days (YYYY-MM-DD).
 */
certifiedOn: string, validUntil: string, issuedAt: string, issuedBy: string, 
/**
 * The signed credential: a VC-JWT compact JWS, exactly as it was issued.
 */
credential: string, };

export type BadgeCheckKind = "structure" | "signature" | "dates" | "shape" | "claims";

export type BadgeCheckStatus = "passed" | "failed" | "notChecked";

export type BadgeCheck = { kind: BadgeCheckKind, status: BadgeCheckStatus, 
/**
 * What fails, one sentence each; empty when the check passed.
 */
problems: Array<string>, };

export type BadgeVerification = { valid: boolean, 
/**
 * The verdict in one sentence.
 */
summary: string, 
/**
 * Every check, in order, each passed, failed or not checked.
 */
checks: Array<BadgeCheck>, credentialId: string | null, issuerId: string | null, issuerName: string | null, 
/**
 * The key that signed, as the header names it.
 */
keyId: string | null, achievementName: string | null, validFrom: string | null, validUntil: string | null, };

export type LiftMethod = "difference_in_differences" | "pre_post_trend";

export type EvidenceStrength = "weak" | "limited" | "moderate" | "strong";

export type PermutationTest = { pValue: number, 
/**
 * 1 = the most extreme of all.
 */
rank: number, of: number, 
/**
 * Every re-assignment, rather than a sample of them.
 */
exhaustive: boolean, };

export type RandomisationTest = { pValue: number, draws: number, };

export type LiftDisplay = { 
/**
 * "6.2 days" (the improvement, in the KPI's good direction).
 */
improvement: string, 
/**
 * "3.1 to 9.3 days", when there is an interval.
 */
interval: string | null, 
/**
 * "p = 0.012 (placebo test over 26 teams)", when there is one.
 */
test: string | null, };

export type LiftReport = { kpiId: number, kpiName: string, unit: string, direction: Direction, method: LiftMethod, evidence: EvidenceStrength, 
/**
 * True for the pre/post method.
 */
weakerEvidence: boolean, 
/**
 * The effect in the KPI's unit (post minus pre, pilot minus comparison).
 */
effect: number, 
/**
 * The 95% interval of the effect, when the design supports one.
 */
intervalLow: number | null, intervalHigh: number | null, standardError: number | null, degreesOfFreedom: number | null, 
/**
 * The effect in the KPI's good direction: positive is better.
 */
improvement: number, improvementLow: number | null, improvementHigh: number | null, permutation: PermutationTest | null, randomisation: RandomisationTest | null, 
/**
 * Units are the teams (a manager's direct reports, or a team as a whole).
 */
pilotUnits: number, comparisonUnits: number, 
/**
 * People behind the units' observations.
 */
pilotPeople: number, comparisonPeople: number, 
/**
 * Mean change per unit in each group.
 */
pilotChange: number, comparisonChange: number | null, 
/**
 * Baseline trend per 30 days, per group, so parallel trends can be judged.
 */
pilotPreTrend: number | null, comparisonPreTrend: number | null, 
/**
 * Decimals the figures need, from their uncertainty.
 */
decimals: number, display: LiftDisplay, 
/**
 * What the data cannot show, in a plain sentence (one pilot team, say).
 */
limits: string | null, 
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
 * Skill modules bought for the pilot from the catalog: vendor fees in its budget and
 * ROI, listed here beside the spending from tranches.
 */
modulePurchases: Array<Purchase>, modulePurchasesTotal: Money, 
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
occurredAt: string, 
/**
 * The person confirmed a moment the playbook would not expect (too long for
 * micro-coaching, or before the pilot starts); without it such a moment is refused with
 * the reasons, code `needs_confirmation`.
 */
confirmed: boolean, };

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

export type ImportKind = "people" | "events" | "observations" | "xapi" | "module_progress";

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

export type ImportProgress = { rowsRead: number, 
/**
 * Rows checked so far; an import checks each row as it reads it.
 */
rowsChecked: number, 
/**
 * Rows written so far, in the import's transaction: none of them is kept if the
 * import is refused or cancelled.
 */
rowsWritten: number, 
/**
 * An estimate from the file's size; the last report may pass it.
 */
rowsExpected: number, };

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

export type CostCategory = "vendor" | "tooling" | "analytics" | "manager_time" | "coach_time" | "coachee_time";

export type BenefitLine = { kpi: string, 
/**
 * The KPI's unit, e.g. "days".
 */
unit: string, 
/**
 * The isolated effect in the KPI's good direction (positive is better).
 */
improvement: number, 
/**
 * The improvement's 95% interval, when there is one.
 */
improvementLow: number | null, improvementHigh: number | null, 
/**
 * What one unit of improvement is worth for one affected unit for a year.
 */
valuePerUnit: Money, affectedPerYear: number, 
/**
 * What the affected units are, e.g. "new hires".
 */
affectedUnit: string, 
/**
 * 0..=1, the stated confidence in the isolated effect.
 */
confidence: number, 
/**
 * improvement × value per unit × affected per year.
 */
annualValue: Money, 
/**
 * What counts towards the benefits: the annual value × confidence for a gain, the
 * whole annual value for a loss.
 */
adjustedValue: Money, 
/**
 * The arithmetic in words, naming every input, e.g.
 * "6.2 days × USD 350 × 40 new hires × 80% confidence = USD 69,440".
 */
formula: string, 
/**
 * The improvement this KPI alone would need for benefits to equal costs; absent when
 * no improvement of it can pay (no value, nobody affected, or no confidence).
 */
breakEvenImprovement: number | null, };

export type CostLine = { category: CostCategory, label: string, amount: Money, 
/**
 * How the amount was reached, e.g. "120 hours × USD 85".
 */
basis: string, };

export type CategoryCost = { category: CostCategory, label: string, total: Money, };

export type SensitivityPoint = { scale: number, benefits: Money, roiPercent: number, };

export type RoiFigures = { benefits: Array<BenefitLine>, costs: Array<CostLine>, 
/**
 * The sum of the adjusted benefit values.
 */
benefitsTotal: Money, costsTotal: Money, 
/**
 * Per category, in `CostCategory::ALL` order, only the categories that have costs.
 */
costsByCategory: Array<CategoryCost>, 
/**
 * Benefits / costs; absent when there are no costs.
 */
bcr: number | null, 
/**
 * (Benefits − costs) / costs × 100; absent when there are no costs.
 */
roiPercent: number | null, 
/**
 * Costs / (benefits / 12); absent when there is no benefit to pay them back.
 */
paybackMonths: number | null, 
/**
 * The factor on every measured effect at which benefits equal costs (1 is as measured,
 * 0.5 means half the measured effects would still pay); absent when no benefit.
 */
breakEvenScale: number | null, 
/**
 * Benefits and ROI % with every improvement at the low (high) end of its interval;
 * absent when any monetised KPI has no interval (`interval_note` says which).
 */
benefitsLow: Money | null, benefitsHigh: Money | null, roiPercentLow: number | null, roiPercentHigh: number | null, intervalNote: string | null, 
/**
 * ROI % for effect scale factors 0, 0.25, …, 2; empty when there are no costs.
 */
sensitivity: Array<SensitivityPoint>, 
/**
 * Listed, not monetised.
 */
intangibles: Array<string>, 
/**
 * The conservative choices made, in plain sentences for the methods appendix.
 */
methods: Array<string>, };

export type BalanceFlag = "balanced" | "check" | "imbalanced";

export type BalanceRow = { 
/**
 * e.g. "Team size, mean (SD)".
 */
label: string, 
/**
 * The figure (a count, a mean or a share from 0 to 1); absent when hidden or unknown.
 */
pilot: number | null, 
/**
 * The standard deviation, on rows that are a mean (SD).
 */
pilotSpread: number | null, comparison: number | null, comparisonSpread: number | null, 
/**
 * The figures as printed: "8.4 (2.1)", "34%", "hidden" (privacy floor) or "—".
 */
pilotText: string, comparisonText: string, 
/**
 * The standardised difference, pilot minus comparison.
 */
difference: number | null, flag: BalanceFlag | null, };

export type BalanceTable = { kpiLabel: string, unit: string, 
/**
 * The minimum group size applied.
 */
floor: number, rows: Array<BalanceRow>, 
/**
 * How to read the table and what was hidden and why.
 */
notes: Array<string>, };

export type RuleVerdict = { 
/**
 * Scale, Iterate or Stop.
 */
choice: VoteChoice, 
/**
 * The rule itself, word for word the same every time.
 */
rule: string, 
/**
 * One sentence per KPI and one for the conclusion.
 */
reasons: Array<string>, };

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

export type KeyNumber = { value: string, label: string, basis: string, };

export type KpiMde = { kpiId: number, 
/**
 * In the KPI's unit; none when it cannot be computed yet, with the reason.
 */
effect: number | null, display: string | null, reason: string | null, pilotUnits: number, comparisonUnits: number, 
/**
 * The criterion asks for less than the pilot can detect.
 */
criterionBelowMde: boolean, 
/**
 * The sentence shown beside the criterion.
 */
sentence: string, };

export type KpiPanel = { kpiId: number, name: string, unit: string, direction: Direction, criterion: string | null, lift: LiftReport | null, 
/**
 * Why the lift cannot be measured yet, when it cannot.
 */
notMeasured: string | null, mde: KpiMde | null, 
/**
 * Both groups month by month, the baseline and pilot windows marked.
 */
series: Chart, 
/**
 * The effect per 30-day period relative to the baseline, with intervals.
 */
eventStudy: Chart | null, };

export type TaskPractice = { taskId: number, workflow: string, behaviour: string, events: number, hours: number, };

export type CoachingPanel = { weeksElapsed: number, pilotManagers: number, pilotPeople: number, events: number, hours: number, eventsPerManagerWeek: number | null, 
/**
 * The comparison group's managers' own coaching, for contrast (business as usual).
 */
comparisonEventsPerManagerWeek: number | null, 
/**
 * In a typical week of the pilot, the share of the cohort coached at least once.
 */
shareCoachedWeekly: number | null, tasks: Array<TaskPractice>, credits: number, 
/**
 * Manager-weeks over the workspace's weekly load threshold.
 */
overloadedManagerWeeks: number, 
/**
 * Pilot managers over the threshold in at least one week.
 */
overloadedManagers: number, weekly: Chart, 
/**
 * Each team's coaching hours against its change on the first KPI.
 */
inputsAgainstOutcomes: Chart | null, summary: string, };

export type TrancheStatus = { label: string, amount: Money, condition: string, released: boolean, 
/**
 * Whether the data meet the condition today.
 */
met: boolean, explanation: string, };

export type CostPanel = { budget: Money, plannedLines: Money, tranchesCommitted: Money, released: Money, spent: Money, 
/**
 * The coaching time so far at the hourly costs of the roles involved.
 */
timeToDate: Money, 
/**
 * Spent plus time so far.
 */
fullyLoadedToDate: Money, tranches: Array<TrancheStatus>, chart: Chart, summary: string, };

export type UnitRow = { label: string, arm: Arm, people: number, coachingHours: number, events: number, 
/**
 * The unit's change on each KPI, in the order of the panels; none without data.
 */
changes: Array<number | null>, };

export type UnitTable = { kpis: Array<string>, rows: Array<UnitRow>, 
/**
 * Rows left out under the privacy floor (primary and complementary), counted only.
 */
hidden: number, note: string, };

export type RoiAssumption = { kpiId: number, kpiName: string, unit: string, 
/**
 * What one unit of improvement is worth for one affected person (deal, ticket) a year;
 * none when the KPI is not monetised (it is then listed as an intangible).
 */
valuePerUnit: Money | null, affectedPerYear: number, affectedUnit: string, 
/**
 * False when the default (the people in the pilot group) applies.
 */
affectedStated: boolean, 
/**
 * 0..=1.
 */
confidence: number, confidenceStated: boolean, 
/**
 * Where the confidence comes from, in words.
 */
confidenceBasis: string, };

export type RoiReport = { figures: RoiFigures, assumptions: Array<RoiAssumption>, 
/**
 * The people's time is projected from the days so far to the whole 90 days.
 */
projected: boolean, 
/**
 * Monetised benefit per coaching hour, first year, adjusted.
 */
impactPerHour: Money | null, costAgainstBenefit: Chart, sensitivity: Chart | null, 
/**
 * The ROI in one sentence, with its basis.
 */
summary: string, };

export type RoiAssumptionInput = { kpiId: number, affectedPerYear: string, affectedUnit: string, 
/**
 * A percentage, e.g. "80".
 */
confidence: string, };

export type RoiInput = { assumptions: Array<RoiAssumptionInput>, 
/**
 * Benefits listed, not monetised.
 */
intangibles: Array<string>, };

export type HourlyCost = { role: string, cost: Money, 
/**
 * People in People with this role.
 */
people: number, };

export type HourlyCostInput = { role: string, 
/**
 * Empty clears the role's own rate.
 */
cost: string, };

export type Dashboard = { pilotId: number, pilotName: string, status: PilotStatus, design: ComparisonDesign, startDate: string, endDate: string, 
/**
 * The data are read up to this day: today, or the end of the month asked for.
 */
asOf: string, 
/**
 * YYYY-MM.
 */
month: string, 
/**
 * Day N of the 90-day window (negative before launch).
 */
day: number, currency: string, minGroupSize: number, 
/**
 * The status in one sentence.
 */
headline: string, keyNumbers: Array<KeyNumber>, kpis: Array<KpiPanel>, 
/**
 * Lift per KPI with intervals, in one chart.
 */
liftChart: Chart | null, coaching: CoachingPanel, impactPerHour: KeyNumber | null, cost: CostPanel, roi: RoiReport | null, flightRisk: FlightRisk, units: UnitTable, 
/**
 * What the privacy floor held back, without saying who.
 */
privacyNotes: Array<string>, };

export type PilotCard = { pilotId: number, name: string, status: PilotStatus, startDate: string, endDate: string, day: number, 
/**
 * The next gate and its day, e.g. "Day-45 review, 25 Feb 2027".
 */
nextGate: string | null, nextGateOverdue: boolean, 
/**
 * The first KPI's lift in a few words, with its evidence.
 */
headlineKpi: string | null, budget: Money, spent: Money, packs: number, hasDashboard: boolean, };

export type PortfolioOverview = { asOf: string, pilots: Array<PilotCard>, };

export type HomeRole = "lead" | "member" | "sponsor";

export type InboxEntry = { itemId: number, pilotId: number, pilotName: string, kind: ItemKind, 
/**
 * What is asked, in one sentence.
 */
subject: string, dueOn: string, daysLeft: number, overdue: boolean, 
/**
 * Voting has opened and this member has neither voted nor stepped back.
 */
owesVote: boolean, 
/**
 * Their vote so far, which they may change until the decision.
 */
myVote: VoteChoice | null, 
/**
 * How many eligible members have voted, e.g. "2 of 5 eligible members have voted".
 */
progress: string, };

export type SponsorPack = { packId: number, kind: PackKind, title: string, producedAt: string, };

export type SponsorEntry = { pilotId: number, pilotName: string, status: PilotStatus, 
/**
 * The outcome decided at day 90, in words ("Scale"), once it is.
 */
verdict: string | null, verdictOn: string | null, 
/**
 * What the sponsor is waiting for, in a sentence, while there is no verdict.
 */
waitingFor: string, 
/**
 * Packs printed for this pilot, the newest first.
 */
packs: Array<SponsorPack>, };

export type Home = { 
/**
 * The current user's first name, for the greeting; empty before anyone is chosen.
 */
firstName: string, 
/**
 * The parts shown, the current user's own first.
 */
roles: Array<HomeRole>, 
/**
 * Every pilot at a glance, for the lead.
 */
overview: PortfolioOverview, 
/**
 * Votes owed and gates due or overdue, soonest first, for a steering-group member.
 */
inbox: Array<InboxEntry>, 
/**
 * The pilots the current user sponsors.
 */
sponsored: Array<SponsorEntry>, };

export type SeriesRole = "pilot" | "comparison" | "neutral" | "target";

export type SeriesPoint = { x: string, y: number, 
/**
 * The value as printed, with its unit and precision.
 */
display: string, 
/**
 * True when one or more periods before this point are missing. Renderers never join a
 * line across it: the line stops at the point before and starts again here.
 */
gapBefore: boolean, };

export type Series = { name: string, role: SeriesRole, 
/**
 * In date order. A period without a value (hidden under the privacy floor, or no data) is
 * left out, and the point after it says so with `gap_before`.
 */
points: Array<SeriesPoint>, };

export type Band = { from: string, to: string, label: string, };

export type Marker = { at: string, label: string, };

export type IntervalRow = { label: string, estimate: number, 
/**
 * The 95% interval; none when the data cannot give one (e.g. a single pilot unit).
 */
low: number | null, high: number | null, 
/**
 * The estimate and interval as printed, e.g. "+4.1 pts (1.2 to 7.0)".
 */
display: string, 
/**
 * Colours the row, e.g. baseline months `neutral` and pilot months `pilot` in an event
 * study. Intervals charts have no legend: the row labels say what each row is.
 */
role: SeriesRole, };

export type Reference = { value: number, label: string, };

export type BarGroup = { name: string, role: SeriesRole, 
/**
 * One per category; none where the value is hidden under the privacy floor.
 */
values: Array<number | null>, 
/**
 * One per category, as printed; for a hidden value, what to print instead (e.g. "<5").
 */
displays: Array<string>, };

export type ScatterPoint = { x: number, y: number, role: SeriesRole, };

export type FitLine = { slope: number, intercept: number, label: string, };

export type CurvePoint = { x: number, y: number, };

export type CurveLine = { name: string, role: SeriesRole, points: Array<CurvePoint>, };

export type ChartBody = { "kind": "series", series: Array<Series>, bands: Array<Band>, markers: Array<Marker>, } | { "kind": "intervals", rows: Array<IntervalRow>, references: Array<Reference>, } | { "kind": "bars", categories: Array<string>, groups: Array<BarGroup>, references: Array<Reference>, } | { "kind": "scatter", points: Array<ScatterPoint>, fit: FitLine | null, } | { "kind": "curve", lines: Array<CurveLine>, references: Array<Reference>, xReferences: Array<Reference>, };

export type Chart = { 
/**
 * Stable, e.g. "kpi-3-series"; the UI uses it as the chart's `data-testid`.
 */
id: string, 
/**
 * States the finding, e.g. "First-contact resolution rose 4.1 points in the pilot group".
 */
title: string, 
/**
 * Unit, period and evidence strength.
 */
subtitle: string | null, 
/**
 * The category or horizontal axis.
 */
xLabel: string, 
/**
 * The value axis, with its unit. In `intervals` charts the value axis runs across the page,
 * so this label is drawn under it.
 */
yLabel: string, body: ChartBody, 
/**
 * Sources, exclusions, the privacy floor applied.
 */
note: string | null, };

export type FrameworkSummary = { id: number, 
/**
 * The CASE CFDocument identifier, kept so a later version updates this framework.
 */
identifier: string, title: string, version: string, 
/**
 * Shipped with Pilotdesk rather than imported.
 */
builtin: boolean, competencies: number, 
/**
 * The highest proficiency level any competency defines.
 */
levels: number, updatedAt: string, };

export type ProficiencyLevel = { level: number, label: string, descriptor: string, };

export type CompetencyNode = { id: number, identifier: string, 
/**
 * What lists call it: the CASE abbreviatedStatement, else the full statement.
 */
name: string, statement: string, humanCoding: string, itemType: string, parentId: number | null, 
/**
 * 0 for a top-level item.
 */
depth: number, levels: Array<ProficiencyLevel>, };

export type FrameworkView = { summary: FrameworkSummary, description: string, publisher: string, competencies: Array<CompetencyNode>, 
/**
 * Associations other than the tree itself, e.g. "2 isRelatedTo".
 */
otherAssociations: Array<string>, };

export type FrameworkImport = { framework: FrameworkSummary, 
/**
 * A framework already here with the same identifier was updated, not duplicated.
 */
updated: boolean, added: number, changed: number, 
/**
 * Competencies the new version dropped that modules or ratings still use, kept aside.
 */
retired: number, removed: number, };

export type CompetencyChoice = { id: number, label: string, framework: string, levels: Array<ProficiencyLevel>, };

export type Delivery = "self_paced" | "live_online" | "in_person" | "blended";

export type ModulePricing = "per_seat_month" | "per_module" | "site_licence";

export type ModuleTarget = { competencyId: number, competency: string, targetLevel: number, levelLabel: string, };

export type SkillModule = { id: number, title: string, vendor: string, durationHours: number, delivery: Delivery, pricing: ModulePricing, price: Money, targets: Array<ModuleTarget>, 
/**
 * Seats bought that are current today; None under a site licence (no limit).
 */
seatsBought: number | null, 
/**
 * People assigned the module (each holds a seat, finished or not).
 */
seatsUsed: number, spent: Money, };

export type ModuleTargetInput = { competencyId: number | null, targetLevel: string, };

export type ModuleInput = { title: string, vendor: string, durationHours: string, delivery: string, pricing: string, price: string, targets: Array<ModuleTargetInput>, };

export type PurchaseInput = { moduleId: number, pilotId: number | null, 
/**
 * Seats, or learners for a per-learner module; ignored for a site licence.
 */
seats: string, months: string, startsOn: string, };

export type Purchase = { id: number, moduleId: number, moduleTitle: string, vendor: string, pilotId: number | null, pilotName: string | null, pricing: ModulePricing, unitPrice: Money, 
/**
 * 0 under a site licence.
 */
seats: number, months: number, total: Money, startsOn: string, endsOn: string, purchasedAt: string, purchasedBy: string, 
/**
 * How the total was reached, e.g. "12 seats × 3 months × USD 40.00".
 */
basis: string, };

export type AssignInput = { moduleId: number, personId: string | null, team: string | null, pilotId: number | null, dueOn: string, };

export type AssignmentStatus = "not_started" | "in_progress" | "completed" | "overdue";

export type Assignment = { id: number, moduleId: number, moduleTitle: string, personId: string, personName: string, team: string, pilotId: number | null, assignedBy: string, assignedOn: string, dueOn: string, 
/**
 * Percent.
 */
progress: number, completedOn: string | null, passed: boolean | null, score: number | null, status: AssignmentStatus, 
/**
 * Where the last progress came from: hand, csv or xapi.
 */
source: string, };

export type ProgressInput = { assignmentId: number, progress: string, 
/**
 * Set when the module is finished.
 */
completedOn: string, passed: boolean | null, score: string, };

export type WarningKind = "unmapped" | "overlap";

export type PathWarning = { kind: WarningKind, moduleId: number, personId: string | null, message: string, };

export type BoardPerson = { id: string, name: string, role: string, assignments: Array<Assignment>, };

export type AssignmentBoard = { managerId: string, managerName: string, team: string, people: Array<BoardPerson>, warnings: Array<PathWarning>, };

export type Rater = "self" | "manager" | "assessor";

export type RatingInput = { personId: string, competencyId: number | null, level: string, rater: string, ratedOn: string, evidence: string, };

export type Rating = { id: number, personId: string, competencyId: number, competency: string, level: number, levelLabel: string, rater: Rater, ratedBy: string, ratedOn: string, evidence: string, };

export type RoleRequirementInput = { role: string, competencyId: number | null, level: string, };

export type RoleRequirement = { role: string, competencyId: number, competency: string, level: number, levelLabel: string, };

export type RequirementStatus = { requirement: RoleRequirement, 
/**
 * The level of the latest manager or assessor rating, if any.
 */
current: number | null, met: boolean, };

export type SkillProfile = { personId: string, name: string, team: string, role: string, assignments: Array<Assignment>, ratings: Array<Rating>, requirements: Array<RequirementStatus>, 
/**
 * The share of the role's required competencies met; None when the role requires none.
 */
readiness: number | null, warnings: Array<PathWarning>, };

export type HeatmapCell = { competencyId: number, 
/**
 * People in the team whose role requires it.
 */
requiredOf: number, met: number, 
/**
 * None when no one's role requires it, or when too few do to show (privacy floor).
 */
share: number | null, 
/**
 * Required of someone, but of fewer people than the privacy floor: no figure shown.
 */
hidden: boolean, };

export type HeatmapColumn = { competencyId: number, code: string, 
/**
 * The short name (CASE abbreviatedStatement), else the statement.
 */
name: string, statement: string, };

export type HeatmapRow = { team: string, people: number, cells: Array<HeatmapCell>, 
/**
 * Requirements met over requirements held, across the cells the team shows.
 */
readiness: number | null, 
/**
 * The team is smaller than the minimum group size: nothing is shown for it.
 */
suppressed: boolean, };

export type ReadinessHeatmap = { columns: Array<HeatmapColumn>, rows: Array<HeatmapRow>, minGroupSize: number, requirements: Array<RoleRequirement>, };

export type SkillCompletion = { competencyId: number, competency: string, 
/**
 * Fewer people than the privacy floor: the counts are withheld (sent as 0).
 */
hidden: boolean, assigned: number, completed: number, 
/**
 * None below the privacy floor.
 */
rate: number | null, };

export type SpeedToCompetency = { competencyId: number, competency: string, 
/**
 * Fewer people than the privacy floor: the counts are withheld (sent as 0).
 */
hidden: boolean, people: number, reached: number, censored: number, 
/**
 * None while fewer than half have reached it (the median is not known yet), or below
 * the privacy floor.
 */
medianDays: number | null, quartileLowDays: number | null, quartileHighDays: number | null, };

export type SeatUse = { moduleId: number, moduleTitle: string, 
/**
 * None under a site licence.
 */
bought: number | null, used: number, utilisation: number | null, };

export type SkillsReport = { pilotId: number, asOf: string, assignments: number, completion: Array<SkillCompletion>, speed: Array<SpeedToCompetency>, purchases: Array<Purchase>, seats: Array<SeatUse>, spend: Money, 
/**
 * Person-competency pairs that reached a module's target level after it was assigned,
 * over the competencies shown.
 */
competenciesGained: number, 
/**
 * None until someone gains one, and while any competency is hidden by the privacy
 * floor (spend over the shown ones alone would overstate it).
 */
costPerCompetencyGained: Money | null, readiness: number | null, warnings: Array<PathWarning>, minGroupSize: number, };

export type AuthorRole = "manager" | "peer" | "coach";

export type FeedbackInput = { personId: string, competencyId: number | null, authorRole: string, note: string, taskId: number | null, sampleId: number | null, 
/**
 * Empty for today.
 */
givenOn: string, };

export type Feedback = { id: number, personId: string, author: string, authorRole: AuthorRole, competencyId: number, competency: string, taskId: number | null, task: string | null, sampleId: number | null, note: string, givenOn: string, };

export type SampleInput = { personId: string, path: string, 
/**
 * Empty: the file's name.
 */
title: string, competencyId: number | null, };

export type Anchor = { "kind": "region", page: number, x: number, y: number, width: number, height: number, } | { "kind": "lines", from: number, to: number, };

export type AnnotationInput = { sampleId: number, competencyId: number | null, anchor: Anchor, note: string, };

export type Annotation = { id: number, sampleId: number, competencyId: number, competency: string, 
/**
 * "page 2, region at 10%/40%" or "lines 3-7".
 */
place: string, anchor: Anchor, note: string, author: string, createdAt: string, };

export type WorkSample = { id: number, personId: string, title: string, fileName: string, 
/**
 * What the content is, read from its bytes: "application/pdf", "image/png", ...
 */
mediaType: string, size: number, sha256: string, competencyId: number | null, competency: string | null, addedOn: string, addedBy: string, annotations: Array<Annotation>, };

export type SampleAdded = { sample: WorkSample, alreadyThere: boolean, 
/**
 * The same content is kept for someone else too; stored once.
 */
contentShared: boolean, };

export type SampleContent = { sampleId: number, fileName: string, mediaType: string, 
/**
 * The bytes, base64-encoded, for images and PDFs; empty otherwise.
 */
base64: string, 
/**
 * The text of a text sample; empty otherwise.
 */
text: string, };

export type ScoreInput = { competencyId: number | null, level: string, comment: string, };

export type ReviewInput = { personId: string, 
/**
 * Empty for today.
 */
reviewedOn: string, comment: string, scores: Array<ScoreInput>, };

export type ReviewScore = { competencyId: number, competency: string, level: number, levelLabel: string, 
/**
 * The level's behavioural descriptor in the framework.
 */
descriptor: string, comment: string, };

export type PortfolioReview = { id: number, personId: string, reviewer: string, reviewedOn: string, comment: string, scores: Array<ReviewScore>, };

export type Agreement = { firstReviewer: string, secondReviewer: string, 
/**
 * Competencies both scored.
 */
pairs: number, 
/**
 * None when there are too few pairs or every score is the same level.
 */
kappa: number | null, weights: string, 
/**
 * "CE.2: 1 against 4": to talk through in a calibration conversation.
 */
flagged: Array<string>, };

export type CheckInFlag = { personId: string, name: string, managerId: string | null, weeks: number, lastLiveCheckIn: string | null, asyncItems: number, };

export type Portfolio = { personId: string, name: string, team: string, role: string, samples: Array<WorkSample>, feedback: Array<Feedback>, reviews: Array<PortfolioReview>, agreement: Agreement | null, 
/**
 * Async activity with no live check-in for the workspace's number of weeks.
 */
missingCheckIn: CheckInFlag | null, };

export type AsyncReport = { pilotId: number, pilotName: string, 
/**
 * The pilot's start to today (or to its end, when it has ended).
 */
from: string, to: string, minGroupSize: number, 
/**
 * People in the pilot's teams: the direct reports of its pilot-arm managers.
 */
pilotPeople: number, 
/**
 * The pilot group is under the minimum group size: nothing but its size is shown.
 */
hidden: boolean, frequency: FeedbackFrequency, firstFeedback: FirstFeedbackFigures, quality: QualityFigures, promotion: PromotionFigures, checkIns: CheckInCount, 
/**
 * Per pilot team; a team under the minimum group size is listed with `hidden` set and
 * no figures.
 */
teams: Array<TeamAsync>, };

export type FeedbackFrequency = { notes: number, 
/**
 * Notes received per person per week, everyone in the group counted.
 */
perPersonPerWeek: number | null, 
/**
 * Notes per calendar week, Monday first, empty weeks as 0.
 */
weekly: Array<WeekCount>, };

export type WeekCount = { weekStart: string, notes: number, };

export type FirstFeedbackFigures = { 
/**
 * People whose samples are counted.
 */
people: number, 
/**
 * Fewer people than the minimum group size added samples: no figures.
 */
hidden: boolean, samples: number, answered: number, waiting: number, 
/**
 * Kaplan-Meier median, waiting samples censored at their age.
 */
medianDays: number | null, 
/**
 * Answered samples only: shown beside the median, never in its place.
 */
medianDaysAnswered: number | null, longestWaitDays: number | null, };

export type QualityFigures = { reviewedPeople: number, meanLevel: number | null, topLevel: number, 
/**
 * People with two reviews or more, over whom the change is taken.
 */
reviewedTwice: number, firstMean: number | null, lastMean: number | null, change: number | null, };

export type VelocityFigures = { people: number, 
/**
 * Under the minimum group size: no figures.
 */
hidden: boolean, promoted: number, roleChanges: number, personYears: number, perPersonYear: number | null, medianDaysBetween: number | null, medianDaysBetweenWithWaiting: number | null, };

export type PromotionFigures = { pilot: VelocityFigures, comparison: VelocityFigures, 
/**
 * Pilot minus comparison, per person-year; none when either is hidden or unobserved.
 */
difference: number | null, };

export type CheckInCount = { weeks: number, 
/**
 * People in the pilot's teams with async coaching and no live check-in for `weeks`.
 */
flagged: number | null, };

export type TeamAsync = { team: string, people: number, hidden: boolean, notes: number | null, perPersonPerWeek: number | null, 
/**
 * None also when fewer than the minimum group size were reviewed in the team.
 */
meanLevel: number | null, };

export type AgendaContext = "onboarding" | "skill_practice" | "performance_conversation" | "conflict";

export type ContextRule = { context: AgendaContext, label: string, allowed: boolean, lowRisk: boolean, };

export type ModelSettings = { enabled: boolean, 
/**
 * The base URL, e.g. "http://127.0.0.1:8080/v1"; chat completions are posted below it.
 */
endpoint: string, 
/**
 * The model name the server expects, e.g. "llama3.2"; may be empty for llama.cpp.
 */
model: string, timeoutSeconds: number, 
/**
 * Hosts other than this computer that may be contacted, exactly as the workspace
 * listed them.
 */
allowedHosts: Array<string>, };

export type AgendaSettings = { contexts: Array<ContextRule>, model: ModelSettings, };

export type AgendaSettingsInput = { 
/**
 * Context codes in which suggestions are allowed.
 */
allowedContexts: Array<string>, modelEnabled: boolean, endpoint: string, model: string, timeoutSeconds: string, 
/**
 * Host names or addresses, one per line or separated by commas.
 */
allowedHosts: string, };

export type AgendaItemKind = "opening" | "prompt" | "practice" | "commitment" | "next_step";

export type AgendaItem = { 
/**
 * 1-based position, the number `agenda edit --item` takes.
 */
position: number, kind: AgendaItemKind, text: string, suggested: string, };

export type AgendaSource = "offline" | "model" | "fallback";

export type AgendaStatus = "open" | "accepted" | "edited" | "rejected";

export type RejectReason = "not_relevant" | "wrong_facts" | "wrong_tone" | "too_generic" | "not_now";

export type Agenda = { id: number, managerId: string, managerName: string, coacheeId: string, coacheeName: string, pilotId: number | null, pilotName: string | null, taskId: number | null, 
/**
 * The playbook task it works on.
 */
task: string | null, context: AgendaContext, minutes: number, items: Array<AgendaItem>, 
/**
 * What the suggestions rest on, one fact per line, so the manager can judge them.
 */
basis: Array<string>, source: AgendaSource, 
/**
 * For a model or a fall-back: which endpoint, or why it fell back.
 */
sourceNote: string, status: AgendaStatus, 
/**
 * For an edited agenda: the share of its text the manager changed, 0 to 1.
 */
changeShare: number | null, rejectReason: RejectReason | null, rejectNote: string, createdAt: string, decidedAt: string | null, decidedBy: string | null, };

export type AgendaSummary = { id: number, managerName: string, coacheeName: string, task: string | null, context: AgendaContext, source: AgendaSource, status: AgendaStatus, createdAt: string, };

export type AgendaRequest = { managerId: string, coacheeId: string, pilotId: number | null, taskId: number | null, 
/**
 * A context code; empty lets the pilot's workflow decide.
 */
context: string, 
/**
 * Ask the workspace's local model instead of the offline generator.
 */
useModel: boolean, 
/**
 * The hash of the preview the person saw; a model is asked only when what would be
 * sent still matches it.
 */
previewHash: string | null, };

export type Placeholder = { token: string, 
/**
 * What it stands for, without saying who: "the coachee", "another person".
 */
standsFor: string, };

export type ModelPreview = { 
/**
 * The URL the request goes to.
 */
url: string, 
/**
 * The request body, byte for byte.
 */
body: string, placeholders: Array<Placeholder>, hash: string, };

export type ItemEdit = { agendaId: number, position: number, text: string, };

export type RejectInput = { agendaId: number, 
/**
 * A reason code from the short list.
 */
reason: string, note: string, };

export type ReasonCount = { reason: RejectReason, label: string, count: number, };

export type AcceptanceFigures = { generated: number, 
/**
 * Still waiting for the manager's decision.
 */
open: number, acceptedAsIs: number, edited: number, rejected: number, 
/**
 * (accepted as is + edited) / decided; absent before the first decision.
 */
acceptanceRate: number | null, 
/**
 * accepted as is / decided.
 */
uneditedRate: number | null, 
/**
 * The mean share of the text changed in edited agendas, 0 to 1.
 */
meanChangeShare: number | null, reasons: Array<ReasonCount>, };

export type ContextCalibration = { context: AgendaContext, label: string, figures: AcceptanceFigures, };

export type ManagerCalibration = { managerId: string, managerName: string, figures: AcceptanceFigures, 
/**
 * Accepts nearly everything unedited over many agendas.
 */
overReliant: boolean, 
/**
 * Why the signal is raised or not, in a sentence.
 */
reason: string, };

export type Calibration = { overall: AcceptanceFigures, byContext: Array<ContextCalibration>, byManager: Array<ManagerCalibration>, 
/**
 * The signal needs at least this many decided agendas from one manager...
 */
signalMinAgendas: number, 
/**
 * ...of which at least this share was accepted unedited.
 */
signalUneditedShare: number, overReliantManagers: number, };

export type CoachLevel = "associate" | "certified";

export type RubricItem = { 
/**
 * Short and stable, as typed on the command line: `--score questions=3`.
 */
key: string, label: string, 
/**
 * What a 3 looks like, so two assessors score alike.
 */
description: string, };

export type LevelCriteria = { level: CoachLevel, 
/**
 * Coach training completed.
 */
training: boolean, 
/**
 * Coaching hours logged as the coach, within the evidence window.
 */
hours: number, 
/**
 * Sessions observed and scored against the rubric by a certified assessor.
 */
observations: number, 
/**
 * The lowest mean rubric score (1-4) over those sessions.
 */
minObservationMean: number, 
/**
 * Coachees' ratings of the coach (1-5).
 */
feedbackCount: number, minFeedbackMean: number, };

export type StandardCriteria = { 
/**
 * Lowest level first.
 */
levels: Array<LevelCriteria>, rubric: Array<RubricItem>, 
/**
 * How long a certification is valid.
 */
validityMonths: number, 
/**
 * How many days before expiry a coach may recertify at the same level.
 */
renewalDays: number, 
/**
 * Evidence older than this does not count, so a recertification rests on recent
 * practice rather than on the evidence of the first certification.
 */
evidenceMonths: number, 
/**
 * People (by id) who may assess before anyone is certified.
 */
approvedAssessors: Array<string>, 
/**
 * Roles whose holders may assess, e.g. the L&D lead.
 */
approvedAssessorRoles: Array<string>, };

export type Standard = { version: number, name: string, criteria: StandardCriteria, createdAt: string, createdBy: string, };

export type CoachStatus = "nominated" | "in_progress" | "certified" | "expired" | "withdrawn";

export type Coach = { personId: string, name: string, team: string, role: string, 
/**
 * Who nominated them, by name.
 */
nominatedBy: string, nominatedOn: string, trainedOn: string | null, withdrawnOn: string | null, note: string, };

export type CriterionKey = "training" | "hours" | "observations" | "observation_score" | "feedback_count" | "feedback_rating";

export type CriterionProgress = { key: CriterionKey, label: string, met: boolean, 
/**
 * "12 of 20 hours logged".
 */
reason: string, 
/**
 * Where the coach is, and what the level asks, for a progress bar.
 */
value: number, required: number, };

export type Certification = { id: number, coachId: string, level: CoachLevel, standardVersion: number, certifiedOn: string, validUntil: string, certifiedBy: string, 
/**
 * Each criterion's progress at the moment of certifying.
 */
evidence: Array<CriterionProgress>, revokedOn: string | null, };

export type CoachSummary = { coach: Coach, status: CoachStatus, 
/**
 * The level of the valid certification, when there is one.
 */
level: CoachLevel | null, validUntil: string | null, 
/**
 * The valid certification ends within the warning window (90 days).
 */
expiringSoon: boolean, 
/**
 * The level progress is shown towards: the next one up, or the current one to renew.
 */
targetLevel: CoachLevel, criteriaMet: number, criteriaTotal: number, hours: number, };

export type NominateInput = { personId: string, 
/**
 * The nominating manager's id; empty for the current user.
 */
nominatedBy: string, note: string, };

export type TrainingInput = { coachId: string, 
/**
 * The day the coach training was completed; empty for today.
 */
trainedOn: string, };

export type CertifyInput = { coachId: string, 
/**
 * "associate" or "certified".
 */
level: string, };

export type RubricScore = { item: string, label: string, 
/**
 * 1 (not yet) to 4 (exemplary).
 */
score: number, };

export type CoachObservation = { id: number, coachId: string, assessorId: string, assessorName: string, observedOn: string, scores: Array<RubricScore>, meanScore: number, note: string, };

export type RubricScoreInput = { 
/**
 * The rubric item's key.
 */
item: string, score: number | null, };

export type CoachObservationInput = { coachId: string, assessorId: string, 
/**
 * Empty for today.
 */
observedOn: string, 
/**
 * One score per rubric item.
 */
scores: Array<RubricScoreInput>, note: string, };

export type CoachFeedback = { id: number, coachId: string, coacheeId: string | null, coacheeName: string | null, rating: number, comment: string, givenOn: string, };

export type CoachFeedbackInput = { coachId: string, 
/**
 * Empty when the coachee gave it anonymously.
 */
coacheeId: string, rating: number | null, comment: string, 
/**
 * Empty for today.
 */
givenOn: string, };

export type LevelProgress = { level: CoachLevel, criteria: Array<CriterionProgress>, 
/**
 * Every criterion met.
 */
met: boolean, 
/**
 * Why certifying at this level is refused now, naming what is missing; none when the
 * coach may be certified at it.
 */
blocked: string | null, };

export type CoachProgress = { coach: Coach, status: CoachStatus, standard: Standard, levels: Array<LevelProgress>, 
/**
 * The valid certification, highest level first when there are two.
 */
current: Certification | null, 
/**
 * Every certification, newest first.
 */
certifications: Array<Certification>, observations: Array<CoachObservation>, feedback: Array<CoachFeedback>, 
/**
 * Coaching hours logged within the evidence window.
 */
hours: number, 
/**
 * Who may observe and score this coach's sessions today.
 */
assessors: Array<PersonChoice>, 
/**
 * People this coach has coached, for the feedback form.
 */
coachees: Array<PersonChoice>, };

export type CompetencyGap = { competency: string, 
/**
 * The coachee's latest rating; none when never rated.
 */
level: number | null, 
/**
 * What the role requires.
 */
target: number, };

export type MatchSuggestion = { 
/**
 * 1 for the best match.
 */
rank: number, coachId: string, name: string, team: string, level: CoachLevel, validUntil: string, 
/**
 * The coach's own latest rating on the competency to build.
 */
competencyRating: number | null, 
/**
 * Coaching hours a week, averaged over the last 4 weeks.
 */
weeklyHours: number, reasons: Array<string>, };

export type LeftOut = { coachId: string, name: string, reason: string, };

export type MatchReport = { coacheeId: string, coacheeName: string, team: string, role: string, gap: CompetencyGap | null, 
/**
 * The workspace's weekly coaching load threshold, in hours (time credits).
 */
weeklyLoadHours: number, suggestions: Array<MatchSuggestion>, leftOut: Array<LeftOut>, };

export type CalendarPair = { uid: string, coachId: string, coachName: string, coacheeId: string, coacheeName: string, 
/**
 * "Tuesday".
 */
weekday: string, 
/**
 * "09:30", wall-clock time in the calendar's zone.
 */
time: string, minutes: number, 
/**
 * 1 for weekly, 2 for fortnightly.
 */
intervalWeeks: number, 
/**
 * The first session of the series and how many there are.
 */
first: string, count: number, 
/**
 * The sessions the cadence was read from.
 */
sessions: number, };

export type SkippedPair = { coachName: string, coacheeName: string, reason: string, };

export type CalendarExport = { path: string, 
/**
 * The IANA zone the times are written in, e.g. "Europe/London".
 */
timeZone: string, pairs: Array<CalendarPair>, skipped: Array<SkippedPair>, };

export type TeamNetwork = { team: string, people: number, hidden: boolean, 
/**
 * People of the team with at least one tie.
 */
reached: number | null, reach: number | null, 
/**
 * Ties between two people of the team.
 */
tiesWithin: number | null, 
/**
 * Ties between someone of the team and someone of another.
 */
tiesAcross: number | null, };

export type CoachImpact = { kpiId: number, 
/**
 * Coachees with KPI data in both quarters.
 */
coachees: number, 
/**
 * Comparable people with KPI data in both quarters.
 */
comparison: number, 
/**
 * "the same team" or "the same role".
 */
comparisonBasis: string, 
/**
 * Coachees' mean change minus the comparison's, in the KPI's unit; none when hidden.
 */
effect: number | null, 
/**
 * The effect in the KPI's good direction (positive is better).
 */
improvement: number | null, 
/**
 * "+2.4 percentage points".
 */
display: string | null, 
/**
 * "0.3 to 4.5 percentage points", with two people or more in each group.
 */
interval: string | null, 
/**
 * Says plainly that this is weaker evidence, and why.
 */
evidence: string, 
/**
 * Why no figure is shown (the privacy floor, no data), when none is.
 */
notShown: string | null, };

export type CoachFigures = { personId: string, name: string, team: string, 
/**
 * Nominated as an internal coach (and not withdrawn) during the quarter.
 */
internal: boolean, events: number, hours: number, 
/**
 * Distinct people coached.
 */
coachees: number, 
/**
 * Distinct teams of those people, the coach's own included.
 */
teamsReached: number, 
/**
 * Coachees from a team other than the coach's.
 */
otherTeamCoachees: number, impact: CoachImpact | null, };

export type ImpactKpi = { kpiId: number, name: string, unit: string, direction: Direction, 
/**
 * The quarter before, whose mean each person's change is taken from.
 */
baselineQuarter: string, reason: string, };

export type NetworkFigures = { 
/**
 * "2026-Q3".
 */
quarter: string, from: string, to: string, minGroupSize: number, 
/**
 * People employed at some point of the quarter: n.
 */
people: number, 
/**
 * n(n-1)/2: every tie there could be.
 */
possibleTies: number, 
/**
 * Pairs of people with at least one coaching event between them in the quarter.
 */
ties: number, 
/**
 * ties / possible ties; none with fewer than two people.
 */
density: number | null, 
/**
 * People with at least one tie.
 */
reached: number, 
/**
 * reached / people.
 */
reach: number | null, 
/**
 * Ties whose two people are in different teams.
 */
crossTeamTies: number, 
/**
 * cross-team ties / ties.
 */
crossTeam: number | null, 
/**
 * Coaching events behind the ties, and their hours.
 */
events: number, hours: number, 
/**
 * Events of the quarter left out: no coachee, someone coaching themself, or someone
 * not employed during the quarter.
 */
excludedEvents: number, 
/**
 * Per team; a team under the minimum group size, and the fewest others needed so no
 * total gives it away, show no figures (`hidden`).
 */
teams: Array<TeamNetwork>, 
/**
 * Everyone who coached in the quarter, most coachees first.
 */
coaches: Array<CoachFigures>, 
/**
 * The KPI coach impact is measured on, when there is one with person-level data.
 */
impactKpi: ImpactKpi | null, };

export type LayoutTeam = { name: string, people: number, x: number, y: number, radius: number, };

export type NetworkNode = { id: string, 
/**
 * The person's name: the window shows it, a pack never prints it.
 */
label: string, 
/**
 * Index into `teams`.
 */
team: number, x: number, y: number, 
/**
 * An internal coach (nominated, not withdrawn, during the quarter).
 */
coach: boolean, 
/**
 * The person's ties in the quarter.
 */
ties: number, };

export type NetworkEdge = { 
/**
 * Indexes into `nodes`, `a` < `b`.
 */
a: number, b: number, 
/**
 * Coaching events between the two in the quarter, either way.
 */
weight: number, crossTeam: boolean, };

export type NetworkLayout = { width: number, height: number, teams: Array<LayoutTeam>, nodes: Array<NetworkNode>, edges: Array<NetworkEdge>, };

export type NetworkView = { 
/**
 * The quarter shown; none when the workspace has no coaching events yet.
 */
quarter: string | null, 
/**
 * Every quarter from the first coaching event to the last, oldest first.
 */
quarters: Array<string>, figures: NetworkFigures | null, layout: NetworkLayout, };
