// Words for coaching events and their load, shared by the events log, the quick log and
// time credits.
import type { EventKind, EventSource, LoadLevel } from "../api";

export const EVENT_KINDS: EventKind[] = ["micro_coaching", "ai_agenda", "async_feedback", "portfolio_review", "live_check_in"];

const KIND_LABELS: Record<EventKind, string> = {
  micro_coaching: "Micro-coaching",
  ai_agenda: "AI-assisted agenda",
  async_feedback: "Async feedback",
  portfolio_review: "Portfolio review",
  live_check_in: "Live check-in",
};

export function kindLabel(kind: EventKind): string {
  return KIND_LABELS[kind];
}

const SOURCE_LABELS: Record<EventSource, string> = {
  import: "Import",
  xapi: "xAPI",
  quick_log: "Quick log",
  generated: "Generated",
};

export function sourceLabel(source: EventSource): string {
  return SOURCE_LABELS[source];
}

/** "2026-11-02T09:30:00" -> "2 Nov 2026, 09:30" (the wall-clock time as recorded). */
export function formatWhen(occurredAt: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(occurredAt);
  if (!match) return occurredAt;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}, ${match[4]}:${match[5]}`;
}

/** 95 -> "1 h 35 min", 10 -> "10 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Hours to one decimal: 1.25 -> "1.3". */
export function formatHours(hours: number): string {
  return (Math.round(hours * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

export const LOAD_LABELS: Record<LoadLevel, string> = {
  none: "No coaching",
  ok: "Within the threshold",
  near: "Near the threshold",
  over: "Over the threshold",
};
