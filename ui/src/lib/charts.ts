// The chart description the core builds (Chart in api/types.gen.ts), shaped for drawing: role
// styles matching the printed packs, lines broken at gaps, legends and the table of values a
// screen reader reads instead of the picture.
import type { Chart, SeriesPoint, SeriesRole } from "../api";
import { formatDate, parseIsoDate } from "./format";

export type SymbolName = "circle" | "square" | "triangle" | "diamond";

export interface RoleStyle {
  /** CSS variables in styles/global.css, matching packs/engine/theme.rs. */
  colourVar: string;
  fillVar: string;
  /** Used when the variable is not set (tests, a page without the stylesheet). */
  colour: string;
  fill: string;
  /** SVG stroke-dasharray; "" for a solid line. Roles differ in dash and marker too, so
   * they stay apart in greyscale and for readers who do not see the colours. */
  dash: string;
  symbol: SymbolName;
  label: string;
}

export const ROLE_STYLES: Record<SeriesRole, RoleStyle> = {
  pilot: {
    colourVar: "--chart-pilot",
    fillVar: "--chart-pilot-fill",
    colour: "#0f766e",
    fill: "#0f766e",
    dash: "",
    symbol: "circle",
    label: "Pilot group",
  },
  comparison: {
    colourVar: "--chart-comparison",
    fillVar: "--chart-comparison-fill",
    colour: "#c66100",
    fill: "#f2a85a",
    dash: "5 2.5",
    symbol: "square",
    label: "Comparison group",
  },
  neutral: {
    colourVar: "--chart-neutral",
    fillVar: "--chart-neutral-fill",
    colour: "#6b7585",
    fill: "#b8bfc9",
    dash: "1.5 2",
    symbol: "triangle",
    label: "Other",
  },
  target: {
    colourVar: "--chart-target",
    fillVar: "--chart-target-fill",
    colour: "#7e3b9e",
    fill: "#c7a8db",
    dash: "7 2 1.5 2",
    symbol: "diamond",
    label: "Target",
  },
};

export const ROLE_ORDER: SeriesRole[] = ["pilot", "comparison", "neutral", "target"];

/** Concrete colours for one screen, read from the CSS variables where it is drawn. */
export interface Palette {
  colour: Record<SeriesRole, string>;
  fill: Record<SeriesRole, string>;
  bands: string[];
  grid: string;
  zero: string;
  target: string;
}

export function palette(read: (name: string) => string = () => ""): Palette {
  const pick = (name: string, fallback: string) => read(name).trim() || fallback;
  const colour = {} as Record<SeriesRole, string>;
  const fill = {} as Record<SeriesRole, string>;
  for (const role of ROLE_ORDER) {
    colour[role] = pick(ROLE_STYLES[role].colourVar, ROLE_STYLES[role].colour);
    fill[role] = pick(ROLE_STYLES[role].fillVar, ROLE_STYLES[role].fill);
  }
  return {
    colour,
    fill,
    bands: [pick("--chart-band-1", "#eceef1"), pick("--chart-band-2", "#e6f5f2"), pick("--chart-band-3", "#fdf3e5")],
    grid: pick("--chart-grid", "#e3e7eb"),
    zero: pick("--chart-zero", "#545e6b"),
    target: colour.target,
  };
}

/** "2027-01-11" as a UTC date for a time axis; null when it is not a date. */
export function day(iso: string): Date | null {
  return parseIsoDate(iso);
}

/** A point of a line as drawn: `y` is NaN on the break inserted at a gap. */
export interface LineRow {
  x: Date;
  y: number;
  display: string;
}

/**
 * The points of a line with a break (y = NaN) before every point that follows a gap, so the
 * line is never drawn across a hidden period. Points whose date does not parse are left out.
 */
