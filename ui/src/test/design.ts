// Test-only: a pilot's design as the backend sends it, built from the demo pilot.
import type {
  ChecklistItem,
  ItemStatus,
  Kpi,
  KpiMde,
  ManagerCandidate,
  PilotDesign,
  PlaybookTask,
  TemplateSummary,
} from "../api";
import { pilotDetail } from "./fixtures";

type ItemRow = [key: string, step: number, title: string, status: ItemStatus, reason: string, byHand?: boolean];

const ITEMS: ItemRow[] = [
  ["workflows", 1, "Two high-impact workflows chosen", "met", "Sales onboarding and Customer escalation"],
  ["playbooks", 1, "A playbook of 3-4 tasks per workflow", "not_met", "\"Customer escalation\" has 1 task; each playbook needs 3 or 4"],
  ["window", 1, "A 90-day window with a start date", "met", "14 Dec 2026 to 14 Mar 2027; starts in 21 days"],
  ["ai_agenda", 1, "An AI-assisted agenda set up or waived", "not_met", "No AI-assisted agenda is set up; set one up in a low-risk context such as onboarding, or waive it"],
  ["modular_learning", 1, "Modular learning linked to every task", "met", "All 4 tasks link a skill module"],
  ["kpis", 1, "2-3 business KPIs, each with a baseline and a success criterion", "not_met", "No baseline for \"First-contact resolution\"; no success criterion for \"First-contact resolution\""],
  ["cohort", 1, "Pilot managers and their teams chosen", "not_met", "No pilot managers chosen yet"],
  ["comparison", 1, "A comparison design", "waived", "No comparison group: the lift would be a pre/post change against the trend, which is weaker evidence. Choose a design or waive with a reason"],
  ["sponsor", 1, "A senior sponsor", "met", "Dana Whitfield"],
  ["budget", 1, "A committed budget for tooling and analytics", "met", "USD 18,000 committed"],
  ["events_flowing", 2, "Coaching events flowing", "not_yet_applicable", "Applies once the pilot is running"],
  ["dashboard", 2, "A monthly dashboard published", "not_yet_applicable", "Applies once the pilot is running", true],
  ["certified_coaches", 3, "Certified internal coaches", "not_yet_applicable", "Applies from the day-90 outcome"],
];

function item([key, step, title, status, reason, byHand = false]: ItemRow): ChecklistItem {
  const mark =
    status === "waived"
      ? { item: key, kind: "waived", reason: "Teams are too few to compare this quarter", by: "Isla Okafor", at: "2026-11-23T12:00:00Z" }
      : null;
  return { key, step, title, status, reason, mark, confirmedByHand: byHand };
}

export const STEP_TITLES = ["Prioritize and pilot", "Measure and iterate", "Scale and sustain"];

function task(id: number, workflowId: number, position: number, behaviour: string, kpiId: number | null): PlaybookTask {
  return {
    id,
    workflowId,
    position,
    behaviour,
    moments: [
      { prompt: "Before the call: which three questions will surface the business problem?", perWeek: 2, minutes: 10 },
      { prompt: "After the call: replay the moment the buyer named a pain.", perWeek: 1, minutes: 10 },
    ],
    competency: "Consultative discovery",
    skillModule: "Discovery questioning",
    kpiId,
  };
}

export const kpis: Kpi[] = [
  {
    id: 11,
    position: 0,
    name: "Days to first closed deal",
    unit: "days",
    direction: "lower",
    valuePerUnit: 35_000,
    dataSource: "CRM: opportunity close dates",
    baseline: { start: "2026-05-01", end: "2026-10-31", value: 68 },
    criterion: {
      targetLift: 4,
      intervalAboveZero: true,
      rule: "Scale if days to first closed deal falls by at least 4 days and its whole 95% interval is a fall",
    },
  },
  {
    id: 12,
    position: 1,
    name: "First-contact resolution",
    unit: "%",
    direction: "higher",
    valuePerUnit: null,
    dataSource: "",
    baseline: null,
    criterion: null,
  },
];

