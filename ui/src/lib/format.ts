// Formatting shared by every screen. Dates arrive as "YYYY-MM-DD"; money as integer minor units.
import type { DateStyle, PilotPhase, PilotStatus } from "../api";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The pilot window, in days; the backend computes the same (`start + 90`). */
export const PILOT_LENGTH_DAYS = 90;

/** Parses "YYYY-MM-DD" strictly into a UTC date, or null. */
export function parseIsoDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date;
}

function toIso(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

let dateStyle: DateStyle = "day_month_year";

/** How dates are written, from the person's locale as the backend read it, so the window
 * writes them as the command line and the packs do. */
export function setDateStyle(style: DateStyle): void {
  dateStyle = style;
}

/** A day and month ("14 Dec", or "Dec 14" where the month comes first). */
function dayMonth(day: number, month: number): string {
  return dateStyle === "month_day_year" ? `${MONTHS[month]} ${day}` : `${day} ${MONTHS[month]}`;
}

/** A whole date ("14 Dec 2026", or "Dec 14, 2026" where the month comes first). */
function dayMonthYear(day: number, month: number, year: number): string {
  return dateStyle === "month_day_year" ? `${MONTHS[month]} ${day}, ${year}` : `${day} ${MONTHS[month]} ${year}`;
}

/** "2026-12-14" -> "14 Dec 2026" ("Dec 14, 2026" in a month-first locale). Text that is not a
 * date is returned as it is. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return dayMonthYear(date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear());
}

/** "14 Dec 2026 – 14 Mar 2027". */
export function formatDateRange(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** Adds whole days to "YYYY-MM-DD"; null when the input is not a date. */
export function addDays(iso: string, days: number): string | null {
  const date = parseIsoDate(iso);
  if (!date) return null;
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** An RFC 3339 timestamp in the local time zone: "14 Dec 2026, 09:42". */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const hh = String(date.getHours()).padStart(2, "0");
  const mm = String(date.getMinutes()).padStart(2, "0");
  return `${dayMonthYear(date.getDate(), date.getMonth(), date.getFullYear())}, ${hh}:${mm}`;
}

/** 1800000 cents, "USD" -> "USD 18,000"; cents shown only when non-zero ("USD 0.50"). */
export function formatMoney(cents: number, currency: string): string {
  const minor = Math.round(cents);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = abs % 100;
  const amount = fraction === 0 ? whole : `${whole}.${String(fraction).padStart(2, "0")}`;
  return `${currency} ${sign}${amount}`;
}

const STATUS_LABELS: Record<PilotStatus, string> = {
  draft: "Draft",
  ready: "Ready",
  submitted: "Submitted",
  approved: "Approved",
  changes_requested: "Changes requested",
  rejected: "Rejected",
  running: "Running",
  day45_review: "Day-45 review",
  day90_outcome: "Day-90 outcome",
  scaled: "Scaled",
  iterating: "Iterating",
  stopped: "Stopped",
};

/** Every status in lifecycle order. */
export const STATUS_ORDER = Object.keys(STATUS_LABELS) as PilotStatus[];

export function statusLabel(status: PilotStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export type StatusTone = "neutral" | "info" | "progress" | "review" | "success" | "warning" | "danger";

const STATUS_TONES: Record<PilotStatus, StatusTone> = {
  draft: "neutral",
  ready: "info",
  submitted: "info",
  approved: "success",
  changes_requested: "warning",
  rejected: "danger",
  running: "progress",
  day45_review: "review",
  day90_outcome: "review",
  scaled: "success",
  iterating: "warning",
  stopped: "neutral",
};

export function statusTone(status: PilotStatus): StatusTone {
  return STATUS_TONES[status] ?? "neutral";
}

/** "1 day", "3 days"; "1 person", "80 people" with an explicit plural. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** Where today falls in the window: "Starts in 21 days", "Day 12 of 90", "Ended 3 days ago". */
export function phaseText(phase: PilotPhase): string {
  switch (phase.phase) {
    case "not_started":
      return `Starts in ${plural(phase.days, "day")}`;
    case "in_window":
      return `Day ${phase.day} of ${PILOT_LENGTH_DAYS}`;
    case "ended":
      return `Ended ${plural(phase.days, "day")} ago`;
  }
}

/** How far through the window today is, from 0 to 1. */
export function phaseProgress(phase: PilotPhase): number {
  switch (phase.phase) {
    case "not_started":
      return 0;
    case "in_window":
      return Math.min(1, Math.max(0, phase.day / PILOT_LENGTH_DAYS));
    case "ended":
      return 1;
  }
}

/** The first 16 hex digits of a content hash, as printed in a pack's footer. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16);
}

/** A safe file-name stem: "Sales Onboarding (Q1)" -> "sales-onboarding-q1". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "pilot";
}

/** "a4" -> "A4", "letter" -> "US Letter". */
export function paperLabel(paper: string): string {
  return paper === "letter" ? "US Letter" : paper === "a4" ? "A4" : paper;
}

/** Starts a backend message with a capital when it starts with a lowercase letter, and
 * leaves everything else (quotes, what the person typed) exactly as it is. */
export function sentence(message: string): string {
  const first = message.charAt(0);
  return first >= "a" && first <= "z" ? first.toUpperCase() + message.slice(1) : message;
}

/** An RFC 3339 timestamp's day in the local time zone: "23 Nov 2026". */
export function formatDay(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return dayMonthYear(date.getDate(), date.getMonth(), date.getFullYear());
}

/** A compact period: "1 Jul – 31 Dec 2026" within one year, the full range otherwise. */
export function formatPeriod(start: string, end: string): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (!from || !to || from.getUTCFullYear() !== to.getUTCFullYear()) return formatDateRange(start, end);
  return `${dayMonth(from.getUTCDate(), from.getUTCMonth())} – ${formatDate(end)}`;
}

/** Minor units as an amount a person would type back: 1800000 -> "18000", 50 -> "0.50". */
export function plainAmount(cents: number): string {
  const minor = Math.round(cents);
  const whole = Math.trunc(minor / 100);
  const fraction = Math.abs(minor % 100);
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, "0")}`;
}

/** A number as people read it: 1234.5 -> "1,234.5", at most two decimals. */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A value with its unit: "31 %", "68 days". */
export function formatMeasure(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** How often a coaching moment happens: "Once a week", "Twice a week", "3 times a week", "Every day". */
export function timesAWeek(count: number): string {
  if (count === 1) return "Once a week";
  if (count === 2) return "Twice a week";
  if (count === 7) return "Every day";
  return `${count} times a week`;
}

/** The interval half of a success criterion, told by the KPI's direction: a lower-is-better
 * KPI must fall, so "lies above zero" would read backwards. */
export function intervalRule(direction: string): string {
  return `Its whole 95% interval must also be a ${direction === "lower" ? "fall" : "rise"}`;
}
