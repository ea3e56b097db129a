// Test-only charts: one of each body kind, as the core builds them.
import type { Chart, SeriesPoint } from "../api";

const point = (x: string, y: number, gapBefore = false): SeriesPoint => ({ x, y, display: `${y.toFixed(1)}%`, gapBefore });

export function seriesChart(): Chart {
  return {
    id: "kpi-3-series",
    title: "First-contact resolution rose in the pilot group after coaching began",
    subtitle: "Monthly mean per team, % of calls resolved on first contact",
    xLabel: "Month",
    yLabel: "Resolution rate, %",
    body: {
      kind: "series",
      series: [
        {
          name: "Pilot group (6 teams)",
          role: "pilot",
          points: [point("2026-11-01", 72.0), point("2026-12-01", 73.1), point("2027-01-01", 75.6), point("2027-02-01", 77.0), point("2027-03-01", 78.9)],
        },
        {
          name: "Comparison group (7 teams)",
          role: "comparison",
          // December is hidden under the privacy floor: the line must break there.
          points: [point("2026-11-01", 71.5), point("2027-01-01", 72.2, true), point("2027-02-01", 72.6), point("2027-03-01", 73.4)],
        },
      ],
      bands: [
        { from: "2026-11-01", to: "2027-01-10", label: "Baseline window" },
        { from: "2027-01-11", to: "2027-04-11", label: "Pilot window" },
      ],
      markers: [{ at: "2027-02-25", label: "Day 45 review" }],
    },
    note: "December 2026 is hidden for the comparison group (privacy floor).",
  };
}

export function intervalsChart(): Chart {
  return {
    id: "lift-per-kpi",
    title: "Two of three KPIs improved beyond chance",
    subtitle: null,
    xLabel: "KPI",
    yLabel: "Lift in each KPI's unit",
    body: {
      kind: "intervals",
      rows: [
        { label: "First-contact resolution (%)", estimate: 4.1, low: 1.2, high: 7.0, display: "+4.1 pts (1.2 to 7.0)", role: "pilot" },
        { label: "Average handle time (min)", estimate: -0.3, low: -1.9, high: 1.3, display: "−0.3 min (−1.9 to 1.3)", role: "pilot" },
        { label: "Escalation rate (one pilot unit)", estimate: 0.0225, low: null, high: null, display: "+0.0225 (no interval)", role: "neutral" },
      ],
      references: [{ value: 3, label: "Success criterion +3" }],
    },
    note: null,
  };
}

export function barsChart(): Chart {
  return {
    id: "coaching-activity",
    title: "Coaching held steady at about two conversations per manager a week",
    subtitle: "Events per manager per week, by month",
    xLabel: "Month",
    yLabel: "Events per manager per week",
    body: {
      kind: "bars",
      categories: ["Jan 2027", "Feb 2027", "Mar 2027"],
      groups: [
        { name: "Conversations", role: "pilot", values: [1.8, 2.2, null], displays: ["1.8", "2.2", "<5 managers"] },
        { name: "Playbook tasks", role: "comparison", values: [0.9, 1.4, 1.6], displays: ["0.9", "1.4", "1.6"] },
      ],
      references: [{ value: 2, label: "Plan: 2 a week" }],
    },
    note: null,
  };
}

export function scatterChart(): Chart {
  return {
    id: "inputs-outcomes",
    title: "Teams with more coaching hours improved more",
    subtitle: null,
    xLabel: "Coaching hours per manager",
    yLabel: "Change in resolution rate, pts",
    body: {
      kind: "scatter",
      points: [
        { x: 2, y: 0.4, role: "pilot" },
        { x: 5, y: 1.9, role: "pilot" },
        { x: 9, y: 3.6, role: "pilot" },
        { x: 3, y: -0.2, role: "comparison" },
        { x: 12, y: 5.1, role: "comparison" },
      ],
      fit: { slope: 0.45, intercept: -0.5, label: "Fitted line: +0.45 pts per hour" },
    },
    note: "Teams under the privacy floor are left out.",
  };
}

export function curveChart(): Chart {
  return {
    id: "roi-sensitivity",
    title: "ROI stays positive down to an effect of 2.1 points",
    subtitle: null,
    xLabel: "Effect on resolution rate, percentage points",
    yLabel: "ROI, %",
    body: {
      kind: "curve",
      lines: [
        {
          name: "ROI at 80% confidence",
          role: "pilot",
          points: [0, 2, 4, 6, 8].map((x) => ({ x, y: x * 47 - 100 })),
        },
      ],
      references: [{ value: 0, label: "Break-even" }],
      xReferences: [
        { value: 1.2, label: "Interval low 1.2" },
        { value: 4.1, label: "Measured 4.1" },
      ],
    },
    note: null,
  };
}
