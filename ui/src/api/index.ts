// The one way the UI talks to the backend. Every call is typed with the types generated
// from the Rust side (types.gen.ts), and every failure arrives as an ApiError.
import { invoke } from "@tauri-apps/api/core";
import { documentDir, join } from "@tauri-apps/api/path";
import { save } from "@tauri-apps/plugin-dialog";
import type {
  ApiError,
  NewPilotInput,
  PackRecord,
  PaperSize,
  Person,
  Pilot,
  PilotDetail,
  PilotSummary,
  SettingsInput,
  WorkspaceOverview,
  WorkspaceSettings,
} from "./types.gen";

export type * from "./types.gen";

/** True for the `{code, message, details}` errors the backend sends. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "message" in value &&
    Array.isArray((value as { details?: unknown }).details)
  );
}

/** Whatever was thrown, as an ApiError, so screens handle one shape. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message, details: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const api = {
  getOverview: () => call<WorkspaceOverview>("get_overview"),
  listPilots: () => call<PilotSummary[]>("list_pilots"),
  getPilotDetail: (id: number) => call<PilotDetail>("get_pilot_detail", { id }),
  validateNewPilot: (input: NewPilotInput) => call<null>("validate_new_pilot", { input }),
  createPilot: (input: NewPilotInput) => call<Pilot>("create_pilot", { input }),
  listPeople: () => call<Person[]>("list_people"),
  listPacks: () => call<PackRecord[]>("list_packs"),
  saveProposalPack: (pilotId: number, path: string, paper?: PaperSize) =>
    call<PackRecord>("save_proposal_pack", { pilotId, path, paper: paper ?? null }),
  updateSettings: (input: SettingsInput) => call<WorkspaceSettings>("update_settings", { input }),
};

/** Asks where to save a PDF with the system's save dialog, starting in the person's
 * Documents folder; null when cancelled. */
export async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const folder = await documentDir().catch(() => null);
  const path = await save({
    title: "Save pack",
    defaultPath: folder ? await join(folder, suggestedName) : suggestedName,
    filters: [{ name: "PDF document", extensions: ["pdf"] }],
  });
  return path ?? null;
}
