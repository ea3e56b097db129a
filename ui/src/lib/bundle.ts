// The review bundle open on this machine. A bundle is a file, not a workspace record, so the
// screen reads its path from here; it stays set while the member moves around the app.
import { writable } from "svelte/store";
import { BUNDLE_FILES, chooseFiles } from "../api";
import { slugify } from "./format";
import { BUNDLE_PATH, navigate } from "./router";

export const openedBundle = writable<string | null>(null);

/** Shows a bundle file on the bundle screen. */
export function showBundle(path: string): void {
  openedBundle.set(path);
  navigate(BUNDLE_PATH);
}

/** Asks which bundle to open, then shows it; nothing happens when cancelled. */
export async function chooseAndShowBundle(): Promise<void> {
  const [path] = await chooseFiles("Open a review bundle", BUNDLE_FILES);
  if (path) showBundle(path);
}

/** "Approve", "Request changes", or "Recused" for a ballot's choice. */
export function ballotChoiceLabel(choice: string): string {
  if (choice === "recuse") return "Recused";
  const words = choice.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The file name a ballot is saved under by default. */
export function ballotFileName(pilotName: string, memberName: string): string {
  return `${slugify(pilotName) || "pilot"}-${slugify(memberName) || "ballot"}.ballot`;
}
