// The one way the UI talks to the backend. Every call is typed with the types generated
// from the Rust side (types.gen.ts), and every failure arrives as an ApiError.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Agenda,
  AgendaRequest,
  AgendaSettings,
  AgendaSettingsInput,
  AgendaSummary,
  Annotation,
  AnnotationInput,
  ApiError,
  AssignInput,
  AsyncReport,
  Assignment,
  AssignmentBoard,
  BadgeVerification,
  BackupCheck,
  BackupList,
  BackupRecord,
  UpdateCheck,
  UpdateCheckEvery,
  UpdateInstalled,
  UpdatePreferences,
  UpdateProgress,
  BallotReceipt,
  BundleView,
  BasicsInput,
  BudgetInput,
  CalendarExport,
  Certification,
  CertifyInput,
  CheckInFlag,
  Coach,
  CoachFeedback,
  CoachFeedbackInput,
  CoachObservation,
  CoachObservationInput,
  CoachProgress,
  CoachSummary,
  Calibration,
  CoachingEvent,
  CohortInput,
  CompetencyChoice,
  CurrentUser,
  Dashboard,
  Decision,
  DecisionLog,
  EventFilter,
  EventPage,
  ExportSummary,
  Feedback,
  FeedbackInput,
  FrameworkImport,
  FrameworkSummary,
  FrameworkView,
  GovernanceQueue,
  Home,
  HourlyCost,
  HourlyCostInput,
  IdentityView,
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportRecord,
  ImportRequest,
  ImportSummary,
  IssuedBadge,
  ItemEdit,
  KpiDataSummary,
  KpiInput,
  KpiMde,
  Ledger,
  ModelPreview,
  LiftReport,
  ManagerCandidate,
  MatchReport,
  MemberKey,
  MemberKeyInput,
  ModuleInput,
  NetworkView,
  NewPilotInput,
  NominateInput,
  ObservationPage,
  PackRecord,
  PaperSize,
  Person,
  PersonHistory,
  PersonPage,
  RestoreReport,
  PersonInput,
  Pilot,
  PilotDesign,
  PilotDetail,
  PilotStatus,
  PilotSummary,
  Portfolio,
  PortfolioOverview,
  PortfolioReview,
  ProgressInput,
  Purchase,
  PurchaseInput,
  QuickLogInput,
  QuickLogOptions,
  QuorumRule,
  QuorumRuleInput,
  Rating,
  RatingInput,
  ReadinessHeatmap,
  RejectInput,
  ReviewInput,
  ReviewView,
  Risk,
  RiskInput,
  RoiInput,
  RoleRequirement,
  RoleRequirementInput,
  RuleVerdict,
  SampleAdded,
  SampleContent,
  SampleInput,
  SentBundle,
  SettingsInput,
  SkillModule,
  SkillProfile,
  SkillsReport,
  SpendInput,
  Standard,
  SteeringMember,
  TaskInput,
  TemplateSummary,
  TimeCreditsReport,
  TrancheInput,
  TrainingInput,
  VendorInput,
  VendorProposal,
  VoteInput,
  WorkspaceOverview,
  WorkspaceSettings,
} from "./types.gen";

export type * from "./types.gen";

