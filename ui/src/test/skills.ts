// Test-only: a pilot's skills report as the backend sends it, from `pilotdesk skills 3 --json`
// on the demo workspace (the Support escalation pilot), with a third competency added that
// the privacy floor holds back (the backend then sends zeros and nulls) and a site licence.
import type { SkillModule, SkillsReport } from "../api";

export function skillsReport(overrides: Partial<SkillsReport> = {}): SkillsReport {
  return {
    pilotId: 3,
    asOf: "29 Nov 2026",
    assignments: 39,
    completion: [
      { competencyId: 7, competency: "CE.1 Empathetic communication", hidden: false, assigned: 18, completed: 12, rate: 12 / 18 },
      { competencyId: 8, competency: "CE.2 Structured troubleshooting", hidden: false, assigned: 18, completed: 9, rate: 0.5 },
      { competencyId: 9, competency: "CE.3 Ownership and follow-through", hidden: true, assigned: 0, completed: 0, rate: null },
    ],
    speed: [
      { competencyId: 7, competency: "CE.1 Empathetic communication", hidden: false, people: 18, reached: 14, censored: 4, medianDays: 37, quartileLowDays: 25, quartileHighDays: 53 },
      { competencyId: 8, competency: "CE.2 Structured troubleshooting", hidden: false, people: 18, reached: 6, censored: 12, medianDays: null, quartileLowDays: 30, quartileHighDays: null },
      { competencyId: 9, competency: "CE.3 Ownership and follow-through", hidden: true, people: 0, reached: 0, censored: 0, medianDays: null, quartileLowDays: null, quartileHighDays: null },
    ],
    purchases: [
      {
        id: 2, moduleId: 7, moduleTitle: "Tier-1 diagnostics", vendor: "Northstar Coaching Labs", pilotId: 3, pilotName: "Support escalation pilot",
        pricing: "per_module", unitPrice: 9_500, seats: 18, months: 3, total: 171_000, startsOn: "2026-09-28", endsOn: "2026-12-27",
        purchasedAt: "2026-11-29T17:56:55Z", purchasedBy: "Isla Okafor", basis: "18 learners × USD 95",
      },
      {
        id: 1, moduleId: 5, moduleTitle: "De-escalation language", vendor: "Northstar Coaching Labs", pilotId: 3, pilotName: "Support escalation pilot",
        pricing: "per_module", unitPrice: 9_500, seats: 18, months: 3, total: 171_000, startsOn: "2026-09-28", endsOn: "2026-12-27",
        purchasedAt: "2026-11-29T17:56:55Z", purchasedBy: "Isla Okafor", basis: "18 learners × USD 95",
      },
    ],
    seats: [
      { moduleId: 5, moduleTitle: "De-escalation language", bought: 18, used: 18, utilisation: 1 },
      { moduleId: 7, moduleTitle: "Tier-1 diagnostics", bought: 18, used: 21, utilisation: 21 / 18 },
      { moduleId: 6, moduleTitle: "Case ownership", bought: null, used: 3, utilisation: null },
    ],
    spend: 342_000,
    competenciesGained: 20,
    costPerCompetencyGained: null,
    readiness: 0.265625,
    warnings: [
      { kind: "overlap", moduleId: 6, personId: null, message: "\"Case ownership\" and \"Writing useful case notes\" both build CE.3 Ownership and follow-through" },
    ],
    minGroupSize: 5,
    ...overrides,
  };
}

/** The demo's two Customer Support modules, each aiming at level 3 of its competency. */
export const supportModules: SkillModule[] = [
  {
    id: 5, title: "De-escalation language", vendor: "Northstar Coaching Labs", durationHours: 1.5, delivery: "self_paced",
    pricing: "per_module", price: 9_500, seatsBought: 18, seatsUsed: 18, spent: 171_000,
    targets: [{ competencyId: 7, competency: "CE.1 Empathetic communication", targetLevel: 3, levelLabel: "Proficient" }],
  },
  {
    id: 7, title: "Tier-1 diagnostics", vendor: "Northstar Coaching Labs", durationHours: 2, delivery: "self_paced",
    pricing: "per_module", price: 9_500, seatsBought: 18, seatsUsed: 18, spent: 171_000,
    targets: [{ competencyId: 8, competency: "CE.2 Structured troubleshooting", targetLevel: 3, levelLabel: "Proficient" }],
  },
];
