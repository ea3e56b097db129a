// Test-only: one person's page as the backend sends it (`pilotdesk people show E1060 --json`
// on the demo workspace): a Customer Success manager who is in one pilot as a cohort manager
// and in another through her own manager, who coaches, earns time credits and has skills.
import type { CoachingEvent, PersonHistory, PersonPage, SkillProfile } from "../api";

const mei = {
  id: "E1060",
  name: "Mei Walsh",
  email: "mei.walsh@northwind.test",
  team: "Customer Success",
  role: "Customer Success Manager",
  managerId: "E1002",
  hireDate: "2021-03-15",
  leavingDate: null,
};

function moment(overrides: Partial<CoachingEvent>): CoachingEvent {
  return {
    id: 1,
    uid: "0b7c6f2e-1d1a-4c3e-9a57-2f4d8c1e6a01",
    managerId: "E1060",
    managerName: "Mei Walsh",
    coacheeId: "E1061",
    coacheeName: "Oliver Ahmed",
    occurredAt: "2026-11-26T09:30:00",
    minutes: 15,
    kind: "micro_coaching",
    pilotId: 1,
    pilotName: "Sales onboarding coaching pilot",
    taskId: 1,
    task: "Uncover the buyer's business problem",
    notes: "",
    source: "quick_log",
    ...overrides,
  };
}

export const personSkills: SkillProfile = {
  personId: "E1060",
  name: "Mei Walsh",
  team: "Customer Success",
  role: "Customer Success Manager",
  assignments: [
    {
      id: 31, moduleId: 5, moduleTitle: "De-escalation language", personId: "E1060", personName: "Mei Walsh", team: "Customer Success",
      pilotId: 1, assignedBy: "Ana Lima", assignedOn: "2026-09-01", dueOn: "2026-10-15", progress: 100, completedOn: "2026-10-09",
      passed: true, score: 88, status: "completed", source: "xapi",
    },
    {
      id: 32, moduleId: 6, moduleTitle: "Case ownership", personId: "E1060", personName: "Mei Walsh", team: "Customer Success",
      pilotId: 1, assignedBy: "Ana Lima", assignedOn: "2026-10-20", dueOn: "2026-12-18", progress: 40, completedOn: null,
      passed: null, score: null, status: "in_progress", source: "csv",
    },
  ],
  ratings: [
    {
      id: 70, personId: "E1060", competencyId: 7, competency: "CE.1 Empathetic communication", level: 2, levelLabel: "Developing",
      rater: "self", ratedBy: "Mei Walsh", ratedOn: "2026-09-02", evidence: "",
    },
    {
      id: 74, personId: "E1060", competencyId: 7, competency: "CE.1 Empathetic communication", level: 3, levelLabel: "Proficient",
      rater: "manager", ratedBy: "Dana Whitfield", ratedOn: "2026-11-12", evidence: "Calmed two escalations in the review call",
    },
  ],
  requirements: [
    {
      requirement: { role: "Customer Success Manager", competencyId: 7, competency: "CE.1 Empathetic communication", level: 3, levelLabel: "Proficient" },
      current: 3,
      met: true,
    },
    {
      requirement: { role: "Customer Success Manager", competencyId: 9, competency: "CE.3 Ownership and follow-through", level: 3, levelLabel: "Proficient" },
      current: null,
      met: false,
    },
  ],
  readiness: 0.5,
  warnings: [],
};

export function personPage(overrides: Partial<PersonPage> = {}): PersonPage {
  return {
    person: mei,
    managerName: "Dana Whitfield",
    reports: 5,
    pilots: [
      {
        pilotId: 1, pilotName: "Sales onboarding coaching pilot", status: "running", part: "manager", arm: "Pilot", wave: 1,
        through: "Mei Walsh",
      },
      {
        pilotId: 4, pilotName: "Renewals waitlist pilot", status: "approved", part: "team_member", arm: "Waitlist", wave: null,
        through: "Dana Whitfield",
      },
    ],
    coaching: {
      given: 12,
      givenMinutes: 210,
      received: 2,
      receivedMinutes: 45,
      latest: [
        moment({ id: 41 }),
        moment({
          id: 38, uid: "0b7c6f2e-1d1a-4c3e-9a57-2f4d8c1e6a02", managerId: "E1002", managerName: "Dana Whitfield", coacheeId: "E1060",
          coacheeName: "Mei Walsh", occurredAt: "2026-11-24T14:00:00", minutes: 30, kind: "live_check_in", pilotId: null,
          pilotName: null, taskId: null, task: null, source: "import",
        }),
        moment({
          id: 35, uid: "0b7c6f2e-1d1a-4c3e-9a57-2f4d8c1e6a03", coacheeId: "E1062", coacheeName: "Nadia Owusu",
          occurredAt: "2026-11-20T16:10:00", minutes: 10, kind: "async_feedback",
        }),
      ],
    },
    credits: { weeks: 8, hours: 3.5, credits: 3.5, overloadedWeeks: 1 },
    skills: personSkills,
    ...overrides,
  };
}

export const personHistory: PersonHistory = {
  person: mei,
  entries: [
    {
      validFrom: "2021-03-15", team: "Customer Success", role: "Customer Success Associate", managerId: "E1002",
      managerName: "Dana Whitfield", changes: ["joined"], importId: 1,
    },
    {
      validFrom: "2024-04-01", team: "Customer Success", role: "Customer Success Manager", managerId: "E1002",
      managerName: "Dana Whitfield", changes: ["role"], importId: 3,
    },
  ],
};