/** True for the `{code, message, details}` errors the backend sends. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "message" in value &&
    Array.isArray((value as { details?: unknown }).details)
  );
}

/** Whatever was thrown, as an ApiError, so screens handle one shape. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message, details: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const api = {
  getOverview: () => call<WorkspaceOverview>("get_overview"),
  listPilots: () => call<PilotSummary[]>("list_pilots"),
  getPilotDetail: (id: number) => call<PilotDetail>("get_pilot_detail", { id }),
  validateNewPilot: (input: NewPilotInput) => call<null>("validate_new_pilot", { input }),
  createPilot: (input: NewPilotInput) => call<Pilot>("create_pilot", { input }),
  listPeople: () => call<Person[]>("list_people"),
  getPersonHistory: (personId: string) => call<PersonHistory>("get_person_history", { personId }),
  getPersonPage: (personId: string) => call<PersonPage>("get_person_page", { personId }),
  listBackups: () => call<BackupList>("list_backups"),
  createBackup: () => call<BackupRecord>("create_backup"),
  verifyBackup: (fileName: string) => call<BackupCheck>("verify_backup", { fileName }),
  /** Replaces the workspace with a backup; the workspace as it was is kept as a backup too. */
  restoreBackup: (fileName: string) => call<RestoreReport>("restore_backup", { fileName }),
  getUpdatePreferences: () => call<UpdatePreferences>("get_update_preferences"),
  setUpdateCheckEvery: (checkEvery: UpdateCheckEvery) =>
    call<UpdatePreferences>("set_update_check_every", { checkEvery }),
  /** Asks the update server now; an offer is kept until it is installed or checked again. */
  checkForUpdate: () => call<UpdateCheck>("check_for_update"),
  /** The check made on start: null when the chosen schedule says it is not time yet. */
  checkForUpdateIfDue: () => call<UpdateCheck | null>("check_for_update_if_due"),
  /** Downloads the offered update, verifies its signature and installs it. */
  installUpdate: (report: (progress: UpdateProgress) => void) => {
    const onProgress = new Channel<UpdateProgress>();
    onProgress.onmessage = report;
    return call<UpdateInstalled>("install_update", { onProgress });
  },
  /** Restarts into the installed update. */
  restartApp: () => call<void>("restart_app"),
  listPacks: () => call<PackRecord[]>("list_packs"),
  /** Opens a pack the app saved, in the system's PDF viewer. */
  openPack: (packId: number) => call<void>("open_pack", { packId }),
  /** Shows a pack the app saved in the file manager, selected. */
  showPackInFolder: (packId: number) => call<void>("show_pack_in_folder", { packId }),
  saveProposalPack: (pilotId: number, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_proposal_pack", { pilotId, path, paper: paper ?? null }),
  updateSettings: (input: SettingsInput) => call<WorkspaceSettings>("update_settings", { input }),

  // The designer. Every edit answers with the whole design as it now stands.
  getPilotDesign: (pilotId: number) => call<PilotDesign>("get_pilot_design", { pilotId }),
  listTemplates: () => call<TemplateSummary[]>("list_templates"),
  listManagerCandidates: () => call<ManagerCandidate[]>("list_manager_candidates"),
  updateBasics: (pilotId: number, input: BasicsInput) => call<PilotDesign>("update_basics", { pilotId, input }),
  addWorkflow: (pilotId: number, name: string) => call<PilotDesign>("add_workflow", { pilotId, name }),
  applyTemplate: (pilotId: number, key: string) => call<PilotDesign>("apply_template", { pilotId, key }),
  renameWorkflow: (workflowId: number, name: string) => call<PilotDesign>("rename_workflow", { workflowId, name }),
  removeWorkflow: (workflowId: number) => call<PilotDesign>("remove_workflow", { workflowId }),
  addTask: (workflowId: number, input: TaskInput) => call<PilotDesign>("add_task", { workflowId, input }),
  updateTask: (taskId: number, input: TaskInput) => call<PilotDesign>("update_task", { taskId, input }),
  removeTask: (taskId: number) => call<PilotDesign>("remove_task", { taskId }),
  saveKpi: (pilotId: number, input: KpiInput) => call<PilotDesign>("save_kpi", { pilotId, input }),
  removeKpi: (kpiId: number) => call<PilotDesign>("remove_kpi", { kpiId }),
  setCohort: (pilotId: number, input: CohortInput) => call<PilotDesign>("set_cohort", { pilotId, input }),
  setBudget: (pilotId: number, input: BudgetInput) => call<PilotDesign>("set_budget", { pilotId, input }),
  markChecklistItem: (pilotId: number, item: string, kind: "waived" | "confirmed", reason: string) =>
    call<PilotDesign>("mark_checklist_item", { pilotId, item, kind, reason }),
  clearChecklistMark: (pilotId: number, item: string) =>
    call<PilotDesign>("clear_checklist_mark", { pilotId, item }),
  transitionPilot: (pilotId: number, to: PilotStatus, reason: string) =>
    call<PilotDesign>("transition_pilot", { pilotId, to, reason }),
  submitPilot: (pilotId: number, reason: string) => call<PilotDesign>("submit_pilot", { pilotId, reason }),

  // Who is acting.
  getCurrentUser: () => call<CurrentUser>("get_current_user"),
  chooseUser: (personId: string) => call<CurrentUser>("choose_user", { personId }),
  addPersonAndChoose: (input: PersonInput) => call<CurrentUser>("add_person_and_choose", { input }),

  // The steering group's reviews. A vote or recusal answers with the review as it now stands.
  getGovernanceQueue: () => call<GovernanceQueue>("get_governance_queue"),
  getReview: (pilotId: number, itemId: number | null) => call<ReviewView>("get_review", { pilotId, itemId }),
  castVote: (itemId: number, input: VoteInput) => call<ReviewView>("cast_vote", { itemId, input }),
  recuseFromItem: (itemId: number, reason: string) => call<ReviewView>("recuse_from_item", { itemId, reason }),
  proposeCriteriaChange: (pilotId: number, input: KpiInput, reason: string) =>
    call<number>("propose_criteria_change", { pilotId, input, reason }),
  getDecisionLog: () => call<DecisionLog>("get_decision_log"),
  /** Writes a certification's Open Badges credential (VC-JWT) to `path`, issuing it first
   * when it has none yet; refused for a revoked or expired certification. */
  saveBadge: (certificationId: number, path: string) =>
    call<IssuedBadge>("save_badge", { certificationId, path }),
  /** Checks any credential file offline: structure, signature, dates, shape and claims. */
  verifyBadge: (path: string) => call<BadgeVerification>("verify_badge", { path }),
  listDecisions: (pilotId: number | null) => call<Decision[]>("list_decisions", { pilotId }),
  saveDecisionPack: (decisionId: number, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_decision_pack", { decisionId, path, paper: paper ?? null }),

  // The steering group itself.
  listSteeringMembers: () => call<SteeringMember[]>("list_steering_members"),
  addSteeringMember: (personId: string, fn: string) =>
    call<SteeringMember[]>("add_steering_member", { personId, function: fn }),
  removeSteeringMember: (personId: string) => call<SteeringMember[]>("remove_steering_member", { personId }),
  getQuorumRule: () => call<QuorumRule>("get_quorum_rule"),
  setQuorumRule: (input: QuorumRuleInput) => call<QuorumRule>("set_quorum_rule", { input }),

  // Outcome-based budget. Each change answers with the pilot's ledger.
  listLedgers: () => call<Ledger[]>("list_ledgers"),
  addTranche: (pilotId: number, input: TrancheInput) => call<Ledger>("add_tranche", { pilotId, input }),
  updateTranche: (trancheId: number, input: TrancheInput) => call<Ledger>("update_tranche", { trancheId, input }),
  removeTranche: (trancheId: number) => call<Ledger>("remove_tranche", { trancheId }),
  releaseTranche: (trancheId: number, note: string) => call<Ledger>("release_tranche", { trancheId, note }),
  recordSpend: (trancheId: number, input: SpendInput) => call<Ledger>("record_spend", { trancheId, input }),
  measureLift: (kpiId: number) => call<LiftReport>("measure_lift", { kpiId }),

  // Vendor proposals and the risk register.
  listVendors: () => call<VendorProposal[]>("list_vendors"),
  saveVendor: (id: number | null, input: VendorInput) => call<VendorProposal>("save_vendor", { id, input }),
  removeVendor: (id: number) => call<null>("remove_vendor", { id }),
  listRisks: () => call<Risk[]>("list_risks"),
  saveRisk: (id: number | null, input: RiskInput) => call<Risk>("save_risk", { id, input }),
  // Coaching data: imports, the events log, the quick log, time credits, KPI data, exports.
  previewImport: (path: string, kind: ImportKind, sheet?: string | null) =>
    call<ImportPreview>("preview_import", { path, kind, sheet: sheet ?? null }),
  /** Checks (a dry run) or imports a file, reporting rows read, checked and written. */
  runImport: (request: ImportRequest, report: (progress: ImportProgress) => void = () => {}) => {
    const onProgress = new Channel<ImportProgress>();
    onProgress.onmessage = report;
    return call<ImportSummary>("run_import", { request, onProgress });
  },
  /** Stops the running check or import; nothing of it is kept. */
  cancelImport: () => call<void>("cancel_import"),
  /** Reports how far a running import has read; call the returned function to stop. */

  listImports: () => call<ImportRecord[]>("list_imports"),
  listEvents: (filter: EventFilter) => call<EventPage>("list_events", { filter }),
  quickLogOptions: () => call<QuickLogOptions>("quick_log_options"),
  logCoaching: (input: QuickLogInput) => call<CoachingEvent>("log_coaching", { input }),
  timeCredits: (weeks: number, pilotId?: number | null) =>
    call<TimeCreditsReport>("time_credits", { weeks, pilotId: pilotId ?? null }),
  kpiData: () => call<KpiDataSummary[]>("kpi_data"),
  kpiObservations: (kpiId: number, offset: number, limit: number) =>
    call<ObservationPage>("kpi_observations", { kpiId, offset, limit }),
  exportData: (kind: ImportKind, path: string, filter?: EventFilter | null) =>
    call<ExportSummary>("export_data", { kind, path, filter: filter ?? null }),

  // The measure half: the dashboard (read to the end of `month`, YYYY-MM; null for today), the
  // overview of every pilot, the ROI assumptions, hourly costs per role and the results packs.
  getDashboard: (pilotId: number, month: string | null) => call<Dashboard>("get_dashboard", { pilotId, month }),
  getPortfolio: () => call<PortfolioOverview>("get_portfolio"),
  getHome: () => call<Home>("get_home"),
  getKpiMdes: (pilotId: number) => call<KpiMde[]>("get_kpi_mdes", { pilotId }),
  getRuleVerdict: (pilotId: number) => call<RuleVerdict>("get_rule_verdict", { pilotId }),
  /** Answers with the dashboard as it stands today. */
  setRoiAssumptions: (pilotId: number, input: RoiInput) => call<Dashboard>("set_roi_assumptions", { pilotId, input }),
  listHourlyCosts: () => call<HourlyCost[]>("list_hourly_costs"),
  /** An empty cost clears the role's own rate. Answers with every role's rate. */
  setHourlyCost: (input: HourlyCostInput) => call<HourlyCost[]>("set_hourly_cost", { input }),
  saveMonthlyPack: (pilotId: number, month: string | null, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_monthly_pack", { pilotId, month, path, paper: paper ?? null }),
  saveOutcomePack: (pilotId: number, day: 45 | 90, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_outcome_pack", { pilotId, day, path, paper: paper ?? null }),

  // Skills as a service: competency frameworks (CASE packages), the module catalog and its
  // purchases, assignments and progress, ratings, role requirements and what they add up to.
  listFrameworks: () => call<FrameworkSummary[]>("list_frameworks"),
  getFramework: (id: number) => call<FrameworkView>("get_framework", { id }),
  /** Reads the package at `path` and imports it whole, or refuses it with every problem. */
  importFramework: (path: string) => call<FrameworkImport>("import_framework", { path }),
  exportFramework: (id: number, path: string) => call<null>("export_framework", { id, path }),
  /** Competencies that have a proficiency scale: what a module can build and a rating rate. */
  listCompetencies: () => call<CompetencyChoice[]>("list_competencies"),
  listModules: () => call<SkillModule[]>("list_modules"),
  saveModule: (id: number | null, input: ModuleInput) => call<SkillModule>("save_module", { id, input }),
  buyModule: (input: PurchaseInput) => call<Purchase>("buy_module", { input }),
  listPurchases: (pilotId: number | null) => call<Purchase[]>("list_purchases", { pilotId }),
  /** Answers with the assignments made or renewed. */
  assignModule: (input: AssignInput) => call<Assignment[]>("assign_module", { input }),
  recordModuleProgress: (input: ProgressInput) => call<Assignment>("record_module_progress", { input }),
  getAssignmentBoard: (managerId: string) => call<AssignmentBoard>("get_assignment_board", { managerId }),
  rateCompetency: (input: RatingInput) => call<Rating>("rate_competency", { input }),
  listRoleRequirements: () => call<RoleRequirement[]>("list_role_requirements"),
  /** Each change answers with every role's requirements. */
  setRoleRequirement: (input: RoleRequirementInput) => call<RoleRequirement[]>("set_role_requirement", { input }),
  removeRoleRequirement: (role: string, competencyId: number) =>
    call<RoleRequirement[]>("remove_role_requirement", { role, competencyId }),
  getSkillProfile: (personId: string) => call<SkillProfile>("get_skill_profile", { personId }),
  /** Every team (null) or the pilot arm's teams of one pilot. */
  getReadinessHeatmap: (pilotId: number | null) => call<ReadinessHeatmap>("get_readiness_heatmap", { pilotId }),
  getSkillsReport: (pilotId: number) => call<SkillsReport>("get_skills_report", { pilotId }),

  // Asynchronous competency: a person's portfolio of work samples, their annotations,
  // micro-feedback, portfolio reviews against the framework, and the live check-ins that stay.
  getPersonPortfolio: (personId: string) => call<Portfolio>("get_person_portfolio", { personId }),
  giveFeedback: (input: FeedbackInput) => call<Feedback>("give_feedback", { input }),
  listFeedback: (personId: string | null) => call<Feedback[]>("list_feedback", { personId }),
  /** Reads the file; refuses one whose content is not what its extension says, or too large. */
  addWorkSample: (input: SampleInput) => call<SampleAdded>("add_work_sample", { input }),
  annotateSample: (input: AnnotationInput) => call<Annotation>("annotate_sample", { input }),
  getSampleContent: (sampleId: number) => call<SampleContent>("get_sample_content", { sampleId }),
  reviewPortfolio: (input: ReviewInput) => call<PortfolioReview>("review_portfolio", { input }),
  /** Everyone (null) or one manager's direct reports. */
  listCheckInFlags: (managerId: string | null) => call<CheckInFlag[]>("list_check_in_flags", { managerId }),
  getCheckInWeeks: () => call<number>("get_check_in_weeks"),
  setCheckInWeeks: (weeks: number) => call<null>("set_check_in_weeks", { weeks }),
  savePortfolioPack: (personId: string, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_portfolio_pack", { personId, path, paper: paper ?? null }),
  /** A pilot's async competency figures; a group under the privacy floor has them null. */
  getAsyncReport: (pilotId: number) => call<AsyncReport>("get_async_report", { pilotId }),
  /** A quarter's coaching network ("2026-Q3"; the latest with events when null): its
   * figures, the map's layout and the quarters to step through. */
  getNetwork: (quarter: string | null) => call<NetworkView>("get_network", { quarter }),
  /** Feedback and review scores as xAPI statements, one person's or everyone's (null);
   * answers with how many statements were written. */
  exportPortfolioXapi: (personId: string | null, path: string) =>
    call<number>("export_portfolio_xapi", { personId, path }),

  // Internal coaches and their certification against the workspace's standard; matching
  // across teams; each coaching pair's cadence as a calendar.
  listCoaches: () => call<CoachSummary[]>("list_coaches"),
  getCoachProgress: (coachId: string) => call<CoachProgress>("get_coach_progress", { coachId }),
  getCoachStandard: () => call<Standard>("get_coach_standard"),
  nominateCoach: (input: NominateInput) => call<Coach>("nominate_coach", { input }),
  recordCoachTraining: (input: TrainingInput) => call<Coach>("record_coach_training", { input }),
  recordCoachObservation: (input: CoachObservationInput) =>
    call<CoachObservation>("record_coach_observation", { input }),
  recordCoachFeedback: (input: CoachFeedbackInput) => call<CoachFeedback>("record_coach_feedback", { input }),
  /** Refused with one detail per unmet criterion (its field is the criterion's key). */
  certifyCoach: (input: CertifyInput) => call<Certification>("certify_coach", { input }),
  matchCoaches: (coacheeId: string) => call<MatchReport>("match_coaches", { coacheeId }),
  /** Every pair's cadence (one pilot's when given) as recurring events in this computer's
   * time zone; a re-export keeps each pair's UID. */
  saveCoachingCalendar: (path: string, pilotId: number | null) =>
    call<CalendarExport>("save_coaching_calendar", { path, pilotId }),

  // AI-assisted agendas: written offline, or by the workspace's local model after the person
  // has seen exactly what would be sent; every decision on them feeds calibration.
  getAgendaSettings: () => call<AgendaSettings>("get_agenda_settings"),
  updateAgendaSettings: (input: AgendaSettingsInput) => call<AgendaSettings>("update_agenda_settings", { input }),
  /** What would leave the app for the local model, byte for byte, and its hash. */
  previewAgendaRequest: (request: AgendaRequest) => call<ModelPreview>("preview_agenda_request", { request }),
  generateAgenda: (request: AgendaRequest) => call<Agenda>("generate_agenda", { request }),
  getAgenda: (id: number) => call<Agenda>("get_agenda", { id }),
  listAgendas: (managerId: string | null) => call<AgendaSummary[]>("list_agendas", { managerId }),
  editAgendaItem: (edit: ItemEdit) => call<Agenda>("edit_agenda_item", { edit }),
  acceptAgenda: (id: number) => call<Agenda>("accept_agenda", { id }),
  rejectAgenda: (input: RejectInput) => call<Agenda>("reject_agenda", { input }),
  /** The workspace's calibration, or one pilot's up to today. */
  getCalibration: (pilotId: number | null) => call<Calibration>("get_calibration", { pilotId }),
  saveAgendaCard: (id: number, path: string) => call<null>("save_agenda_card", { id, path }),
  /** `at` is the start in local time, "YYYY-MM-DD HH:MM". */
  saveAgendaCalendar: (id: number, at: string, path: string) => call<null>("save_agenda_calendar", { id, at, path }),

  // The steering group on its own machines: identities, keys, bundles and ballots.
  /** This machine's signing identity, made on first use. */
  getIdentity: () => call<IdentityView>("get_identity"),
  /** Writes the public half for the lead to register. */
  exportIdentity: (path: string) => call<IdentityView>("export_identity", { path }),
  listMemberKeys: () => call<MemberKey[]>("list_member_keys"),
  /** Registered only when the confirmed fingerprint matches the file's key. */
  addMemberKey: (input: MemberKeyInput) => call<MemberKey>("add_member_key", { input }),
  sendReviewBundle: (itemId: number, path: string) => call<SentBundle>("send_review_bundle", { itemId, path }),
  openReviewBundle: (path: string) => call<BundleView>("open_review_bundle", { path }),
  saveBundlePack: (bundlePath: string, path: string) => call<null>("save_bundle_pack", { bundlePath, path }),
  /** Writes the signed ballot and returns the bundle again, with the ballot read back. */
  voteByBallot: (bundlePath: string, input: VoteInput, path: string) =>
    call<BundleView>("vote_by_ballot", { bundlePath, input, path }),
  /** Each file is counted or refused with its reason; one refusal does not stop the rest. */
  receiveBallots: (paths: string[]) => call<BallotReceipt[]>("receive_ballots", { paths }),
  listReceivedBallots: (itemId: number | null) => call<BallotReceipt[]>("list_received_ballots", { itemId }),
  /** The review bundle the app was started with (a double-click in the file manager). */
  getLaunchFile: () => call<string | null>("get_launch_file"),
};

type FileFilter = { name: string; extensions: string[] };

// The dialogs are opened by the app itself, which remembers what the person chose: the
// commands that read or write a file accept only those paths.
const chooseOpen = (title: string, filters: FileFilter[], multiple = false) =>
  call<string[]>("choose_files", { title, filters, multiple });
const chooseSave = (title: string, suggestedName: string, filter: FileFilter) =>
  call<string | null>("choose_save_path", { title, suggestedName, filter });

/** Asks which files to open, for the steering group's bundles, ballots and keys; an empty
 * list when cancelled. */
export async function chooseFiles(title: string, filter: FileFilter, multiple = false): Promise<string[]> {
  return chooseOpen(title, [filter], multiple);
}

export const BUNDLE_FILES = { name: "Pilotdesk review bundle", extensions: ["pdreview"] };
export const BALLOT_FILES = { name: "Pilotdesk ballot", extensions: ["ballot"] };
export const IDENTITY_FILES = { name: "Pilotdesk public identity", extensions: ["json"] };

/** Asks where to save a PDF with the system's save dialog, starting in the person's
 * Documents folder; null when cancelled. */
export async function chooseSavePath(suggestedName: string): Promise<string | null> {
  return chooseSave("Save pack", suggestedName, { name: "PDF document", extensions: ["pdf"] });
}

/** The file types each import reads, for the open dialog. */
const IMPORT_FILTERS: Record<ImportKind, FileFilter[]> = {
  people: [{ name: "CSV or Excel workbook", extensions: ["csv", "txt", "xlsx", "xlsm", "xls", "ods"] }],
  events: [{ name: "CSV or Excel workbook", extensions: ["csv", "txt", "xlsx", "xlsm", "xls", "ods"] }],
  observations: [{ name: "CSV or Excel workbook", extensions: ["csv", "txt", "xlsx", "xlsm", "xls", "ods"] }],
  xapi: [{ name: "xAPI statements (JSON)", extensions: ["json"] }],
  module_progress: [{ name: "CSV or Excel workbook", extensions: ["csv", "txt", "xlsx", "xlsm", "xls", "ods"] }],
};

/** Asks which file to import with the system's open dialog; null when cancelled. */
export async function chooseImportFile(kind: ImportKind, title: string): Promise<string | null> {
  return (await chooseOpen(title, IMPORT_FILTERS[kind]))[0] ?? null;
}

/** Asks which CASE package (JSON) to import as a competency framework; null when cancelled. */
export async function chooseFrameworkFile(): Promise<string | null> {
  return (await chooseOpen("Import a CASE package", [{ name: "CASE package (JSON)", extensions: ["json"] }]))[0] ?? null;
}

/** Asks which file to add to a portfolio as a work sample; null when cancelled. */
export async function chooseSampleFile(filters: FileFilter[]): Promise<string | null> {
  return (await chooseOpen("Add a work sample", filters))[0] ?? null;
}

/** Asks where to save an export, starting in Documents; null when cancelled. The dialog's
 * title is "Export" unless another is given. */
export async function chooseExportPath(
  suggestedName: string,
  format: { name: string; extension: string },
  title = "Export",
): Promise<string | null> {
  return chooseSave(title, suggestedName, { name: format.name, extensions: [format.extension] });
}
