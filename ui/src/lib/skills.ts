// What the Skills screens show: labels for the catalog's choices, the total of a purchase
// before it is made, the colour band of a readiness share, and small helpers over people.
import type {
  AssignmentStatus,
  CompetencyChoice,
  Delivery,
  ErrorDetail,
  FrameworkImport,
  HeatmapCell,
  ModulePricing,
  Person,
  ProficiencyLevel,
  Rater,
  SkillCompletion,
  SkillModule,
  SkillsReport,
  SpeedToCompetency,
} from "../api";
import { formatShare } from "./dashboard";
import { formatMoney, plural } from "./format";

export const DELIVERY_LABELS: Record<Delivery, string> = {
  self_paced: "Self-paced",
  live_online: "Live online",
  in_person: "In person",
  blended: "Blended",
};

export const DELIVERY_ORDER = Object.keys(DELIVERY_LABELS) as Delivery[];

/** How a price is charged, as the catalog writes it after the price: "USD 18 per seat per month". */
export const PRICING_LABELS: Record<ModulePricing, string> = {
  per_seat_month: "per seat per month",
  per_module: "per learner, once",
  site_licence: "site licence per month",
};

/** The pricing choices of the module form. */
export const PRICING_CHOICES: { value: ModulePricing; label: string }[] = [
  { value: "per_seat_month", label: "Per seat per month" },
  { value: "per_module", label: "Per learner (once)" },
  { value: "site_licence", label: "Site licence (per month)" },
];

export function deliveryLabel(delivery: Delivery): string {
  return DELIVERY_LABELS[delivery] ?? delivery;
}

export function pricingLabel(pricing: ModulePricing): string {
  return PRICING_LABELS[pricing] ?? pricing;
}

