// The open workspace (settings, teams, counts), loaded at start and shared by every screen.
import { get, writable } from "svelte/store";
import { api, type WorkspaceOverview, type WorkspaceSettings } from "../api";
import { setDateStyle } from "./format";

export const workspace = writable<WorkspaceOverview | null>(null);

/** Reloads the overview from the backend; rejects with an ApiError. */
export async function refreshWorkspace(): Promise<WorkspaceOverview> {
  const overview = await api.getOverview();
  setDateStyle(overview.dateStyle);
  workspace.set(overview);
  return overview;
}

/** Replaces the settings after a successful save. */
export function applySettings(settings: WorkspaceSettings): void {
  workspace.update((overview) => (overview ? { ...overview, settings } : overview));
}

/** The workspace currency, "USD" until the overview has loaded. */
export function currentCurrency(): string {
  return get(workspace)?.settings.currency ?? "USD";
}
