// Test-only helpers: a mocked api module and realistic backend data.
import { vi } from "vitest";
import type {
  CurrentUser,
  PackRecord,
  Person,
  PilotDetail,
  PilotSummary,
  SteeringMember,
  WorkspaceOverview,
} from "../api";

/** Replaces every backend call with a vi.fn(), keeping the real error helpers. */
export function mockApiModule<T extends object>(actual: T) {
  return {
    ...actual,
    api: {
      getOverview: vi.fn(),
      listPilots: vi.fn(),
      getPilotDetail: vi.fn(),
      validateNewPilot: vi.fn(),
      createPilot: vi.fn(),
      listPeople: vi.fn(),
      getPersonHistory: vi.fn(),
      getPersonPage: vi.fn(),
      // An empty list by default, so every screen that shows the Backups section renders without setup.
      listBackups: vi.fn(async () => ({ folder: "", backups: [] })),
      createBackup: vi.fn(),
      verifyBackup: vi.fn(),
      restoreBackup: vi.fn(),
      openPack: vi.fn(),
      showPackInFolder: vi.fn(),
      listPacks: vi.fn(),
      saveProposalPack: vi.fn(),
      updateSettings: vi.fn(),
      getPilotDesign: vi.fn(),
      listTemplates: vi.fn(),
      listManagerCandidates: vi.fn(),
      updateBasics: vi.fn(),
      addWorkflow: vi.fn(),
      applyTemplate: vi.fn(),
      renameWorkflow: vi.fn(),
      removeWorkflow: vi.fn(),
      addTask: vi.fn(),
      updateTask: vi.fn(),
      removeTask: vi.fn(),
      saveKpi: vi.fn(),
      removeKpi: vi.fn(),
      setCohort: vi.fn(),
      setBudget: vi.fn(),
      markChecklistItem: vi.fn(),
      clearChecklistMark: vi.fn(),
      transitionPilot: vi.fn(),
      submitPilot: vi.fn(),
      getCurrentUser: vi.fn(),
      chooseUser: vi.fn(),
      addPersonAndChoose: vi.fn(),
      getGovernanceQueue: vi.fn(),
      getReview: vi.fn(),
      castVote: vi.fn(),
      recuseFromItem: vi.fn(),
      proposeCriteriaChange: vi.fn(),
      getDecisionLog: vi.fn(),
      listDecisions: vi.fn(),
      saveDecisionPack: vi.fn(),
      listSteeringMembers: vi.fn(),
      addSteeringMember: vi.fn(),
      removeSteeringMember: vi.fn(),
      getQuorumRule: vi.fn(),
      setQuorumRule: vi.fn(),
      listLedgers: vi.fn(),
      addTranche: vi.fn(),
      updateTranche: vi.fn(),
      removeTranche: vi.fn(),
      releaseTranche: vi.fn(),
      recordSpend: vi.fn(),
      measureLift: vi.fn(),
      listVendors: vi.fn(),
      saveVendor: vi.fn(),
      removeVendor: vi.fn(),
      listRisks: vi.fn(),
      saveRisk: vi.fn(),
      previewImport: vi.fn(),
      runImport: vi.fn(),
      onImportProgress: vi.fn(async () => () => undefined),
      listImports: vi.fn(),
      listEvents: vi.fn(),
      quickLogOptions: vi.fn(),
      logCoaching: vi.fn(),
      timeCredits: vi.fn(),
      kpiData: vi.fn(),
      kpiObservations: vi.fn(),
      exportData: vi.fn(),
      getDashboard: vi.fn(),
      getPortfolio: vi.fn(),
      getHome: vi.fn(),
      getKpiMdes: vi.fn(),
      getRuleVerdict: vi.fn(),
      setRoiAssumptions: vi.fn(),
      listHourlyCosts: vi.fn(),
      setHourlyCost: vi.fn(),
      saveMonthlyPack: vi.fn(),
      saveOutcomePack: vi.fn(),
      listModules: vi.fn(),
      getSkillsReport: vi.fn(),
      getAsyncReport: vi.fn(),
      getAgendaSettings: vi.fn(),
      updateAgendaSettings: vi.fn(),
      previewAgendaRequest: vi.fn(),
      generateAgenda: vi.fn(),
      getAgenda: vi.fn(),
      listAgendas: vi.fn(),
      editAgendaItem: vi.fn(),
      acceptAgenda: vi.fn(),
      rejectAgenda: vi.fn(),
      getCalibration: vi.fn(),
      saveAgendaCard: vi.fn(),
      saveAgendaCalendar: vi.fn(),
      getIdentity: vi.fn(),
      exportIdentity: vi.fn(),
      listMemberKeys: vi.fn(),
      addMemberKey: vi.fn(),
      sendReviewBundle: vi.fn(),
      openReviewBundle: vi.fn(),
      saveBundlePack: vi.fn(),
      voteByBallot: vi.fn(),
      receiveBallots: vi.fn(),
      listReceivedBallots: vi.fn(),
      getLaunchFile: vi.fn(),
    },
    chooseSavePath: vi.fn(),
    chooseImportFile: vi.fn(),
    chooseExportPath: vi.fn(),
    chooseFiles: vi.fn(),
    BUNDLE_FILES: { name: "Pilotdesk review bundle", extensions: ["pdreview"] },
    BALLOT_FILES: { name: "Pilotdesk ballot", extensions: ["ballot"] },
    IDENTITY_FILES: { name: "Pilotdesk public identity", extensions: ["json"] },
  };
}