/** "1.5 h", "45 min" for less than an hour. */
export function durationText(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 2 })} h`;
}

/** A whole number from 1 up, as typed ("12", " 3 "); null for anything else. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/** What the seats field of a purchase counts for a module's pricing; null for a site licence. */
export function seatsNoun(pricing: ModulePricing): { one: string; many: string } | null {
  switch (pricing) {
    case "per_seat_month":
      return { one: "seat", many: "seats" };
    case "per_module":
      return { one: "learner", many: "learners" };
    case "site_licence":
      return null;
  }
}

export interface PurchasePreview {
  /** Minor units. */
  total: number;
  /** How it is reached, as the backend records it: "12 seats × 3 months × USD 18". */
  basis: string;
}

/**
 * What a purchase will cost before it is made, by the rules the backend applies:
 * per seat per month = price × seats × months; per learner = price × learners (the months
 * are the access period); site licence = price × months. Null until the counts it needs are
 * whole numbers.
 */
export function purchasePreview(
  pricing: ModulePricing,
  unitPrice: number,
  seatsText: string,
  monthsText: string,
  currency: string,
): PurchasePreview | null {
  const seats = parseCount(seatsText);
  const months = parseCount(monthsText);
  const price = formatMoney(unitPrice, currency);
  switch (pricing) {
    case "per_seat_month":
      if (seats === null || months === null) return null;
      return {
        total: unitPrice * seats * months,
        basis: `${plural(seats, "seat")} × ${plural(months, "month")} × ${price}`,
      };
    case "per_module":
      if (seats === null) return null;
      return { total: unitPrice * seats, basis: `${plural(seats, "learner")} × ${price}` };
    case "site_licence":
      if (months === null) return null;
      return { total: unitPrice * months, basis: `site licence, ${plural(months, "month")} × ${price}` };
  }
}

/** Seats in use against seats bought: a share (over 1 when more are in use than bought), or
 * null under a site licence or when none are bought. */
export function seatUtilisation(module: Pick<SkillModule, "seatsBought" | "seatsUsed">): number | null {
  if (module.seatsBought === null || module.seatsBought === 0) return null;
  return module.seatsUsed / module.seatsBought;
}

/** The seats column of the catalog: "4 of 12 seats used", "Site licence: 9 people", … */
export function seatsText(module: Pick<SkillModule, "seatsBought" | "seatsUsed" | "pricing">): string {
  const noun = module.pricing === "per_module" ? "learner" : "seat";
  if (module.seatsBought === null) return `Site licence · ${plural(module.seatsUsed, "person", "people")} assigned`;
  if (module.seatsBought === 0) {
    return module.seatsUsed > 0 ? `None bought · ${plural(module.seatsUsed, "person", "people")} assigned` : "None bought";
  }
  return `${module.seatsUsed} of ${plural(module.seatsBought, noun)} used`;
}

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  overdue: "Overdue",
};

export function assignmentStatusLabel(status: AssignmentStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function assignmentStatusTone(status: AssignmentStatus): "neutral" | "progress" | "success" | "danger" {
  switch (status) {
    case "not_started":
      return "neutral";
    case "in_progress":
      return "progress";
    case "completed":
      return "success";
    case "overdue":
      return "danger";
  }
}

export const RATER_LABELS: Record<Rater, string> = {
  self: "Self",
  manager: "Manager",
  assessor: "Assessor",
};

export function raterLabel(rater: Rater): string {
  return RATER_LABELS[rater] ?? rater;
}

/** "3 · Proficient". */
export function levelText(level: number, label: string): string {
  return label ? `${level} · ${label}` : `Level ${level}`;
}

/** A competency's level by number. */
export function levelOf(levels: ProficiencyLevel[], level: number | string): ProficiencyLevel | undefined {
  const n = typeof level === "string" ? Number(level) : level;
  return levels.find((l) => l.level === n);
}

/** The competency choices grouped by framework, in the order the backend lists them. */
export function byFramework(choices: CompetencyChoice[]): { framework: string; choices: CompetencyChoice[] }[] {
  const groups: { framework: string; choices: CompetencyChoice[] }[] = [];
  for (const choice of choices) {
    const group = groups.find((g) => g.framework === choice.framework);
    if (group) group.choices.push(choice);
    else groups.push({ framework: choice.framework, choices: [choice] });
  }
  return groups;
}

/** The colour band of a readiness share: five steps, and "none" when nothing is shown. */
export type HeatBand = "none" | "low" | "some" | "half" | "most" | "all";

export function heatBand(share: number | null): HeatBand {
  if (share === null || Number.isNaN(share)) return "none";
  if (share >= 1) return "all";
  if (share >= 0.75) return "most";
  if (share >= 0.5) return "half";
  if (share >= 0.25) return "some";
  return "low";
}

/** The legend of the heatmap, lowest first. */
export const HEAT_LEGEND: { band: Exclude<HeatBand, "none">; label: string }[] = [
  { band: "low", label: "Under 25%" },
  { band: "some", label: "25–49%" },
  { band: "half", label: "50–74%" },
  { band: "most", label: "75–99%" },
  { band: "all", label: "All met" },
];

/** What a heatmap cell says in words. */
export function heatCellText(cell: HeatmapCell, minGroupSize: number): { main: string; detail: string } {
  if (cell.hidden) return { main: "Hidden", detail: `fewer than ${minGroupSize}` };
  if (cell.share !== null) return { main: formatShare(cell.share), detail: `${cell.met} of ${cell.requiredOf}` };
  return { main: "—", detail: "not required" };
}

/** A readiness share, or a dash when there is nothing to measure. */
export function readinessText(share: number | null): string {
  return share === null ? "—" : formatShare(share);
}

/** People who have not left by `today` (YYYY-MM-DD). */
export function currentPeople(people: Person[], today: string): Person[] {
  return people.filter((p) => p.leavingDate === null || p.leavingDate >= today);
}

/** The teams of the people given, each once, in alphabetical order. */
export function teamNames(people: Person[]): string[] {
  return [...new Set(people.map((p) => p.team).filter((t) => t.trim() !== ""))].sort((a, b) => a.localeCompare(b));
}

/** The roles of the people given, each once, in alphabetical order. */
export function roleNames(people: Person[]): string[] {
  return [...new Set(people.map((p) => p.role).filter((r) => r.trim() !== ""))].sort((a, b) => a.localeCompare(b));
}

/** The confirmation after a framework import: what it added or changed. */
export function importSummary(result: FrameworkImport): string {
  const f = result.framework;
  if (!result.updated) {
    const version = f.version ? ` (version ${f.version})` : "";
    const scale = f.levels > 0 ? `a scale of ${f.levels} levels` : "no proficiency levels";
    return `Imported "${f.title}"${version}: ${plural(f.competencies, "item")}, ${scale}.`;
  }
  const parts = [`${result.added} added`, `${result.changed} changed`, `${result.removed} removed`];
  if (result.retired > 0) parts.push(`${result.retired} kept aside because modules or ratings still use them`);
  return `Updated "${f.title}"${f.version ? ` to version ${f.version}` : ""}: ${parts.join(", ")}.`;
}

/** Where in a package a problem is: "line 12, column 5", or "" when the file does not say. */
export function problemPlace(detail: ErrorDetail): string {
  if (detail.line == null) return "";
  return detail.column == null ? `line ${detail.line}` : `line ${detail.line}, column ${detail.column}`;
}

/** A file name for an exported framework: "workplace-communication-skills.case.json". */
export function frameworkFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug || "framework"}.case.json`;
}

/** Percent as typed progress: "0".."100" (a trailing % allowed); null otherwise. */
export function parseProgress(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, "").trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 100 ? n : null;
}

/** A competency's target level, for those where every catalog module that builds it aims
 * at the same level (so whichever module was assigned, that is the level to reach). */