/** The minimum detectable effects the backend computes for the KPIs above. */
export const mdes: KpiMde[] = [
  {
    kpiId: 11,
    effect: 5.3,
    display: "5.3 days",
    reason: null,
    pilotUnits: 2,
    comparisonUnits: 2,
    criterionBelowMde: true,
    sentence:
      "The pilot can detect a change of 5.3 days or more (80% power, 5% level, 2 pilot teams and 2 comparison). The criterion asks for 4 days, less than that: a real effect of that size would more likely than not be missed. Add teams or ask for a larger lift.",
  },
  {
    kpiId: 12,
    effect: null,
    display: null,
    reason: "the KPI has no baseline window",
    pilotUnits: 0,
    comparisonUnits: 0,
    criterionBelowMde: false,
    sentence: "Minimum detectable effect: not yet known; the KPI has no baseline window.",
  },
];

export function pilotDesign(overrides: Partial<PilotDesign> = {}): PilotDesign {
  const items = ITEMS.map(item);
  const steps = [1, 2, 3].map((step) => {
    const own = items.filter((i) => i.step === step);
    return {
      step,
      title: STEP_TITLES[step - 1] ?? "",
      items: own,
      done: own.filter((i) => i.status === "met" || i.status === "waived").length,
      applicable: own.filter((i) => i.status !== "not_yet_applicable").length,
    };
  });
  return {
    pilot: pilotDetail().pilot,
    workflows: [
      {
        id: 1,
        position: 0,
        name: "Sales onboarding",
        template: "sales-onboarding",
        tasks: [
          task(1, 1, 0, "Uncover the buyer's business problem before presenting the product", 11),
          task(2, 1, 1, "Qualify every deal against the team's framework", 11),
          task(3, 1, 2, "Answer the first price objection with value, not a discount", null),
        ],
      },
      { id: 2, position: 1, name: "Customer escalation", template: null, tasks: [task(4, 2, 0, "Name the impact first", 12)] },
    ],
    kpis,
    cohort: { design: "none", seed: null, members: [] },
    budgetLines: [{ category: "tooling", description: "Coaching app licences", pricing: "per_seat", unitCost: 12_000, quantity: 12 }],
    purchaseLines: [],
    timeCosts: {
      managerHoursPerWeek: 1.5,
      managerHourlyCost: 6_500,
      coachCount: 0,
      coachHoursPerWeek: 0,
      coachHourlyCost: 0,
      coacheeHoursPerWeek: 0,
      coacheeHourlyCost: 0,
    },
    estimate: {
      rows: [
        { label: "Tooling: Coaching app licences", basis: "12 × USD 120 per seat", amount: 144_000 },
        { label: "Managers' coaching time", basis: "2 managers × 1.5 h a week × 13 weeks × USD 65/h", amount: 253_500 },
      ],
      toolingAndAnalytics: 144_000,
      vendor: 0,
      peopleTime: 253_500,
      total: 397_500,
      managers: 2,
      coachees: 16,
      weeks: 13,
    },
    marks: items.flatMap((i) => (i.mark ? [i.mark] : [])),
    readiness: { pilotId: 1, steps, step1Complete: false },
    transitions: [],
    criteriaLocked: false,
    editable: true,
    nextStatuses: ["ready"],
    feedback: null,
    mdes,
    ...overrides,
  };
}

export const templates: TemplateSummary[] = [
  {
    key: "sales-onboarding",
    workflow: "Sales onboarding",
    summary: "New account executives reach their first closed deal sooner.",
    tasks: ["Uncover the problem", "Qualify every deal", "Answer price objections", "Agree a mutual action plan"],
    kpis: ["Days to first closed deal", "Discovery calls converted to qualified opportunities"],
  },
  {
    key: "customer-escalation",
    workflow: "Customer escalation",
    summary: "Frontline agents resolve more at first contact and escalate less.",
    tasks: ["Name the impact", "Own the case", "Work the checklist", "Confirm the fix"],
    kpis: ["First-contact resolution", "Escalations to a manager per 100 tickets"],
  },
];

export const candidates: ManagerCandidate[] = [
  { id: "E1040", name: "Anaïs Bennett", role: "Support Team Lead", team: "Customer Support", teamSize: 9 },
  { id: "E1041", name: "Viktor Kowalski", role: "Support Team Lead", team: "Customer Support", teamSize: 8 },
  { id: "E1007", name: "Liam Fischer", role: "Sales Manager", team: "Sales East", teamSize: 7 },
  { id: "E1008", name: "Sofia Sato", role: "Sales Manager", team: "Sales East", teamSize: 7 },
];