export function lineRows(points: SeriesPoint[]): LineRow[] {
  const rows: LineRow[] = [];
  for (const point of points) {
    const x = day(point.x);
    if (!x || !Number.isFinite(point.y)) continue;
    if (point.gapBefore && rows.length > 0) rows.push({ x, y: Number.NaN, display: "" });
    rows.push({ x, y: point.y, display: point.display });
  }
  return rows;
}

export type SwatchKind = "line" | "bar" | "symbol" | "plain";

export interface LegendEntry {
  label: string;
  role: SeriesRole;
  swatch: SwatchKind;
  /** For a "plain" line (a fitted line): its dash. */
  dash?: string;
}

/** The legend above the plot; none where the labels on the chart already say it all. */
export function legendEntries(chart: Chart): LegendEntry[] {
  const body = chart.body;
  switch (body.kind) {
    case "series":
      return body.series.map((s) => ({ label: s.name, role: s.role, swatch: "line" }));
    case "curve":
      return body.lines.map((l) => ({ label: l.name, role: l.role, swatch: "line" }));
    case "bars":
      return body.groups.length > 1 ? body.groups.map((g) => ({ label: g.name, role: g.role, swatch: "bar" })) : [];
    case "scatter": {
      const present = new Set(body.points.map((p) => p.role));
      const entries: LegendEntry[] = ROLE_ORDER.filter((r) => present.has(r)).map((role) => ({
        label: ROLE_STYLES[role].label,
        role,
        swatch: "symbol",
      }));
      if (body.fit) entries.push({ label: body.fit.label, role: "neutral", swatch: "plain", dash: FIT_DASH });
      return entries;
    }
    case "intervals":
      return [];
  }
}

export const FIT_DASH = "6 3";

/** A plain number for the table of values: thousands separated, up to four decimals. */
export function plainNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

export interface ValueTable {
  columns: string[];
  rows: string[][];
}

/** The chart's numbers as a table, for screen readers and for anyone who wants the figures. */
export function valueTable(chart: Chart): ValueTable {
  const body = chart.body;
  switch (body.kind) {
    case "series":
      return {
        columns: ["Series", chart.xLabel || "Date", chart.yLabel],
        rows: body.series.flatMap((s) => s.points.map((p) => [s.name, formatDate(p.x), p.display])),
      };
    case "intervals":
      return {
        columns: [chart.xLabel || "Row", chart.yLabel],
        rows: body.rows.map((r) => [r.label, r.display]),
      };
    case "bars":
      return {
        columns: [chart.xLabel || "Category", ...body.groups.map((g) => g.name)],
        rows: body.categories.map((category, i) => [category, ...body.groups.map((g) => g.displays[i] ?? "")]),
      };
    case "scatter":
      return {
        columns: ["Group", chart.xLabel, chart.yLabel],
        rows: body.points.map((p) => [ROLE_STYLES[p.role].label, plainNumber(p.x), plainNumber(p.y)]),
      };
    case "curve":
      return {
        columns: ["Line", chart.xLabel, chart.yLabel],
        rows: body.lines.flatMap((l) => l.points.map((p) => [l.name, plainNumber(p.x), plainNumber(p.y)])),
      };
  }
}

/** Roles in their fixed order, each once: one mark per role keeps colours constant. */
export function rolesOf<T extends { role: SeriesRole }>(items: T[]): SeriesRole[] {
  const present = new Set(items.map((i) => i.role));
  return ROLE_ORDER.filter((r) => present.has(r));
}

/** True when the chart has nothing to draw yet (no points, rows or bars). */
export function isEmpty(chart: Chart): boolean {
  const body = chart.body;
  switch (body.kind) {
    case "series":
      return !body.series.some((s) => lineRows(s.points).length > 0);
    case "intervals":
      return body.rows.length === 0;
    case "bars":
      return body.categories.length === 0 || body.groups.length === 0;
    case "scatter":
      return !body.points.some((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    case "curve":
      return !body.lines.some((l) => l.points.some((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
  }
}
