// What each import reads, in words, and how its outcome is described.
import type { FieldMapping, FieldSpec, ImportKind, ImportProgress, ImportSummary } from "../api";
import { plural } from "./format";

export interface KindInfo {
  title: string;
  /** One row of the file, singular and plural. */
  noun: [string, string];
  description: string;
  columns: string;
  /** Where the imported data shows. */
  destination: { href: string; label: string };
  /** A second place it may show (xAPI statements: module progress as well as coaching). */
  also?: { href: string; label: string };
}

export const KIND_INFO: Record<ImportKind, KindInfo> = {
  people: {
    title: "People and org structure",
    noun: ["person", "people"],
    description: "Your HR system's export. People are matched by employee id: new ids are added, changed rows updated.",
    columns: "Employee ID, Name, Email, Team, Role, Manager ID, Hire date",
    destination: { href: "#/people", label: "See the people" },
  },
  events: {
    title: "Coaching events",
    noun: ["coaching event", "coaching events"],
    description: "Coaching moments recorded elsewhere. The same event imported twice is kept once.",
    columns: "Manager, Coachee, Date, Time, Minutes, Type, Pilot, Task, Notes (and an Event ID if you have one)",
    destination: { href: "#/coaching", label: "See the events log" },
  },
  observations: {
    title: "KPI observations",
    noun: ["KPI observation", "KPI observations"],
    description: "Values of the pilots' KPIs, one per KPI, person or team and day. A corrected value replaces the old one.",
    columns: "KPI, Pilot, Employee ID or Team, Date, Value",
    destination: { href: "#/kpi-data", label: "See the KPI data" },
  },
  xapi: {
    title: "xAPI statements",
    noun: ["xAPI statement", "xAPI statements"],
    description:
      "Statements from a learning tool or record store: coaching moments, and modules completed, passed, failed or progressed. A JSON array, or a statement result with “more”.",
    columns:
      "coaching: actor, verb, object, context.registration, result.duration, timestamp; modules: verb completed, passed, failed or progressed on an Activity https://pilotdesk.app/modules/<module id> or whose definition.name is the module's title, result.completion, result.success, result.score, the cmi5 progress extension",
    destination: { href: "#/coaching", label: "See the events log" },
    also: { href: "#/skills/assignments", label: "See the assignments" },
  },
  module_progress: {
    title: "Module progress",
    noun: ["module assignment", "module assignments"],
    description:
      "Progress and completions of assigned skill modules, from a vendor's or an LMS's export. Only modules already assigned; progress never goes down.",
    columns: "Employee ID, Module, Progress, Completed on, Passed, Score",
    destination: { href: "#/skills/assignments", label: "See the assignments" },
  },
};

export const KINDS: ImportKind[] = ["people", "events", "observations", "module_progress", "xapi"];

/** What an import record's kind is, in words: "Module progress"; a kind the UI does not know
 * (the demo's "generated") as it is, with spaces for underscores. */
export function kindLabel(kind: string): string {
  return (KIND_INFO as Record<string, KindInfo | undefined>)[kind]?.title ?? kind.replaceAll("_", " ");
}

/** "80 people: 12 new, 3 changed, 65 unchanged". */
export function describeSummary(summary: ImportSummary): string {
  const [one, many] = KIND_INFO[summary.kind].noun;
  return `${plural(summary.rows, one, many)}: ${summary.inserted.toLocaleString("en-US")} new, ${summary.updated.toLocaleString("en-US")} changed, ${summary.unchanged.toLocaleString("en-US")} unchanged`;
}

/** "Read 240,000 of about 1,000,000 rows (24%)", for a running import. */
export function describeProgress(progress: ImportProgress, checking = false): string {
  const { rowsRead, rowsChecked, rowsWritten, rowsExpected } = progress;
  const share = rowsExpected > 0 ? Math.min(99, Math.floor((rowsRead / rowsExpected) * 100)) : 0;
  const n = (value: number) => value.toLocaleString("en-US");
  const read = `Read ${n(rowsRead)} of about ${n(rowsExpected)} rows (${share}%) · checked ${n(rowsChecked)}`;
  // A check stages its rows in a transaction it rolls back: nothing is written.
  return checking ? read : `${read} · written ${n(rowsWritten)}`;
}

/** The mapping to send: every field with its chosen column. */
export function mappingOf(fields: FieldSpec[]): FieldMapping[] {
  return fields.map((f) => ({ field: f.key, column: f.column }));
}

/** Required fields that have no column yet, by label. */
export function unmappedRequired(fields: FieldSpec[]): string[] {
  return fields.filter((f) => f.required && f.column == null).map((f) => f.label);
}

/** Columns chosen for more than one field, by header name. */
export function doubleMapped(fields: FieldSpec[], headers: string[]): string[] {
  const seen = new Map<number, number>();
  for (const f of fields) if (f.column != null) seen.set(f.column, (seen.get(f.column) ?? 0) + 1);
  return [...seen.entries()].filter(([, n]) => n > 1).map(([column]) => headers[column] ?? `column ${column + 1}`);
}
