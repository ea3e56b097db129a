// Observable Plot options for each kind of chart body. The layout follows the printed packs
// (packs/engine/charts): the same roles, dashes, markers, references and printed values.
import * as Plot from "@observablehq/plot";
import type {
  BarGroup,
  Chart,
  CurveLine,
  IntervalRow,
  Reference,
  ScatterPoint,
  Series,
  Band,
  Marker,
  FitLine,
} from "../../api";
import { formatDate } from "../../lib/format";
import { day, FIT_DASH, lineRows, plainNumber, ROLE_STYLES, rolesOf, type Palette } from "../../lib/charts";

/** Generous text width at the chart's 12px type, for margins; Plot does not measure text. */
const textWidth = (text: string) => text.length * 7.2;
const widest = (texts: string[]) => Math.max(0, ...texts.map(textWidth));

const REFERENCE_DASH = "3 2";

export interface Colours extends Palette {
  ink: string;
  muted: string;
  surface: string;
}

function base(chart: Chart, width: number, colours: Colours): Plot.PlotOptions {
  return {
    width,
    style: { fontFamily: "var(--font-sans, sans-serif)", fontSize: "12px", color: colours.ink, background: "transparent", overflow: "visible" },
    ariaLabel: chart.title,
    ariaDescription: chart.subtitle ?? undefined,
  };
}

export function plotOptions(chart: Chart, width: number, colours: Colours): Plot.PlotOptions {
  const body = chart.body;
  switch (body.kind) {
    case "series":
      return seriesPlot(chart, body.series, body.bands, body.markers, width, colours);
    case "intervals":
      return intervalsPlot(chart, body.rows, body.references, width, colours);
    case "bars":
      return barsPlot(chart, body.categories, body.groups, body.references, width, colours);
    case "scatter":
      return scatterPlot(chart, body.points, body.fit, width, colours);
    case "curve":
      return curvePlot(chart, body.lines, body.references, body.xReferences, width, colours);
  }
}

/** Month ticks every 1, 2, 3, 6 or 12 months, whichever first leaves room for "Jan 2027". */
export function monthTicks(first: Date, last: Date, width: number): string {
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
  if (months < 2) return "week";
  const room = Math.max(1, Math.floor(width / 80));
  const step = [1, 2, 3, 6].find((s) => months / s <= room);
  return step === undefined ? "year" : step === 1 ? "month" : `${step} months`;
}

function seriesPlot(
  chart: Chart,
  series: Series[],
  bands: Band[],
  markers: Marker[],
  width: number,
  colours: Colours,
): Plot.PlotOptions {
  const marks: Plot.Markish[] = [];
  const bandRows = bands.flatMap((b) => {
    const from = day(b.from);
    const to = day(b.to);
    return from && to ? [{ from, to, label: b.label }] : [];
  });
  bandRows.forEach((band, i) => {
    marks.push(Plot.rect([band], { x1: "from", x2: "to", fill: colours.bands[i % colours.bands.length], ariaDescription: "band" }));
  });
  marks.push(Plot.text(bandRows, { x: "from", text: "label", frameAnchor: "top", textAnchor: "start", lineAnchor: "bottom", dx: 3, dy: -18, fill: colours.muted, ariaDescription: "band label" }));
  const markerRows = markers.flatMap((m) => {
    const at = day(m.at);
    return at ? [{ at, label: m.label }] : [];
  });
  marks.push(Plot.ruleX(markerRows, { x: "at", stroke: colours.ink, strokeDasharray: "2 2", ariaDescription: "marker" }));
  marks.push(Plot.text(markerRows, { x: "at", text: "label", frameAnchor: "top", lineAnchor: "bottom", dy: -4, fill: colours.ink, ariaDescription: "marker label" }));

  const ends: { x: Date; y: number; display: string; colour: string }[] = [];
  for (const line of series) {
    const style = ROLE_STYLES[line.role];
    const colour = colours.colour[line.role];
    const rows = lineRows(line.points);
    const points = rows.filter((r) => Number.isFinite(r.y));
    marks.push(Plot.line(rows, { x: "x", y: "y", stroke: colour, strokeWidth: 2, strokeDasharray: style.dash || undefined, ariaDescription: `line ${line.name}` }));
    marks.push(
      Plot.dot(points, {
        x: "x",
        y: "y",
        r: 3.5,
        symbol: style.symbol,
        fill: colour,
        stroke: colours.surface,
        strokeWidth: 1,
        title: (d: { x: Date; display: string }) => `${line.name}, ${formatDate(d.x.toISOString().slice(0, 10))}: ${d.display}`,
        tip: true,
        ariaDescription: `points ${line.name}`,
      }),
    );
    const last = points.at(-1);
    if (last) ends.push({ ...last, colour });
  }
  marks.push(Plot.text(ends, { x: "x", y: "y", text: "display", textAnchor: "start", dx: 8, fill: (d: { colour: string }) => d.colour, fontWeight: 600, ariaDescription: "last value" }));

  const dates = [...series.flatMap((s) => lineRows(s.points).map((r) => r.x)), ...bandRows.flatMap((b) => [b.from, b.to]), ...markerRows.map((m) => m.at)];
  const right = widest(ends.map((e) => e.display)) + 14;
  const ticks = dates.length ? monthTicks(new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number))), width - 52 - right) : "month";
  return {
    ...base(chart, width, colours),
    height: 300,
    marginTop: 44,
    marginLeft: 52,
    marginRight: right,
    marginBottom: 40,
    x: { type: "utc", label: chart.xLabel || null, labelAnchor: "center", labelArrow: "none", ticks, tickFormat: ticks === "week" ? "%-d %b" : "%b %Y", inset: 6 },
    y: { label: chart.yLabel || null, labelAnchor: "top", labelArrow: "none", grid: true, nice: true },
    marks,
  };
}

