// The quick log's choices and defaults, as pure functions over what the backend offers.
import type { ManagerChoice, PilotChoice, PilotStatus, QuickLogInput, QuickLogOptions } from "../api";

const ACTIVE: PilotStatus[] = ["running", "day45_review", "day90_outcome"];

/** The pilot to start with: the one whose pilot arm has this manager, else the only running pilot. */
export function defaultPilot(options: QuickLogOptions, managerId: string | null): PilotChoice | null {
  if (managerId) {
    const theirs = options.pilots.find((p) => p.managers.includes(managerId));
    if (theirs) return theirs;
  }
  const running = options.pilots.filter((p) => ACTIVE.includes(p.status));
  return running.length === 1 ? (running[0] ?? null) : null;
}

export function managerById(options: QuickLogOptions, id: string | null): ManagerChoice | null {
  return options.managers.find((m) => m.id === id) ?? null;
}

/** "YYYY-MM-DD HH:MM" in local time: one field to type over, one Tab stop. */
export function localNow(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A fresh form: the current user as manager when they manage people, micro-coaching, 10 minutes. */
export function blankMoment(options: QuickLogOptions, now: Date = new Date()): QuickLogInput {
  const manager = options.defaultManager ?? null;
  const pilot = defaultPilot(options, manager);
  return {
    managerId: manager ?? "",
    coacheeId: "",
    kind: "micro_coaching",
    minutes: "10",
    pilotId: pilot?.id ?? null,
    taskId: null,
    notes: "",
    occurredAt: localNow(now),
    confirmed: false,
  };
}

/** A form started from what another view knows (an agenda): its values over a blank moment,
 * keeping a pilot or task only when the quick log offers it. */
export function prefilledMoment(options: QuickLogOptions, prefill: Partial<QuickLogInput>, now: Date = new Date()): QuickLogInput {
  const { pilotId, taskId, ...rest } = prefill;
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const form: QuickLogInput = { ...blankMoment(options, now), ...given };
  const pilot = options.pilots.find((p) => p.id === pilotId);
  if (pilot) {
    form.pilotId = pilot.id;
    form.taskId = pilot.tasks.some((t) => t.id === taskId) ? (taskId ?? null) : null;
  } else if (prefill.managerId !== undefined) {
    form.pilotId = defaultPilot(options, prefill.managerId || null)?.id ?? null;
  }
  return form;
}

/** The words of a search, each of which must appear; accents and case are ignored. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function matches(query: string, ...texts: (string | undefined | null)[]): boolean {
  const haystack = fold(texts.filter(Boolean).join(" "));
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
