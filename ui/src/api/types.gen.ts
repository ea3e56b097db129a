// Generated from the Rust types by `scripts/gen-types`. Do not edit by hand.

export type ApiError = { code: string, message: string, details: Array<ErrorDetail>, };

export type ErrorDetail = { 
/**
 * The form or record field, e.g. `startDate`.
 */
field?: string, file?: string, line?: number, column?: number, message: string, };

export type Money = number;

export type PaperSize = "a4" | "letter";

export type WorkspaceSettings = { workspaceName: string, 
/**
 * ISO 4217 code shown beside every amount.
 */
currency: string, 
/**
 * No breakdown is shown or printed for a group smaller than this.
 */
minGroupSize: number, paperSize: PaperSize, 
/**
 * Recorded on every change as the actor.
 */
currentUser: string, };

export type SettingsInput = { workspaceName: string, currency: string, 
/**
 * "a4" or "letter".
 */
paperSize: string, minGroupSize: string, };

export type WorkspaceOverview = { settings: WorkspaceSettings, peopleCount: number, teams: Array<Team>, pilotCount: number, databasePath: string | null, schemaVersion: number, };

export type Person = { 
/**
 * The employee id from the HR system, e.g. "E1042".
 */
id: string, name: string, email: string, team: string, role: string, managerId: string | null, hireDate: string | null, };

export type Team = { name: string, headcount: number, managers: number, };

export type PilotStatus = "draft" | "ready" | "submitted" | "approved" | "changes_requested" | "rejected" | "running" | "day45_review" | "day90_outcome" | "scaled" | "iterating" | "stopped";

export type Pilot = { id: number, name: string, 
/**
 * The one-sentence purpose: what the pilot sets out to prove.
 */
objective: string, 
/**
 * The high-impact workflows the pilot coaches, in priority order.
 */
workflows: Array<string>, startDate: string, 
/**
 * Always `start_date` + 90 days.
 */
endDate: string, 
/**
 * The one senior sponsor who owns the outcome.
 */
sponsor: string, 
/**
 * Committed budget for tooling and analytics, in minor units.
 */
budget: Money, status: PilotStatus, createdAt: string, updatedAt: string, };

export type PilotSummary = { id: number, name: string, workflows: Array<string>, startDate: string, endDate: string, sponsor: string, status: PilotStatus, };

export type NewPilotInput = { name: string, objective: string, workflows: Array<string>, 
/**
 * YYYY-MM-DD.
 */
startDate: string, sponsor: string, 
/**
 * The committed tooling and analytics budget, e.g. "25,000".
 */
budget: string, };

export type PilotPhase = { "phase": "not_started", days: number, } | { "phase": "in_window", day: number, } | { "phase": "ended", days: number, };

export type PilotDetail = { pilot: Pilot, phase: PilotPhase, reviewDate: string, 
/**
 * When the steering group is asked to decide by.
 */
decisionDue: string, changes: Array<ChangeRecord>, packs: Array<PackRecord>, };

export type ChangeRecord = { id: number, 
/**
 * RFC 3339 timestamp in UTC.
 */
at: string, actor: string, 
/**
 * The kind of record changed, e.g. "pilot".
 */
entity: string, entityId: string, 
/**
 * What happened, e.g. "created".
 */
action: string, summary: string, };

export type PackKind = "proposal";

export type PackRecord = { id: number, kind: PackKind, pilotId: number | null, title: string, subject: string, producedAt: string, producedBy: string, 
/**
 * SHA-256 of the pack's content; the footer prints its first 16 digits.
 */
contentHash: string, pages: number, paperSize: PaperSize, 
/**
 * Where it was saved, if it was saved to a file.
 */
path: string | null, };
