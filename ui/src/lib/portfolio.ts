// The portfolio area's pure helpers: how a work sample is described, how a place on it is
// marked, which competencies a review starts with, and who the feedback giver last said
// they were.
import { writable } from "svelte/store";
import type { Agreement, Anchor, AuthorRole, CompetencyChoice, Portfolio, RoleRequirement, WorkSample } from "../api";

/** The file types the open dialog offers for a work sample; the backend checks the bytes. */
export const SAMPLE_FILTERS: { name: string; extensions: string[] }[] = [
  {
    name: "Work samples (PDF, images, text, office documents)",
    extensions: ["pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "md", "csv", "docx", "xlsx", "pptx", "odt", "ods", "odp"],
  },
  { name: "PDF documents", extensions: ["pdf"] },
  { name: "Images", extensions: ["png", "jpg", "jpeg", "gif", "webp"] },
  { name: "Text", extensions: ["txt", "md", "csv"] },
  { name: "Office documents", extensions: ["docx", "xlsx", "pptx", "odt", "ods", "odp"] },
];

export type SampleKind = "image" | "pdf" | "text" | "office";

export function sampleKind(mediaType: string): SampleKind {
  if (mediaType.startsWith("image/")) return "image";
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType === "text/plain") return "text";
  return "office";
}

/** In words, as a column of the samples list shows it. */
export function sampleTypeLabel(mediaType: string): string {
  switch (mediaType) {
    case "application/pdf":
      return "PDF";
    case "image/png":
      return "PNG image";
    case "image/jpeg":
      return "JPEG image";
    case "image/gif":
      return "GIF image";
    case "image/webp":
      return "WebP image";
    case "text/plain":
      return "Text";
  }
  if (mediaType.includes("wordprocessingml") || mediaType.endsWith("opendocument.text")) return "Text document";
  if (mediaType.includes("spreadsheet")) return "Spreadsheet";
  if (mediaType.includes("presentation")) return "Presentation";
  return mediaType;
}

