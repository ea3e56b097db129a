// Shared state of the coaching area: the quick log is opened from anywhere (Ctrl+L), and
// screens that show events reload when a moment is logged or events are imported.
import { writable } from "svelte/store";

/** Whether the quick-log dialog is open. */
export const quickLogOpen = writable(false);

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

export function eventsChanged(): void {
  coachingChanged.update((n) => n + 1);
}

/** True for the quick-log shortcut: Ctrl+L (Cmd+L on a Mac keyboard), without Alt or Shift. */
export function isQuickLogShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "l";
}
