// The network map's pure parts: colours, fitting the layout to the canvas, finding the dot
// under the pointer, a person's ties, stepping through quarters and the figures as printed.
// The layout itself comes from the core (the same one a pack prints), so nothing here
// places anyone.
import type { NetworkEdge, NetworkFigures, NetworkLayout, NetworkNode } from "../api";

/** Team colours, in order; a team takes the colour of its index modulo their number. The
 * packs print with the same list (`TEAM_COLOURS` in crates/core/src/packs/network.rs). */
export const TEAM_COLOURS = ["#0f766e", "#2563eb", "#9333ea", "#65a30d", "#db2777", "#a16207", "#991b1b", "#64748b"] as const;
export const TIE_COLOUR = "#b8c0ca";
export const CROSS_TEAM_COLOUR = "#d97706";

export function teamColour(team: number): string {
  const slot = ((team % TEAM_COLOURS.length) + TEAM_COLOURS.length) % TEAM_COLOURS.length;
  return TEAM_COLOURS[slot] ?? TEAM_COLOURS[0];
}

/** Layout units to canvas pixels: `x * scale + dx`. */
export interface Transform {
  scale: number;
  dx: number;
  dy: number;
}

/** The largest scale that shows the whole layout inside `width` x `height` with `padding`
 * around it, centred. */
export function fit(layout: Pick<NetworkLayout, "width" | "height">, width: number, height: number, padding = 12): Transform {
  const w = Math.max(width - 2 * padding, 1);
  const h = Math.max(height - 2 * padding, 1);
  if (layout.width <= 0 || layout.height <= 0) return { scale: 1, dx: padding, dy: padding };
  const scale = Math.min(w / layout.width, h / layout.height);
  return {
    scale,
    dx: (width - layout.width * scale) / 2,
    dy: (height - layout.height * scale) / 2,
  };
}

export function toScreen(t: Transform, x: number, y: number): [number, number] {
  return [x * t.scale + t.dx, y * t.scale + t.dy];
}

export function toLayout(t: Transform, px: number, py: number): [number, number] {
  return [(px - t.dx) / t.scale, (py - t.dy) / t.scale];
}

/** A dot's radius in pixels: about half a person's spacing, never too small to see or so
 * large that neighbours merge. */
export function dotRadius(t: Transform): number {
  return Math.min(Math.max(t.scale * 0.42, 1.2), 6);
}

/** Nodes bucketed by cell, for finding the one under the pointer without looking at all
 * ten thousand: only the cells around the point are searched. */
export class SpatialGrid {
  readonly cell: number;
  readonly #cells = new Map<number, number[]>();
  readonly #nodes: readonly Pick<NetworkNode, "x" | "y">[];
  readonly #columns: number;

  constructor(nodes: readonly Pick<NetworkNode, "x" | "y">[], width: number, cell = 4) {
    this.cell = cell;
    this.#nodes = nodes;
    this.#columns = Math.max(1, Math.ceil(width / cell) + 1);
    nodes.forEach((node, index) => {
      const key = this.#key(Math.floor(node.x / cell), Math.floor(node.y / cell));
      const bucket = this.#cells.get(key);
      if (bucket) bucket.push(index);
      else this.#cells.set(key, [index]);
    });
  }

  #key(column: number, row: number): number {
    return row * this.#columns + column;
  }

  /** The index of the node nearest (x, y) within `radius` layout units, or null. */
  nearest(x: number, y: number, radius: number): number | null {
    const reach = Math.ceil(radius / this.cell);
    const column = Math.floor(x / this.cell);
    const row = Math.floor(y / this.cell);
    let best: number | null = null;
    let bestDistance = radius * radius;
    for (let r = row - reach; r <= row + reach; r++) {
      for (let c = column - reach; c <= column + reach; c++) {
        if (c < 0 || r < 0 || c >= this.#columns) continue;
        for (const index of this.#cells.get(this.#key(c, r)) ?? []) {
          const node = this.#nodes[index];
          if (!node) continue;
          const d = (node.x - x) ** 2 + (node.y - y) ** 2;
          if (d <= bestDistance) {
            bestDistance = d;
            best = index;
          }
        }
      }
    }
    return best;
  }
}

/** Each node's ties, as indexes into `edges`, built once per layout. */
export function tiesByNode(nodeCount: number, edges: readonly NetworkEdge[]): number[][] {
  const ties: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((edge, index) => {
    ties[edge.a]?.push(index);
    ties[edge.b]?.push(index);
  });
  return ties;
}

export interface Tie {
  node: NetworkNode;
  weight: number;
  crossTeam: boolean;
}

/** One person's ties, most events first, then by name. */
export function tiesOf(layout: NetworkLayout, byNode: number[][], index: number): Tie[] {
  const ties: Tie[] = [];
  for (const e of byNode[index] ?? []) {
    const edge = layout.edges[e];
    const node = edge && layout.nodes[edge.a === index ? edge.b : edge.a];
    if (edge && node) ties.push({ node, weight: edge.weight, crossTeam: edge.crossTeam });
  }
  return ties.sort((a, b) => b.weight - a.weight || a.node.label.localeCompare(b.node.label));
}

/** The quarter `delta` steps from `current` in `quarters` (oldest first), or null past
 * either end. */
export function stepQuarter(quarters: readonly string[], current: string | null, delta: number): string | null {
  const at = current === null ? -1 : quarters.indexOf(current);
  if (at < 0) return null;
  return quarters[at + delta] ?? null;
}

/** A share as a percentage with the digits its size needs, like the packs: "80%", "3.5%",
 * "0.25%". */
export function percent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return `${compact(share * 100)}%`;
}