function intervalsPlot(chart: Chart, rows: IntervalRow[], references: Reference[], width: number, colours: Colours): Plot.PlotOptions {
  const marks: Plot.Markish[] = [Plot.ruleX([0], { stroke: colours.zero, strokeWidth: 1.2, ariaDescription: "zero" })];
  for (const role of rolesOf(rows)) {
    const style = ROLE_STYLES[role];
    const colour = colours.colour[role];
    const mine = rows.filter((r) => r.role === role);
    const whiskers = mine.filter((r) => r.low != null && r.high != null);
    marks.push(Plot.ruleY(whiskers, { y: "label", x1: "low", x2: "high", stroke: colour, strokeWidth: 2, ariaDescription: "interval" }));
    marks.push(Plot.tickX(whiskers, { x: "low", y: "label", stroke: colour, strokeWidth: 2, insetTop: 8, insetBottom: 8, ariaDescription: "interval end" }));
    marks.push(Plot.tickX(whiskers, { x: "high", y: "label", stroke: colour, strokeWidth: 2, insetTop: 8, insetBottom: 8, ariaDescription: "interval end" }));
    marks.push(
      Plot.dot(mine, {
        x: "estimate",
        y: "label",
        r: 4.5,
        symbol: style.symbol,
        fill: colour,
        stroke: colours.surface,
        title: (r: IntervalRow) => `${r.label}: ${r.display}`,
        tip: true,
        ariaDescription: "estimate",
      }),
    );
  }
  marks.push(Plot.text(rows, { y: "label", text: "display", frameAnchor: "right", textAnchor: "start", dx: 10, fontWeight: 600, ariaDescription: "printed estimate" }));
  marks.push(...referencesAcross(references, colours));

  const left = Math.min(width * 0.34, widest(rows.map((r) => r.label)) + 12);
  const right = Math.min(width * 0.32, widest(rows.map((r) => r.display)) + 14);
  return {
    ...base(chart, width, colours),
    height: rows.length * 30 + 70,
    marginTop: references.length ? 26 : 14,
    marginLeft: left,
    marginRight: right,
    marginBottom: 42,
    x: { label: chart.yLabel || null, labelAnchor: "center", labelArrow: "none", grid: true, nice: true, inset: 6 },
    y: { domain: rows.map((r) => r.label), label: chart.xLabel || null, labelAnchor: "top", labelArrow: "none", tickSize: 0 },
    marks,
  };
}

/** References on the x axis: dashed lines up the plot, labelled above it. */
function referencesAcross(references: Reference[], colours: Colours): Plot.Markish[] {
  return [
    Plot.ruleX(references, { x: "value", stroke: colours.target, strokeDasharray: REFERENCE_DASH, ariaDescription: "reference" }),
    Plot.text(references, { x: "value", text: "label", frameAnchor: "top", lineAnchor: "bottom", dy: -5, fill: colours.target, ariaDescription: "reference label" }),
  ];
}

/** References on the value axis: dashed lines across the plot, labelled at the right end. */
function referencesUp(references: Reference[], colours: Colours, extra: Record<string, unknown> = {}): Plot.Markish[] {
  return [
    Plot.ruleY(references, { y: "value", stroke: colours.target, strokeDasharray: REFERENCE_DASH, ariaDescription: "reference" }),
    Plot.text(references, { y: "value", text: "label", frameAnchor: "right", textAnchor: "end", lineAnchor: "bottom", dx: -3, dy: -3, fill: colours.target, ariaDescription: "reference label", ...extra }),
  ];
}

interface BarRow {
  category: string;
  group: string;
  value: number | null;
  display: string;
}