export const overview: WorkspaceOverview = {
  settings: {
    workspaceName: "Northwind Learning",
    currency: "USD",
    minGroupSize: 5,
    paperSize: "a4",
    currentUser: "Ana Lima",
    currentUserId: "E1",
    creditRate: 1,
    weeklyLoadHours: 4,
  },
  peopleCount: 3,
  teams: [
    { name: "Sales", headcount: 2, managers: 1 },
    { name: "Support", headcount: 1, managers: 0 },
  ],
  pilotCount: 1,
  databasePath: "/home/ana/.local/share/pilotdesk/pilotdesk.db",
  schemaVersion: 4,
  dateStyle: "day_month_year",
};

export const pilotSummary: PilotSummary = {
  id: 1,
  name: "Sales onboarding pilot",
  workflows: ["Sales onboarding", "Customer escalation"],
  startDate: "2026-12-14",
  endDate: "2027-03-14",
  sponsor: "Dana Whitfield",
  status: "draft",
};

export const pack: PackRecord = {
  id: 4,
  kind: "proposal",
  pilotId: 1,
  title: "Proposal pack",
  subject: "Sales onboarding pilot",
  producedAt: "2026-11-20T10:15:00Z",
  producedBy: "Ana Lima",
  contentHash: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  pages: 2,
  paperSize: "a4",
  path: "/home/ana/sales-onboarding-pilot-proposal.pdf",
};

export function pilotDetail(packs: PackRecord[] = []): PilotDetail {
  return {
    pilot: {
      ...pilotSummary,
      objective: "Prove that weekly micro-coaching shortens ramp-up.",
      budget: 1_800_000,
      aiAgenda: "",
      createdAt: "2026-11-20T09:00:00Z",
      updatedAt: "2026-11-20T09:00:00Z",
    },
    phase: { phase: "not_started", days: 21 },
    reviewDate: "2027-01-28",
    decisionDue: "2026-12-07",
    changes: [
      { id: 1, at: "2026-11-20T09:00:00Z", actor: "Ana Lima", entity: "pilot", entityId: "1", action: "created", summary: "Created the pilot" },
    ],
    packs,
  };
}

export const people: Person[] = [
  { id: "E1", name: "Maya Chen", email: "maya@northwind.test", team: "Sales", role: "Sales manager", managerId: null, hireDate: null, leavingDate: null },
  { id: "E2", name: "Tom Okafor", email: "tom@northwind.test", team: "Sales", role: "Account executive", managerId: "E1", hireDate: null, leavingDate: null },
  { id: "E3", name: "Lena Berg", email: "lena@northwind.test", team: "Support", role: "Support agent", managerId: "E1", hireDate: null, leavingDate: null },
];

const ana: Person = { id: "E9", name: "Ana Lima", email: "ana@northwind.test", team: "People", role: "L&D lead", managerId: null, hireDate: null, leavingDate: null };

/** Someone chosen: the app opens straight on its screens. */
export const currentUser: CurrentUser = { person: ana, name: "Ana Lima", steeringFunction: null, suggested: null };

/** First start: no one chosen yet, the person the demo's changes were recorded under suggested. */
export const firstStartUser: CurrentUser = { person: null, name: "Ana Lima", steeringFunction: null, suggested: ana };

export const steeringMembers: SteeringMember[] = [
  { personId: "E1", name: "Maya Chen", role: "Sales manager", team: "Sales", function: "frontline", joinedAt: "2026-11-01T09:00:00Z" },
];