/** Three significant digits, trailing zeros dropped: 0.1667 -> "0.167", 40 -> "40". */
export function compact(value: number): string {
  if (value === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: Math.min(digits, 8), minimumFractionDigits: 0 });
  return text;
}

export interface FigureRow {
  label: string;
  value: string;
  /** The numerator and denominator behind it. */
  basis: string;
  testid: string;
}

const count = (n: number) => n.toLocaleString("en-GB");

/** Density, reach and cross-team transfer, each with what it is a share of. */
export function figureRows(f: NetworkFigures): FigureRow[] {
  return [
    {
      label: "Density",
      value: f.density === null ? "—" : compact(f.density),
      basis: `${count(f.ties)} ties of ${count(f.possibleTies)} possible`,
      testid: "density",
    },
    {
      label: "Reach",
      value: percent(f.reach),
      basis: `${count(f.reached)} of ${count(f.people)} people with a tie`,
      testid: "reach",
    },
    {
      label: "Cross-team transfer",
      value: percent(f.crossTeam),
      basis: `${count(f.crossTeamTies)} of ${count(f.ties)} ties across teams`,
      testid: "cross-team",
    },
  ];
}

export interface LegendEntry {
  name: string;
  colour: string;
  people: number;
}

/** The legend's teams: all of them when few, else the largest `limit` (colours repeat). */
export function legendTeams(layout: NetworkLayout, limit = 10): { shown: LegendEntry[]; more: number } {
  const entries = layout.teams.map((team, index) => ({ name: team.name, colour: teamColour(index), people: team.people }));
  if (entries.length <= limit) return { shown: entries, more: 0 };
  const largest = [...entries].sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)).slice(0, limit);
  return { shown: largest, more: entries.length - limit };
}

/** What a screen reader hears for the map. */
export function mapDescription(f: NetworkFigures): string {
  return (
    `Coaching network of ${f.quarter}: ${count(f.people)} people in ${count(f.teams.length)} teams, ` +
    `${count(f.ties)} ties, reach ${percent(f.reach)}, ${percent(f.crossTeam)} of ties across teams.`
  );
}

/** The minimal drawing surface the map needs, so the drawing can be tested without a browser. */
export interface Surface {
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  stroke(): void;
  fill(): void;
  setLineDash(segments: number[]): void;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  globalAlpha: number;
}

export interface DrawOptions {
  width: number;
  height: number;
  transform: Transform;
  /** The person whose ties are picked out, if any. */
  focus: number | null;
  byNode: number[][];
  /** The page's ink colour (it differs in the dark theme), for rings and picked-out ties. */
  ink: string;
}

/** Draws the whole map in one pass: ties batched into two paths (within and across teams),
 * then the dots batched into one path per colour; a focused person's ties on top. The
 * cost is a handful of strokes and fills whatever the number of people. */
export function drawNetwork(ctx: Surface, layout: NetworkLayout, o: DrawOptions): void {
  const t = o.transform;
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.globalAlpha = o.focus === null ? 1 : 0.35;
  const lineWidth = Math.min(Math.max(t.scale * 0.08, 0.5), 1.5);
  for (const cross of [false, true]) {
    ctx.beginPath();
    for (const edge of layout.edges) {
      if (edge.crossTeam !== cross) continue;
      const a = layout.nodes[edge.a];
      const b = layout.nodes[edge.b];
      if (!a || !b) continue;
      ctx.moveTo(a.x * t.scale + t.dx, a.y * t.scale + t.dy);
      ctx.lineTo(b.x * t.scale + t.dx, b.y * t.scale + t.dy);
    }
    ctx.strokeStyle = cross ? CROSS_TEAM_COLOUR : TIE_COLOUR;
    ctx.lineWidth = cross ? lineWidth * 1.4 : lineWidth;
    // Dashed as well as orange, so ties across teams stand apart for anyone who cannot
    // tell the colours apart.
    ctx.setLineDash(cross ? [4, 2] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const r = dotRadius(t);
  const byColour = new Map<string, number[]>();
  layout.nodes.forEach((node, index) => {
    const colour = teamColour(node.team);
    const list = byColour.get(colour);
    if (list) list.push(index);
    else byColour.set(colour, [index]);
  });
  for (const [colour, indexes] of byColour) {
    ctx.beginPath();
    for (const index of indexes) {
      const node = layout.nodes[index];
      if (!node) continue;
      const x = node.x * t.scale + t.dx;
      const y = node.y * t.scale + t.dy;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
  // Internal coaches get a dark ring, so they can be found at a glance.
  ctx.beginPath();
  for (const node of layout.nodes) {
    if (!node.coach) continue;
    const x = node.x * t.scale + t.dx;
    const y = node.y * t.scale + t.dy;
    ctx.moveTo(x + r + 1.5, y);
    ctx.arc(x, y, r + 1.5, 0, Math.PI * 2);
  }
  ctx.strokeStyle = o.ink;
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.globalAlpha = 1;
  const centre = o.focus === null ? undefined : layout.nodes[o.focus];
  if (o.focus !== null && centre) {
    const [cx, cy] = toScreen(t, centre.x, centre.y);
    ctx.beginPath();
    for (const e of o.byNode[o.focus] ?? []) {
      const edge = layout.edges[e];
      const other = edge && layout.nodes[edge.a === o.focus ? edge.b : edge.a];
      if (!other) continue;
      ctx.moveTo(cx, cy);
      ctx.lineTo(other.x * t.scale + t.dx, other.y * t.scale + t.dy);
    }
    ctx.strokeStyle = o.ink;
    ctx.lineWidth = 1.6;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(cx + r + 3, cy);
    ctx.arc(cx, cy, r + 3, 0, Math.PI * 2);
    ctx.fillStyle = teamColour(centre.team);
    ctx.fill();
    ctx.strokeStyle = o.ink;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
}
