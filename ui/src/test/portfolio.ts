// Fixtures for the asynchronous competency figures: a pilot's async report, every figure shown.
import type { AsyncReport, VelocityFigures } from "../api";

export const velocity = (over: Partial<VelocityFigures> = {}): VelocityFigures => ({
  people: 12,
  hidden: false,
  promoted: 2,
  roleChanges: 2,
  personYears: 2.9,
  perPersonYear: 0.69,
  medianDaysBetween: 410,
  medianDaysBetweenWithWaiting: 455,
  ...over,
});

export function asyncReport(over: Partial<AsyncReport> = {}): AsyncReport {
  return {
    pilotId: 2,
    pilotName: "Support escalation pilot",
    from: "2026-09-07",
    to: "2026-11-29",
    minGroupSize: 5,
    pilotPeople: 12,
    hidden: false,
    frequency: {
      notes: 41,
      perPersonPerWeek: 0.29,
      weekly: [
        { weekStart: "2026-11-16", notes: 6 },
        { weekStart: "2026-11-23", notes: 4 },
      ],
    },
    firstFeedback: {
      people: 7, hidden: false, samples: 9, answered: 6, waiting: 3,
      medianDays: 4, medianDaysAnswered: 2.5, longestWaitDays: 19,
    },
    quality: { reviewedPeople: 6, meanLevel: 2.4, topLevel: 4, reviewedTwice: 5, firstMean: 1.9, lastMean: 2.5, change: 0.6 },
    promotion: { pilot: velocity(), comparison: velocity({ perPersonYear: 0.35, people: 14 }), difference: 0.34 },
    checkIns: { weeks: 3, flagged: 2 },
    teams: [
      { team: "Support Tier 1", people: 8, hidden: false, notes: 30, perPersonPerWeek: 0.31, meanLevel: 2.3 },
      { team: "Support Tier 2", people: 4, hidden: true, notes: null, perPersonPerWeek: null, meanLevel: null },
    ],
    ...over,
  };
}
