// Test-only: the home as the backend sends it for Maya Chen, who sponsors two pilots and sits
// on the steering group as its frontline leader. The overview is the portfolio of
// test/analytics.ts with a fourth pilot, already decided, so a sponsor verdict can show.
import type { CurrentUser, Home, InboxEntry, PilotSummary, SponsorEntry } from "../api";
import { portfolio, portfolioCard } from "./analytics";
import { people, pilotSummary } from "./fixtures";

/** A day-45 gate past its date, the member's vote still owed. */
export const owedGate: InboxEntry = {
  itemId: 12,
  pilotId: 2,
  pilotName: "Renewals pilot",
  kind: "day45_review",
  subject: "Continue or stop the renewals pilot after its first 45 days",
  dueOn: "2026-09-24",
  daysLeft: -38,
  overdue: true,
  owesVote: true,
  myVote: null,
  progress: "2 of 5 eligible members have voted",
};

/** An approval due next week that the member has already voted on. */
export const votedApproval: InboxEntry = {
  itemId: 14,
  pilotId: 3,
  pilotName: "Support onboarding pilot",
  kind: "approval",
  subject: "Approve the support onboarding pilot to launch on 22 Nov 2026",
  dueOn: "2026-11-08",
  daysLeft: 7,
  overdue: false,
  owesVote: false,
  myVote: "approve",
  progress: "3 of 5 eligible members have voted",
};

/** A running pilot: the sponsor waits for its day-90 outcome. */
export const waitingPilot: SponsorEntry = {
  pilotId: 1,
  pilotName: "Sales and escalation coaching pilot",
  status: "running",
  verdict: null,
  verdictOn: null,
  waitingFor: "The day-90 outcome, when the pilot ends on 29 Nov 2026.",
  packs: [
    { packId: 9, kind: "monthly", title: "Monthly pack, October 2026", producedAt: "2026-10-31T16:20:00Z" },
    { packId: 4, kind: "proposal", title: "Proposal pack", producedAt: "2026-08-14T10:15:00Z" },
  ],
};

/** A pilot the steering group has decided to scale. */
export const decidedPilot: SponsorEntry = {
  pilotId: 4,
  pilotName: "Field service coaching pilot",
  status: "scaled",
  verdict: "Scale",
  verdictOn: "12 Aug 2026",
  waitingFor: "Decided; the outcome pack records it.",
  packs: [{ packId: 7, kind: "outcome", title: "Day-90 outcome pack", producedAt: "2026-08-12T09:05:00Z" }],
};

export function home(overrides: Partial<Home> = {}): Home {
  const overview = portfolio();
  overview.pilots.push(
    portfolioCard({
      pilotId: 4,
      name: "Field service coaching pilot",
      status: "scaled",
      startDate: "2026-05-04",
      endDate: "2026-08-02",
      day: 181,
      nextGate: null,
      headlineKpi: "First-time fix rate: 4.61 percentage points better (95% interval 4.25 to 4.97)",
      budget: 3_000_000,
      spent: 2_740_000,
      packs: 1,
    }),
  );
  return {
    firstName: "Maya",
    roles: ["sponsor", "member", "lead"],
    overview,
    inbox: [owedGate, votedApproval],
    sponsored: [waitingPilot, decidedPilot],
    ...overrides,
  };
}

/** The pilot list behind the cards, with Maya Chen as sponsor of pilots 1 and 4. */
export const homePilots: PilotSummary[] = [
  { ...pilotSummary, id: 1, name: "Sales and escalation coaching pilot", status: "running", startDate: "2026-08-31", endDate: "2026-11-29", sponsor: "Maya Chen" },
  { ...pilotSummary, id: 2, name: "Renewals pilot", status: "day45_review", startDate: "2026-08-10", endDate: "2026-11-08" },
  { ...pilotSummary, id: 3, name: "Support onboarding pilot", status: "approved", startDate: "2026-11-22", endDate: "2027-02-20" },
  { ...pilotSummary, id: 4, name: "Field service coaching pilot", status: "scaled", startDate: "2026-05-04", endDate: "2026-08-02", sponsor: "Maya Chen", workflows: ["Field repair"] },
];

/** Maya Chen acting, a member of the steering group. */
export const mayaActing: CurrentUser = { person: people[0]!, name: "Maya Chen", steeringFunction: "frontline", suggested: null };
