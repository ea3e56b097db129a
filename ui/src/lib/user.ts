// Who is acting: a person from People, chosen on first start and switchable from the
// sidebar. Votes and changes are recorded under them.
import { writable } from "svelte/store";
import { api, type CurrentUser } from "../api";
import { refreshWorkspace } from "./workspace";

export const currentUser = writable<CurrentUser | null>(null);

/** Whether the "who are you" chooser is open as a dialog (switching user). */
export const chooserOpen = writable(false);

export async function refreshUser(): Promise<CurrentUser> {
  const user = await api.getCurrentUser();
  currentUser.set(user);
  return user;
}

/** Takes the answer of a choose or add call: the new user, and the workspace that shows them. */
export async function userChosen(user: CurrentUser): Promise<void> {
  currentUser.set(user);
  chooserOpen.set(false);
  await refreshWorkspace();
}

/** A person's initials for an avatar: "Helen Castillo" -> "HC". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}