export function targetLevels(modules: SkillModule[]): Map<number, { level: number; label: string }> {
  const seen = new Map<number, { level: number; label: string } | null>();
  for (const module of modules) {
    for (const target of module.targets) {
      const known = seen.get(target.competencyId);
      if (known === undefined) seen.set(target.competencyId, { level: target.targetLevel, label: target.levelLabel });
      else if (known !== null && known.level !== target.targetLevel) seen.set(target.competencyId, null);
    }
  }
  const levels = new Map<number, { level: number; label: string }>();
  for (const [id, level] of seen) if (level) levels.set(id, level);
  return levels;
}

/** Days as the speed figures read: "36 days", "1 day", "12.5 days". */
export function daysText(days: number): string {
  const text = days.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return `${text} ${days === 1 ? "day" : "days"}`;
}

/** One competency of a pilot's skills report: module completion and speed-to-competency side
 * by side. A side is null when the report has no row for it; `hidden` when the privacy floor
 * holds its figures back (the counts then arrive as zeros, which must not read as 0). */
export interface CompetencyFigures {
  competencyId: number;
  competency: string;
  completion: SkillCompletion | null;
  speed: SpeedToCompetency | null;
  completionHidden: boolean;
  speedHidden: boolean;
  /** Every figure of the row is held back. */
  hidden: boolean;
}

/** Each side carries the backend's own `hidden` flag. */
export function competencyFigures(report: Pick<SkillsReport, "completion" | "speed">): CompetencyFigures[] {
  const rows = new Map<number, CompetencyFigures>();
  const row = (id: number, competency: string) => {
    let found = rows.get(id);
    if (!found) {
      found = { competencyId: id, competency, completion: null, speed: null, completionHidden: false, speedHidden: false, hidden: false };
      rows.set(id, found);
    }
    return found;
  };
  for (const speed of report.speed) {
    const r = row(speed.competencyId, speed.competency);
    r.speed = speed;
    r.speedHidden = speed.hidden;
  }
  for (const completion of report.completion) {
    const r = row(completion.competencyId, completion.competency);
    r.completion = completion;
    r.completionHidden = completion.hidden;
  }
  for (const r of rows.values()) {
    r.hidden = (r.speedHidden || r.completionHidden) && (r.speedHidden || !r.speed) && (r.completionHidden || !r.completion);
  }
  return [...rows.values()];
}

/** The middle half of the days to reach the level: "25–53 days", "from 25 days" while the
 * upper quartile is not reached yet, null while neither is known. */
export function middleHalfText(low: number | null, high: number | null): string | null {
  if (low === null) return null;
  if (high === null) return `from ${daysText(low)}`;
  if (low === high) return daysText(low);
  return `${low.toLocaleString("en-US", { maximumFractionDigits: 1 })}–${daysText(high)}`;
}

/** The skills part's finding, one sentence: how many reached the target level of what, and
 * how fast. `levels` names the level where it is certain (see `targetLevels`). */
export function skillsFinding(report: SkillsReport, levels: Map<number, { level: number; label: string }> = new Map()): string {
  const rows = competencyFigures(report).filter((r) => r.speed !== null);
  const shown = rows.filter((r) => !r.speedHidden);
  const hidden = rows.length - shown.length;
  if (report.assignments === 0) return "No modules are assigned for this pilot yet.";
  if (rows.length === 0) {
    return `${plural(report.assignments, "module assignment")}, none for a module that builds a competency with a scale.`;
  }
  if (shown.length === 0) {
    return `Speed-to-competency is hidden: each competency has fewer than ${plural(report.minGroupSize, "person", "people")} assigned.`;
  }
  const medians = shown.map((r) => r.speed!.medianDays).filter((m): m is number => m !== null);
  let speed: string;
  if (medians.length === 0) speed = "median not known yet: fewer than half are there";
  else {
    const low = Math.min(...medians);
    const high = Math.max(...medians);
    const range = low === high ? daysText(low) : `${low.toLocaleString("en-US", { maximumFractionDigits: 1 })}–${daysText(high)}`;
    const unknown = shown.length - medians.length;
    speed = `median ${range}${unknown > 0 ? ` (not known yet for ${unknown})` : ""}`;
  }
  const tail = hidden > 0 ? `; ${plural(hidden, "competency", "competencies")} hidden (fewer than ${report.minGroupSize} people)` : "";
  if (shown.length === 1) {
    const only = shown[0]!.speed!;
    const level = levels.get(only.competencyId);
    return `${only.reached} of ${only.people} reached ${only.competency}${level ? ` at level ${level.level}` : ""}; ${speed}${tail}.`;
  }
  const reached = shown.reduce((n, r) => n + r.speed!.reached, 0);
  const people = shown.reduce((n, r) => n + r.speed!.people, 0);
  return `${reached} of ${people} targets reached across ${shown.length} competencies; ${speed}${tail}.`;
}
