// Test data for agendas: settings, an open agenda as the offline generator writes it, a
// preview of what the local model would be sent, and calibration figures.
import type { AcceptanceFigures, Agenda, AgendaSettings, Calibration, ModelPreview } from "../api";

export function agendaSettings(modelEnabled = false): AgendaSettings {
  return {
    contexts: [
      { context: "onboarding", label: "Onboarding", allowed: true, lowRisk: true },
      { context: "skill_practice", label: "Skill practice", allowed: true, lowRisk: true },
      { context: "performance_conversation", label: "Performance conversation", allowed: false, lowRisk: false },
      { context: "conflict", label: "Conflict", allowed: false, lowRisk: false },
    ],
    model: { enabled: modelEnabled, endpoint: "http://127.0.0.1:8080/v1", model: "", timeoutSeconds: 30, allowedHosts: [] },
  };
}

const items: Agenda["items"] = [
  { position: 1, kind: "opening", text: "Nadia, what went better than you expected this week?", suggested: "Nadia, what went better than you expected this week?" },
  { position: 2, kind: "prompt", text: "Where did qualifying a deal feel hardest?", suggested: "Where did qualifying a deal feel hardest?" },
  { position: 3, kind: "prompt", text: "Which deal would you drop today, and why?", suggested: "Which deal would you drop today, and why?" },
  { position: 4, kind: "practice", text: "Two minutes: qualify my deal out loud.", suggested: "Two minutes: qualify my deal out loud." },
  { position: 5, kind: "commitment", text: "Qualify the next three deals before the forecast call.", suggested: "Qualify the next three deals before the forecast call." },
  { position: 6, kind: "next_step", text: "Next: the \"Qualification basics\" module.", suggested: "Next: the \"Qualification basics\" module." },
];

export function openAgenda(overrides: Partial<Agenda> = {}): Agenda {
  return {
    id: 12,
    managerId: "E1060",
    managerName: "Mei Walsh",
    coacheeId: "E1062",
    coacheeName: "Nadia Owusu",
    pilotId: 1,
    pilotName: "Sales onboarding coaching pilot",
    taskId: 2,
    task: "Qualify every deal against the framework",
    context: "onboarding",
    minutes: 14,
    items: items.map((i) => ({ ...i })),
    basis: ["Nadia Owusu is a Customer Success Associate, 40 days since joining", "Context: onboarding"],
    source: "offline",
    sourceNote: "",
    status: "open",
    changeShare: null,
    rejectReason: null,
    rejectNote: "",
    createdAt: "2026-11-23T10:15:00Z",
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  };
}

export const modelPreview: ModelPreview = {
  url: "http://127.0.0.1:8080/v1/chat/completions",
  body: '{"messages":[{"role":"user","content":"[COACHEE] is a Customer Success Associate"}],"stream":false}',
  placeholders: [
    { token: "[COACHEE]", standsFor: "the coachee" },
    { token: "[MANAGER]", standsFor: "the manager" },
  ],
  hash: "3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa0099887766554433221",
};

export function figures(overrides: Partial<AcceptanceFigures> = {}): AcceptanceFigures {
  return {
    generated: 0,
    open: 0,
    acceptedAsIs: 0,
    edited: 0,
    rejected: 0,
    acceptanceRate: null,
    uneditedRate: null,
    meanChangeShare: null,
    reasons: [],
    ...overrides,
  };
}

export const calibration: Calibration = {
  overall: figures({
    generated: 14, open: 1, acceptedAsIs: 10, edited: 1, rejected: 2, acceptanceRate: 11 / 13, uneditedRate: 10 / 13,
    meanChangeShare: 0.25,
    reasons: [
      { reason: "too_generic", label: "Too generic", count: 2 },
    ],
  }),
  byContext: [
    {
      context: "onboarding",
      label: "Onboarding",
      figures: figures({ generated: 14, open: 1, acceptedAsIs: 10, edited: 1, rejected: 2, acceptanceRate: 11 / 13, uneditedRate: 10 / 13, meanChangeShare: 0.25 }),
    },
  ],
  byManager: [
    {
      managerId: "E1060",
      managerName: "Mei Walsh",
      figures: figures({ generated: 11, open: 0, acceptedAsIs: 10, edited: 1, rejected: 0, acceptanceRate: 1, uneditedRate: 10 / 11, meanChangeShare: 0.25 }),
      overReliant: true,
      reason: "10 of 11 decided agendas accepted without a change, at or above 90%",
    },
    {
      managerId: "E1040",
      managerName: "Anaïs Bennett",
      figures: figures({ generated: 3, open: 1, rejected: 2, acceptanceRate: 0, uneditedRate: 0 }),
      overReliant: false,
      reason: "2 decided so far; the signal needs at least 10",
    },
  ],
  signalMinAgendas: 10,
  signalUneditedShare: 0.9,
  overReliantManagers: 1,
};
