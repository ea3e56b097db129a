// Realistic steering-group data for the governance component tests.
import type { GovernanceItem, QuorumRule, QuorumStatus, ReviewView, SteeringMember, Vote } from "../api";
import { pilotDesign } from "./design";

export const members: SteeringMember[] = [
  { personId: "E1004", name: "Helen Castillo", role: "Head of People", team: "Leadership", function: "hr", joinedAt: "2026-11-01T09:00:00Z" },
  { personId: "E1077", name: "Andrés Kaplan", role: "People Analyst", team: "People & Analytics", function: "analytics", joinedAt: "2026-11-01T09:00:00Z" },
  { personId: "E1005", name: "Tomasz Nowak", role: "Finance Director", team: "Leadership", function: "finance", joinedAt: "2026-11-01T09:00:00Z" },
  { personId: "E1002", name: "Marcus Oyelaran", role: "VP Sales", team: "Leadership", function: "frontline", joinedAt: "2026-11-01T09:00:00Z" },
];

export const rule: QuorumRule = {
  requiredFunctions: ["hr", "analytics", "finance", "frontline"],
  threshold: "majority",
  basis: "eligible_members",
  description:
    "At least one vote from each of HR, Analytics, Finance and Front line; a decision needs a majority of the eligible members. Recused members do not count.",
};

export function item(overrides: Partial<GovernanceItem> = {}): GovernanceItem {
  return {
    id: 7,
    pilotId: 1,
    pilotName: "Sales onboarding pilot",
    pilotStatus: "submitted",
    kind: "approval",
    subject: "Approve \"Sales onboarding pilot\": a 90-day pilot in sales onboarding, starting 14 Dec 2026",
    dueOn: "2026-12-07",
    openedAt: "2026-11-23T10:00:00Z",
    openedBy: "Isla Okafor",
    state: "open",
    payload: "{}",
    overdue: false,
    daysLeft: 14,
    votingOpen: true,
    votingNote: "",
    decisionId: null,
    ...overrides,
  };
}

export function status(overrides: Partial<QuorumStatus> = {}): QuorumStatus {
  return {
    outcome: null,
    withoutMajority: false,
    eligible: 4,
    recused: 0,
    voted: 2,
    needed: 3,
    tally: [
      { choice: "approve", count: 1 },
      { choice: "request_changes", count: 1 },
      { choice: "reject", count: 0 },
    ],
    missingFunctions: ["finance", "frontline"],
    unrepresentedFunctions: [],
    yetToVote: ["E1005", "E1002"],
    explanation: "Waiting for a vote from Finance and Front line. 2 of 4 eligible members voted (1 approve, 1 request changes).",
    ...overrides,
  };
}

export const votes: Vote[] = [
  { id: 1, itemId: 7, personId: "E1004", name: "Helen Castillo", function: "hr", choice: "approve", comment: "", at: "2026-11-23T10:05:00Z", superseded: false, recused: false, logId: 8 },
  { id: 2, itemId: 7, personId: "E1077", name: "Andrés Kaplan", function: "analytics", choice: "request_changes", comment: "Widen the waitlist", at: "2026-11-23T10:06:00Z", superseded: false, recused: false, logId: 9 },
];

export function review(overrides: Partial<ReviewView> = {}): ReviewView {
  const focus = item();
  return {
    item: focus,
    items: [focus],
    design: pilotDesign(),
    rule,
    members,
    votes,
    recusals: [],
    status: status(),
    me: {
      personId: "E1005",
      name: "Tomasz Nowak",
      function: "finance",
      canVote: true,
      canRecuse: true,
      note: "",
      vote: null,
      recused: false,
    },
    decision: null,
    decisions: [],
    vendors: [],
    ruleVerdict: null,
    ...overrides,
  };
}
