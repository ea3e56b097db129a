// Words and small calculations for the dashboard, the overview of all pilots and the results
// packs. Figures arrive already printed by the core wherever it can print them; what is left
// here is choosing words, months and dates.
import type { Arm, EvidenceStrength, PilotStatus } from "../api";
import { addDays, formatMoney, parseIsoDate, PILOT_LENGTH_DAYS, plural } from "./format";

/** The statuses that have something to measure: running and every status after it. */
const MEASURED: readonly PilotStatus[] = ["running", "day45_review", "day90_outcome", "scaled", "iterating", "stopped"];

/** True when a pilot in this status has a dashboard. */
export function hasDashboard(status: PilotStatus): boolean {
  return MEASURED.includes(status);
}

const EVIDENCE: Record<EvidenceStrength, { label: string; level: number; meaning: string }> = {
  strong: { label: "Strong evidence", level: 4, meaning: "a randomised comparison with an interval" },
  moderate: { label: "Moderate evidence", level: 3, meaning: "a comparison group with an interval" },
  limited: { label: "Limited evidence", level: 2, meaning: "too few teams for an interval" },
  weak: { label: "Weak evidence", level: 1, meaning: "no comparison group: a change against the trend" },
};

/** "Strong evidence", in words. */
export function evidenceLabel(strength: EvidenceStrength): string {
  return EVIDENCE[strength]?.label ?? strength;
}

/** 1 (weak) to 4 (strong), for the meter beside the words. */
export function evidenceLevel(strength: EvidenceStrength): number {
  return EVIDENCE[strength]?.level ?? 0;
}

/** What the strength rests on, in a few words. */
export function evidenceMeaning(strength: EvidenceStrength): string {
  return EVIDENCE[strength]?.meaning ?? "";
}

export function armLabel(arm: Arm): string {
  return arm === "pilot" ? "Pilot group" : "Comparison group";
}

/**
 * A share from 0 to 1 as a percentage with the digits its scale needs: 0.25 -> "25%",
 * 0.0225 -> "2.3%", 0.0004 -> "0.04%". Never "0.0%" for something that is not zero.
 */
export function formatShare(share: number): string {
  return formatPercent(share * 100);
}

/** A figure already in percent, e.g. an ROI: 1145.3 -> "1,145%", 4.26 -> "4.3%", -100 -> "-100%". */
export function formatPercent(percent: number): string {
  if (percent === 0) return "0%";
  const size = Math.abs(percent);
  const text =
    size >= 10
      ? percent.toLocaleString("en-US", { maximumFractionDigits: 0 })
      : percent.toLocaleString("en-US", { maximumSignificantDigits: 2 });
  return `${text}%`;
}

/** A difference of two shares in percentage points, signed: "+1.2 pts", "−0.04 pts", "0 pts". */
export function formatPoints(difference: number): string {
  const points = difference * 100;
  if (points === 0) return "0 pts";
  const size = Math.abs(points);
  const text =
    size >= 10
      ? size.toLocaleString("en-US", { maximumFractionDigits: 0 })
      : size.toLocaleString("en-US", { maximumSignificantDigits: 2 });
  return `${points > 0 ? "+" : "−"}${text} pts`;
}

/** A figure with one decimal, or as many as its size needs to not read as zero: 2.889 -> "2.9". */
export function formatRate(value: number): string {
  if (value === 0) return "0";
  const size = Math.abs(value);
  return size >= 1
    ? value.toLocaleString("en-US", { maximumFractionDigits: 1 })
    : value.toLocaleString("en-US", { maximumSignificantDigits: 2 });
}

/** Hours with one decimal: 717.7166 -> "717.7 h". */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: hours > 0 && hours < 10 ? 1 : 0 })} h`;
}

/** Today's date where the app runs, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** "2026-11" -> "November 2026". */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${MONTH_NAMES[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/**
 * The months a dashboard can be read to, newest first: from the month the baseline-to-pilot
 * story starts (the pilot's start) to the current month. The current month is read to today.
 */
export function monthsToPick(startDate: string, today: string): string[] {
  const start = parseIsoDate(startDate);
  const end = parseIsoDate(today);
  if (!start || !end) return [];
  const months: string[] = [];
  let year = end.getUTCFullYear();
  let month = end.getUTCMonth();
  const firstYear = start.getUTCFullYear();
  const firstMonth = start.getUTCMonth();
  while (year > firstYear || (year === firstYear && month >= firstMonth)) {
    months.push(`${year}-${String(month + 1).padStart(2, "0")}`);
    month -= 1;
    if (month < 0) {
      month = 11;
      year -= 1;
    }
  }
  return months;
}

/** The gates whose packs can be printed today: day 45 from start + 45, day 90 from the end. */
export function outcomeGates(startDate: string, endDate: string, today: string): { day45: boolean; day90: boolean } {
  const day45 = addDays(startDate, PILOT_LENGTH_DAYS / 2);
  return {
    day45: day45 !== null && today >= day45,
    day90: today >= endDate,
  };
}

/** The date from which a gate's pack can be printed: "the day-45 review pack from 14 Oct". */
export function day45Date(startDate: string): string | null {
  return addDays(startDate, PILOT_LENGTH_DAYS / 2);
}

/** What the ROI counts a KPI's benefit for when nobody says otherwise. */
export const DEFAULT_AFFECTED_UNIT = "people in the pilot group";

/**
 * The intangibles the workspace listed itself. The ROI's list also names each KPI that is
 * measured but not monetised, or monetised but not yet measured; those lines are the core's
 * (they start with the KPI's name and end in one of two fixed phrases) and must not be saved
 * back as if someone had typed them.
 */
export function statedIntangibles(intangibles: string[], kpiNames: string[]): string[] {
  return intangibles.filter(
    (item) =>
      !kpiNames.some(
        (name) =>
          item.startsWith(`${name}: `) &&
          (item.endsWith("(measured, not monetised)") || item.endsWith("monetised, but not counted: its lift cannot be measured yet")),
      ),
  );
}

/** "assumptions[2].confidence" -> { index: 2, name: "confidence" }; "intangibles[1]" -> { index: 1, name: "" }. */
export function indexedField(field: string, list: "assumptions" | "intangibles"): { index: number; name: string } | null {
  const match = new RegExp(`^${list}\\[(\\d+)\\](?:\\.(\\w+))?$`).exec(field);
  return match ? { index: Number(match[1]), name: match[2] ?? "" } : null;
}

/** Where a pilot is in its window from its day number: "Starts in 3 days", "Day 34 of 90", "Ended 12 days ago". */
export function dayText(day: number): string {
  if (day < 0) return `Starts in ${plural(-day, "day")}`;
  if (day <= PILOT_LENGTH_DAYS) return `Day ${day} of ${PILOT_LENGTH_DAYS}`;
  return `Ended ${plural(day - PILOT_LENGTH_DAYS, "day")} ago`;
}

/** An amount in whole currency units, as the dashboard's larger figures read: 9171333 -> "USD 91,713". */
export function formatWholeMoney(cents: number, currency: string): string {
  return formatMoney(Math.round(cents / 100) * 100, currency);
}