function barsPlot(chart: Chart, categories: string[], groups: BarGroup[], references: Reference[], width: number, colours: Colours): Plot.PlotOptions {
  const rows: BarRow[] = categories.flatMap((category, i) =>
    groups.map((g) => {
      const value = g.values[i];
      return { category, group: g.name, value: value != null && Number.isFinite(value) ? value : null, display: g.displays[i] ?? "" };
    }),
  );
  const shown = rows.filter((r) => r.value != null);
  const hidden = rows.filter((r) => r.value == null);
  const last = categories.at(-1) ?? "";
  // Headroom, as on paper, so the tallest bar's value prints inside the plot.
  const values = shown.map((r) => r.value ?? 0).concat(references.map((r) => r.value), [0]);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.1;
  const domain: [number, number] = [lo < 0 ? lo - pad : lo, hi > 0 ? hi + pad : hi];
  const marks: Plot.Markish[] = [
    Plot.barY(shown, { fx: "category", x: "group", y: "value", fill: "group", title: (r: BarRow) => `${r.category}, ${r.group}: ${r.display}`, ariaDescription: "bar" }),
    Plot.text(shown.filter((r) => (r.value ?? 0) >= 0), { fx: "category", x: "group", y: "value", text: "display", lineAnchor: "bottom", dy: -4, fontWeight: 600, ariaDescription: "printed value" }),
    Plot.text(shown.filter((r) => (r.value ?? 0) < 0), { fx: "category", x: "group", y: "value", text: "display", lineAnchor: "top", dy: 4, fontWeight: 600, ariaDescription: "printed value" }),
    Plot.text(hidden, { fx: "category", x: "group", y: () => 0, text: "display", lineAnchor: "bottom", dy: -4, fontSize: 10, fill: colours.muted, ariaDescription: "hidden value" }),
    Plot.ruleY([0], { stroke: colours.zero }),
    ...referencesUp(
      references.map((r) => ({ ...r, category: last })),
      colours,
      { fx: "category" },
    ),
  ];
  return {
    ...base(chart, width, colours),
    height: 280,
    marginTop: 30,
    marginLeft: 56,
    marginBottom: 44,
    fx: { domain: categories, label: chart.xLabel || null, labelAnchor: "center", labelArrow: "none", padding: 0.12 },
    x: { domain: groups.map((g) => g.name), axis: null, paddingInner: 0.06, paddingOuter: 0.14 },
    y: { label: chart.yLabel || null, labelAnchor: "top", labelArrow: "none", grid: true, nice: true, domain },
    color: { domain: groups.map((g) => g.name), range: groups.map((g) => colours.fill[g.role]) },
    marks,
  };
}

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

function scatterPlot(chart: Chart, points: ScatterPoint[], fit: FitLine | null, width: number, colours: Colours): Plot.PlotOptions {
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const r = finite.length > 150 ? 2.5 : 3.5;
  const marks: Plot.Markish[] = rolesOf(finite).map((role) =>
    Plot.dot(
      finite.filter((p) => p.role === role),
      {
        x: "x",
        y: "y",
        r,
        symbol: ROLE_STYLES[role].symbol,
        fill: colours.colour[role],
        stroke: colours.surface,
        strokeWidth: 0.8,
        title: (p: ScatterPoint) => `${ROLE_STYLES[p.role].label}: ${plainNumber(p.x)}, ${plainNumber(p.y)}`,
        tip: true,
        ariaDescription: `points ${ROLE_STYLES[role].label}`,
      },
    ),
  );
  const [x0, x1] = extent(finite.map((p) => p.x));
  if (fit && Number.isFinite(fit.slope) && Number.isFinite(fit.intercept)) {
    const ends = [x0, x1].map((x) => ({ x, y: fit.slope * x + fit.intercept }));
    marks.push(Plot.line(ends, { x: "x", y: "y", stroke: colours.ink, strokeWidth: 1.5, strokeDasharray: FIT_DASH, clip: true, ariaDescription: "fitted line" }));
  }
  return {
    ...base(chart, width, colours),
    height: 320,
    marginTop: 24,
    marginLeft: 52,
    marginBottom: 42,
    x: { label: chart.xLabel || null, labelAnchor: "center", labelArrow: "none", grid: true, nice: true, inset: 6, domain: extent(finite.map((p) => p.x)) },
    y: { label: chart.yLabel || null, labelAnchor: "top", labelArrow: "none", grid: true, nice: true, inset: 6, domain: extent(finite.map((p) => p.y)) },
    marks,
  };
}

function curvePlot(
  chart: Chart,
  lines: CurveLine[],
  references: Reference[],
  xReferences: Reference[],
  width: number,
  colours: Colours,
): Plot.PlotOptions {
  const marks: Plot.Markish[] = [...referencesUp(references, colours), ...referencesAcross(xReferences, colours)];
  for (const line of lines) {
    const style = ROLE_STYLES[line.role];
    const points = line.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
    marks.push(Plot.line(points, { x: "x", y: "y", stroke: colours.colour[line.role], strokeWidth: 2, strokeDasharray: style.dash || undefined, ariaDescription: `line ${line.name}` }));
    const title = (p: { x: number; y: number }) => `${line.name}: ${plainNumber(p.x)}, ${plainNumber(p.y)}`;
    marks.push(Plot.tip(points, Plot.pointerX({ x: "x", y: "y", title })));
  }
  return {
    ...base(chart, width, colours),
    height: 300,
    marginTop: xReferences.length ? 30 : 20,
    marginLeft: 52,
    marginBottom: 42,
    x: { label: chart.xLabel || null, labelAnchor: "center", labelArrow: "none", grid: true, nice: true },
    y: { label: chart.yLabel || null, labelAnchor: "top", labelArrow: "none", grid: true, nice: true },
    marks,
  };
}
