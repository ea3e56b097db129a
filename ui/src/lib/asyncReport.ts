// A pilot's asynchronous competency figures in words: the finding in one sentence and each
// figure as printed. A figure the privacy floor holds back arrives as null (and its counts as
// zeros); it reads "Hidden", never 0. A figure that is simply not there yet reads "—".
import type { AsyncReport, VelocityFigures } from "../api";
import { plural } from "./format";
import { daysText } from "./skills";

const HIDDEN = "Hidden";
const NONE = "—";

function decimal(value: number, digits = 2): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

function signed(value: number, digits = 1): string {
  const text = decimal(Math.abs(value), digits);
  if (Number(text) === 0) return "±0";
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** Feedback per person per week. */
export function frequencyText(report: AsyncReport): string {
  if (report.hidden) return HIDDEN;
  const value = report.frequency.perPersonPerWeek;
  return value === null ? NONE : decimal(value);
}

/** The median days from a sample to its first feedback, waiting samples counted. */
export function firstFeedbackText(report: AsyncReport): string {
  const first = report.firstFeedback;
  if (report.hidden || (first.hidden && first.people > 0)) return HIDDEN;
  if (first.hidden || first.samples === 0) return NONE;
  return first.medianDays === null ? "not yet" : daysText(first.medianDays);
}

export function firstFeedbackNote(report: AsyncReport): string {
  const first = report.firstFeedback;
  if (report.hidden) return `the pilot's teams are fewer than ${report.minGroupSize} people`;
  if (first.hidden && first.people > 0) {
    return `fewer than ${plural(report.minGroupSize, "person", "people")} added work samples`;
  }
  if (first.hidden || first.samples === 0) return "no work samples added in the pilot's teams";
  const waiting = first.waiting === 0 ? "none still waiting" : `${first.waiting} still waiting`;
  const median = first.medianDays === null ? "fewer than half have had feedback; " : "";
  return `${median}${plural(first.samples, "sample")}, ${waiting}`;
}

/** The mean review level over each reviewed person's latest review. */
export function qualityText(report: AsyncReport): string {
  const quality = report.quality;
  if (report.hidden) return HIDDEN;
  if (quality.meanLevel !== null) return `${decimal(quality.meanLevel, 1)} of ${quality.topLevel}`;
  return quality.reviewedPeople === 0 ? NONE : HIDDEN;
}

/** The change from each person's first review to their last. */
export function qualityChangeText(report: AsyncReport): string {
  const quality = report.quality;
  if (report.hidden) return HIDDEN;
  if (quality.change !== null) return signed(quality.change);
  return quality.reviewedTwice === 0 ? NONE : HIDDEN;
}

export function qualityNote(report: AsyncReport): string {
  const quality = report.quality;
  if (report.hidden) return `the pilot's teams are fewer than ${report.minGroupSize} people`;
  if (quality.reviewedPeople === 0) return "no portfolio reviewed yet";
  const level =
    quality.meanLevel === null
      ? `fewer than ${plural(report.minGroupSize, "person", "people")} reviewed`
      : `${plural(quality.reviewedPeople, "person", "people")} reviewed`;
  let change: string;
  if (quality.change !== null && quality.firstMean !== null && quality.lastMean !== null) {
    change = `change ${decimal(quality.firstMean, 1)} → ${decimal(quality.lastMean, 1)} over ${plural(quality.reviewedTwice, "person", "people")} reviewed twice`;
  } else if (quality.reviewedTwice === 0) change = "no one reviewed twice yet";
  else change = `change hidden: fewer than ${report.minGroupSize} reviewed twice`;
  return `${level}; ${change}`;
}

/** Role changes per person-year for one group. */
export function velocityText(figures: VelocityFigures): string {
  if (figures.hidden) return HIDDEN;
  return figures.perPersonYear === null ? NONE : decimal(figures.perPersonYear);
}

export function promotionText(report: AsyncReport): string {
  if (report.hidden) return HIDDEN;
  const { pilot, comparison } = report.promotion;
  return `${velocityText(pilot)} vs ${velocityText(comparison)}`;
}

export function promotionNote(report: AsyncReport): string {
  const { pilot, comparison, difference } = report.promotion;
  if (report.hidden) return `the pilot's teams are fewer than ${report.minGroupSize} people`;
  const basis = "role changes per person-year, pilot vs comparison";
  if (difference !== null) return `${basis}; difference ${signed(difference, 2)}`;
  if (comparison.hidden) return `${basis}; the comparison group is under the privacy floor`;
  if (pilot.perPersonYear === null || comparison.perPersonYear === null) return `${basis}; not observed yet`;
  return basis;
}

/** "2 people", "Hidden" or "no one". */
export function checkInText(report: AsyncReport): string {
  const flagged = report.checkIns.flagged;
  if (report.hidden || flagged === null) return HIDDEN;
  return flagged === 0 ? "no one" : plural(flagged, "person", "people");
}

/** The finding in one sentence, answer first. */
export function asyncFinding(report: AsyncReport): string {
  if (report.hidden) {
    return `The async figures are hidden: the pilot's teams have ${plural(report.pilotPeople, "person", "people")}, fewer than ${report.minGroupSize}.`;
  }
  const parts: string[] = [];
  const frequency = report.frequency;
  if (frequency.perPersonPerWeek !== null && frequency.notes > 0) {
    parts.push(`${decimal(frequency.perPersonPerWeek)} notes of micro-feedback per person per week`);
  } else if (frequency.notes === 0) {
    parts.push("no micro-feedback yet");
  }
  const first = report.firstFeedback;
  if (!first.hidden && first.samples > 0) {
    if (first.medianDays !== null) parts.push(`work samples wait a median ${daysText(first.medianDays)} for their first feedback`);
    else parts.push("fewer than half of the work samples have had feedback");
  }
  const change = report.quality.change;
  if (change !== null) {
    const direction = Math.abs(change) < 0.05 ? "unchanged" : `${change > 0 ? "up" : "down"} ${decimal(Math.abs(change), 1)} level`;
    parts.push(`portfolio quality ${direction} between first and latest review`);
  }
  const flagged = report.checkIns.flagged;
  if (flagged !== null && flagged > 0) {
    parts.push(`${plural(flagged, "person", "people")} without a live check-in for ${plural(report.checkIns.weeks, "week")}`);
  }
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
