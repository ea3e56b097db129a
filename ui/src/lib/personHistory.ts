// A person's dated history in words: what each entry changed, newest first.
import type { PersonHistoryEntry } from "../api";

function managerText(entry: PersonHistoryEntry): string {
  if (!entry.managerId) return "no manager";
  return entry.managerName ?? entry.managerId;
}

/** One sentence per entry: "Joined Sales as Account executive, reporting to Maya Chen". */
export function describeEntry(entry: PersonHistoryEntry): string {
  if (entry.changes.includes("joined")) {
    const reporting = entry.managerId ? `, reporting to ${managerText(entry)}` : "";
    return `Joined ${entry.team} as ${entry.role}${reporting}`;
  }
  const parts: string[] = [];
  if (entry.changes.includes("team")) parts.push(`moved to ${entry.team}`);
  if (entry.changes.includes("role")) parts.push(`became ${entry.role}`);
  if (entry.changes.includes("manager")) {
    parts.push(entry.managerId ? `now reports to ${managerText(entry)}` : "no longer reports to anyone");
  }
  const text = parts.join(", ") || "Recorded";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Newest first: the reader asks "where are they now, and how did they get there". */
export function newestFirst(entries: PersonHistoryEntry[]): PersonHistoryEntry[] {
  return [...entries].reverse();
}
