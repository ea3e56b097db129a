// Fixtures for coaching networks: a coach's summary and page, a standard, a match report.
import type { CoachProgress, CoachSummary, CriterionProgress, LevelProgress, MatchReport, Standard } from "../api";

const criterion = (key: CriterionProgress["key"], label: string, met: boolean, reason: string, value = 0, required = 1): CriterionProgress => ({
  key, label, met, reason, value, required,
});

export function standard(): Standard {
  return {
    version: 1,
    name: "Pilotdesk internal coach standard",
    createdAt: "2026-09-01T10:00:00Z",
    createdBy: "Pilotdesk (default standard)",
    criteria: {
      levels: [],
      rubric: [
        { key: "agreement", label: "Agrees the focus", description: "Opens by agreeing the focus." },
        { key: "questions", label: "Asks before telling", description: "Open questions do the work." },
      ],
      validityMonths: 24,
      renewalDays: 90,
      evidenceMonths: 24,
      approvedAssessors: [],
      approvedAssessorRoles: ["L&D Lead"],
    },
  };
}

export function summary(over: Partial<CoachSummary> = {}): CoachSummary {
  return {
    coach: {
      personId: "E1008", name: "Sofia Sato", team: "Sales East", role: "Sales Team Lead",
      nominatedBy: "Marcus Oyelaran", nominatedOn: "2027-02-01", trainedOn: null, withdrawnOn: null, note: "",
    },
    status: "in_progress",
    level: null,
    validUntil: null,
    expiringSoon: false,
    targetLevel: "associate",
    criteriaMet: 1,
    criteriaTotal: 6,
    hours: 23.8,
    ...over,
  };
}

export function associateLevel(met: boolean): LevelProgress {
  return {
    level: "associate",
    met,
    blocked: met ? null : "Not yet met: No coach training recorded yet; 0 of 1 session observed",
    criteria: [
      criterion("training", "Coach training completed", met, met ? "Completed on 1 Mar 2027" : "No coach training recorded yet"),
      criterion("hours", "Coaching hours logged", true, "23.8 hours logged (8 needed)", 23.8, 8),
      criterion("observations", "Sessions observed by a certified assessor", met, met ? "1 session observed (1 needed)" : "0 of 1 session observed"),
    ],
  };
}

export function progress(over: Partial<CoachProgress> = {}): CoachProgress {
  return {
    coach: summary().coach,
    status: "in_progress",
    standard: standard(),
    levels: [
      associateLevel(false),
      {
        level: "certified", met: false, blocked: "Not yet met: 23.8 of 20 hours", criteria: [
          criterion("hours", "Coaching hours logged", true, "23.8 hours logged (20 needed)", 23.8, 20),
        ],
      },
    ],
    current: null,
    certifications: [],
    observations: [],
    feedback: [],
    hours: 23.8,
    assessors: [{ id: "E1079", name: "Isla Okafor", team: "People & Analytics", role: "L&D Lead" }],
    coachees: [{ id: "E1020", name: "Zoë Lindqvist", team: "Sales East", role: "Account Executive" }],
    ...over,
  };
}

export function matchReport(): MatchReport {
  return {
    coacheeId: "E1045", coacheeName: "Søren Owusu", team: "Customer Support", role: "Support Specialist",
    gap: { competency: "CE.3 Ownership and follow-through", level: null, target: 3 },
    weeklyLoadHours: 4,
    suggestions: [{
      rank: 1, coachId: "E1007", name: "Liam Fischer", team: "Sales East", level: "certified", validUntil: "2028-11-14",
      competencyRating: null, weeklyHours: 2.9,
      reasons: ["Not rated on CE.3 Ownership and follow-through", "Certified coach until 14 Nov 2028",
        "2.9 h a week over the last 4 weeks, under the 4.0 h threshold", "From Sales East, another team"],
    }],
    leftOut: [{ coachId: "E1040", name: "Anaïs Bennett", reason: "In Søren Owusu's own team (Customer Support); matching crosses teams" }],
  };
}
