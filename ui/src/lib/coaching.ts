// Shared state of the coaching area: the quick log is opened from anywhere (Ctrl+L), and
// screens that show events reload when a moment is logged or events are imported.
import { get, writable } from "svelte/store";
import type { QuickLogInput } from "../api";

/** Whether the quick-log dialog is open. */
export const quickLogOpen = writable(false);

/** What the quick log starts from the next time it opens, instead of a blank moment; the
 * dialog takes it on opening and clears it. */
export const quickLogPrefill = writable<Partial<QuickLogInput> | null>(null);

/** The moment a view on screen offers to Ctrl+L, e.g. the agenda being read; null elsewhere,
 * where the shortcut opens a blank quick log. */
export const quickLogOffer = writable<Partial<QuickLogInput> | null>(null);

/** Bumped whenever coaching events change, so open lists reload. */
export const coachingChanged = writable(0);

/** A short confirmation shown at the foot of the window. */
export const toast = writable<{ id: number; message: string } | null>(null);

let toastId = 0;

export function showToast(message: string): void {
  toast.set({ id: ++toastId, message });
}

export function openQuickLog(): void {
  quickLogOpen.set(true);
}

/** Opens the quick log filled in from `prefill`. */
export function openQuickLogWith(prefill: Partial<QuickLogInput>): void {
  quickLogPrefill.set(prefill);
  quickLogOpen.set(true);
}

/** The Ctrl+L shortcut: the quick log, prefilled from what the screen offers, if anything. An
 * open quick log is left as it is. */
export function openQuickLogFromShortcut(): void {
  if (get(quickLogOpen)) return;
  const offer = get(quickLogOffer);
  if (offer) openQuickLogWith(offer);
  else openQuickLog();
}

export function eventsChanged(): void {
  coachingChanged.update((n) => n + 1);
}

/** True for the quick-log shortcut: Ctrl+L (Cmd+L on a Mac keyboard), without Alt or Shift. */
export function isQuickLogShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "l";
}
