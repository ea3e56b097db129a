// Coaching networks in the window: words and numbers for the coaches list, a coach's
// criteria, the certify button and the file names of badges and calendars. Pure, so the
// rules are tested without a window.
import type {
  CoachLevel,
  CoachProgress,
  CoachStatus,
  CoachSummary,
  Certification,
  LevelProgress,
  RubricItem,
  RubricScoreInput,
} from "../api";
import { formatDate, slugify } from "./format";

export const LEVEL_LABELS: Record<CoachLevel, string> = {
  associate: "Associate coach",
  certified: "Certified coach",
};

export const STATUS_LABELS: Record<CoachStatus, string> = {
  nominated: "Nominated",
  in_progress: "In progress",
  certified: "Certified",
  expired: "Expired",
  withdrawn: "Withdrawn",
};

export type CoachTone = "neutral" | "progress" | "success" | "warning" | "danger";

/** The badge colour of a coach's standing; a certification ending soon is a warning. */
export function coachTone(summary: Pick<CoachSummary, "status" | "expiringSoon">): CoachTone {
  switch (summary.status) {
    case "certified":
      return summary.expiringSoon ? "warning" : "success";
    case "in_progress":
      return "progress";
    case "expired":
      return "danger";
    default:
      return "neutral";
  }
}

/** "Certified coach", "Associate coach", or the status when there is no valid level. */
export function standingLabel(summary: Pick<CoachSummary, "status" | "level">): string {
  return summary.status === "certified" && summary.level ? LEVEL_LABELS[summary.level] : STATUS_LABELS[summary.status];
}

/** "until 28 Feb 2029", "expires 3 Mar 2027" when it is soon; empty without a certification. */
export function expiryText(summary: Pick<CoachSummary, "validUntil" | "expiringSoon">): string {
  if (!summary.validUntil) return "";
  return summary.expiringSoon ? `expires ${formatDate(summary.validUntil)}` : `until ${formatDate(summary.validUntil)}`;
}

/** Hours rounded down to a tenth, so 19.96 never reads as 20: "12", "12.5". */
export function hoursText(hours: number): string {
  const shown = Math.floor(hours * 10 + 1e-9) / 10;
  return Number.isInteger(shown) ? String(shown) : shown.toFixed(1);
}

/** "4 of 6 criteria toward certified". */
export function progressText(summary: Pick<CoachSummary, "criteriaMet" | "criteriaTotal" | "targetLevel">): string {
  return `${summary.criteriaMet} of ${summary.criteriaTotal} criteria toward ${summary.targetLevel}`;
}

/** What the certify button of a level says and whether it can be pressed. */
export interface CertifyAction {
  level: CoachLevel;
  label: string;
  disabled: boolean;
  /** Why it cannot be pressed, shown beside it. */
  reason: string | null;
}

export function certifyAction(level: LevelProgress): CertifyAction {
  return {
    level: level.level,
    label: `Certify as ${LEVEL_LABELS[level.level].toLowerCase()}`,
    disabled: level.blocked !== null,
    reason: level.blocked,
  };
}

/** The certify actions to offer: every level not blocked, else the lowest blocked one (with
 * its reason), so the page always says what comes next. */
export function certifyActions(progress: Pick<CoachProgress, "levels">): CertifyAction[] {
  const actions = progress.levels.map(certifyAction);
  const open = actions.filter((a) => !a.disabled);
  if (open.length > 0) return open;
  const next = actions.find((a) => !a.reason?.startsWith("Already")) ?? actions.at(-1);
  return next ? [next] : [];
}

/** The certification a badge can be saved for: the valid one. */
export function badgeCertification(progress: Pick<CoachProgress, "current">): Certification | null {
  return progress.current;
}

/** "mara-manager-certified-coach-2027-03-01.jwt". */
export function badgeFileName(coachName: string, certification: Pick<Certification, "level" | "certifiedOn">): string {
  return `${slugify(`${coachName} ${LEVEL_LABELS[certification.level]}`)}-${certification.certifiedOn}.jwt`;
}

/** "coaching-cadences-2027-03-01.ics". */
export function calendarFileName(today: string): string {
  return `coaching-cadences-${today}.ics`;
}

/** The scores a form holds, one per rubric item in the rubric's order; an item not yet
 * scored is sent without a score, so the backend names it. */
export function rubricScores(rubric: RubricItem[], scores: Record<string, number | null | undefined>): RubricScoreInput[] {
  return rubric.map((item) => ({ item: item.key, score: scores[item.key] ?? null }));
}

/** The mean of the scores given so far, for the form to show as it fills; null before any. */
export function meanScore(scores: Record<string, number | null | undefined>): number | null {
  const given = Object.values(scores).filter((s): s is number => typeof s === "number");
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0) / given.length;
}

export const SCORE_LABELS: Record<number, string> = {
  1: "Not yet",
  2: "Developing",
  3: "Proficient",
  4: "Exemplary",
};

export const RATING_LABELS: Record<number, string> = {
  1: "Poor",
  2: "Fair",
  3: "Good",
  4: "Very good",
  5: "Excellent",
};

/** How far along a criterion is, for its bar: 0 to 1. */
export function criterionShare(value: number, required: number): number {
  if (required <= 0) return 1;
  return Math.max(0, Math.min(1, value / required));
}