/** "812 bytes", "14.2 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The first 12 hex digits of a SHA-256, enough to tell samples apart by eye. */
export function hashPrefix(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A data URL for an image's bytes (the CSP allows data: images). */
export function dataUrl(mediaType: string, base64: string): string {
  return `data:${mediaType};base64,${base64}`;
}

/** The lines of a text sample, numbered from 1; a final newline adds no empty line. */
export function textLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The range between two clicked lines, in order. */
export function lineRange(a: number, b: number): { from: number; to: number } {
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** A dragged rectangle, as fractions of the page (0..1), whatever the drag's direction;
 * clamped to the page. Null when too small to be meant (under 1% either way). */
export function dragRegion(
  start: { x: number; y: number },
  end: { x: number; y: number },
): { x: number; y: number; width: number; height: number } | null {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const x0 = clamp(Math.min(start.x, end.x));
  const y0 = clamp(Math.min(start.y, end.y));
  const x1 = clamp(Math.max(start.x, end.x));
  const y1 = clamp(Math.max(start.y, end.y));
  const width = x1 - x0;
  const height = y1 - y0;
  if (width < 0.01 || height < 0.01) return null;
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return { x: round(x0), y: round(y0), width: round(width), height: round(height) };
}

/** Percent fields ("10", "40", "25", "20") as a region of fractions; null when not on the page. */
export function regionFromPercents(x: string, y: string, width: string, height: string) {
  const values = [x, y, width, height].map((v) => Number(v.trim().replace(/%$/, "")));
  if (values.some((v) => !Number.isFinite(v) || v < 0) || [x, y, width, height].some((v) => v.trim() === "")) return null;
  const [px, py, pw, ph] = values.map((v) => v / 100) as [number, number, number, number];
  if (pw <= 0 || ph <= 0 || px + pw > 1.0001 || py + ph > 1.0001) return null;
  return { x: px, y: py, width: pw, height: ph };
}

/** Where an annotation sits, in words, when the backend's own wording is not at hand. */
export function anchorText(anchor: Anchor): string {
  if (anchor.kind === "lines") return anchor.from === anchor.to ? `line ${anchor.from}` : `lines ${anchor.from}-${anchor.to}`;
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return `page ${anchor.page}, ${pct(anchor.width)} × ${pct(anchor.height)} at ${pct(anchor.x)}/${pct(anchor.y)}`;
}

/** True when a line is inside an annotation's range. */
export function lineAnnotated(anchor: Anchor, line: number): boolean {
  return anchor.kind === "lines" && line >= anchor.from && line <= anchor.to;
}

/**
 * The competencies a new review starts with: those the person's role requires, then those
 * their samples' annotations name, then those their feedback names; only competencies that
 * have a scale, each once, in that order.
 */
export function defaultReviewCompetencies(
  portfolio: Pick<Portfolio, "role" | "samples" | "feedback">,
  requirements: Pick<RoleRequirement, "role" | "competencyId">[],
  competencies: Pick<CompetencyChoice, "id">[],
): number[] {
  const known = new Set(competencies.map((c) => c.id));
  const ids: number[] = [];
  const add = (id: number | null | undefined) => {
    if (id != null && known.has(id) && !ids.includes(id)) ids.push(id);
  };
  for (const r of requirements) if (r.role === portfolio.role) add(r.competencyId);
  for (const s of portfolio.samples) {
    add(s.competencyId);
    for (const a of s.annotations) add(a.competencyId);
  }
  if (ids.length === 0) for (const f of portfolio.feedback) add(f.competencyId);
  return ids;
}

export const AUTHOR_ROLES: AuthorRole[] = ["manager", "peer", "coach"];

export function authorRoleLabel(role: AuthorRole | string): string {
  return role === "manager" ? "Manager" : role === "peer" ? "Peer" : role === "coach" ? "Coach" : role;
}

const ROLE_KEY = "pilotdesk.feedback.authorRole";

/** Who the feedback giver said they were last time, so the dialog asks once. */
export function rememberedAuthorRole(storage: Pick<Storage, "getItem"> | null = safeStorage()): AuthorRole {
  const saved = storage?.getItem(ROLE_KEY);
  return AUTHOR_ROLES.includes(saved as AuthorRole) ? (saved as AuthorRole) : "manager";
}

export function rememberAuthorRole(role: AuthorRole, storage: Pick<Storage, "setItem"> | null = safeStorage()): void {
  try {
    storage?.setItem(ROLE_KEY, role);
  } catch {
    // A private window without storage: asked again next time.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** True for the micro-feedback shortcut: Ctrl+Shift+F (Cmd+Shift+F on a Mac keyboard). */
export function isFeedbackShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === "f";
}

/** Weighted kappa in words: the figure and how it is usually read (Landis & Koch bands). */
export function kappaText(agreement: Pick<Agreement, "kappa" | "pairs">): { figure: string; reading: string } {
  if (agreement.kappa === null) {
    return {
      figure: "—",
      reading: agreement.pairs < 2 ? "Too few competencies scored by both to compute" : "Every score is the same level; kappa is undefined",
    };
  }
  const k = agreement.kappa;
  const reading =
    k < 0 ? "Less than chance agreement"
    : k === 0 ? "No better than chance agreement"
    : k <= 0.2 ? "Slight agreement"
    : k <= 0.4 ? "Fair agreement"
    : k <= 0.6 ? "Moderate agreement"
    : k <= 0.8 ? "Substantial agreement"
    : "Almost perfect agreement";
  return { figure: k.toFixed(2), reading };
}

/** The samples, newest first. */
export function samplesNewestFirst(samples: WorkSample[]): WorkSample[] {
  return [...samples].sort((a, b) => b.addedOn.localeCompare(a.addedOn) || b.id - a.id);
}

function nameSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "person";
}

/** A file name for a person's portfolio PDF: "portfolio-ana-lopez-2026-11-29.pdf". */
export function portfolioFileName(name: string, today: string): string {
  return `portfolio-${nameSlug(name)}-${today}.pdf`;
}

/** A file name for a person's feedback and reviews as xAPI: "xapi-feedback-ana-lopez-2026-11-29.json". */
export function xapiFileName(name: string, today: string): string {
  return `xapi-feedback-${nameSlug(name)}-${today}.json`;
}

// Shared state: the micro-feedback dialog opens from anywhere (Ctrl+Shift+F), starting with
// the person whose portfolio is open; open portfolios reload when something is added.

/** Whether the micro-feedback dialog is open, for whom it starts, and on which of their work
 * samples (the one open in the viewer), if any. */
export const feedbackDialog = writable<{ personId: string | null; sampleId?: number | null } | null>(null);

/** Bumped when feedback, samples or reviews change, so open portfolios reload. */
export const portfolioChanged = writable(0);

/** The person whose portfolio is open, so the shortcut's dialog starts with them. */
export const openPortfolioPerson = writable<string | null>(null);

/** The work sample open in the viewer, so the shortcut's dialog starts on it. */
export const openPortfolioSample = writable<number | null>(null);

export function openFeedback(personId: string | null = null, sampleId: number | null = null): void {
  feedbackDialog.set({ personId, sampleId });
}

export function portfoliosChanged(): void {
  portfolioChanged.update((n) => n + 1);
}
