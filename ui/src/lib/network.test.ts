import { describe, expect, it } from "vitest";
import type { NetworkFigures, NetworkLayout, NetworkNode } from "../api";
import {
  compact,
  CROSS_TEAM_COLOUR,
  drawNetwork,
  figureRows,
  fit,
  legendTeams,
  percent,
  SpatialGrid,
  stepQuarter,
  TEAM_COLOURS,
  teamColour,
  tiesByNode,
  tiesOf,
  toLayout,
  toScreen,
  type Surface,
} from "./network";
import { networkPath, parseHash, sectionOf } from "./router";

function node(id: string, team: number, x: number, y: number): NetworkNode {
  return { id, label: `Person ${id}`, team, x, y, coach: false, ties: 0 };
}

/** Three people of team 0 and one of team 1: A-B within, B-D across. */
function small(): NetworkLayout {
  return {
    width: 40,
    height: 20,
    teams: [
      { name: "Sales", people: 3, x: 10, y: 10, radius: 3 },
      { name: "Support", people: 1, x: 30, y: 10, radius: 2 },
    ],
    nodes: [node("A", 0, 9, 9), node("B", 0, 11, 10), node("C", 0, 10, 12), node("D", 1, 30, 10)],
    edges: [
      { a: 0, b: 1, weight: 2, crossTeam: false },
      { a: 1, b: 3, weight: 5, crossTeam: true },
    ],
  };
}

/** A drawing surface that counts what it is asked to do. */
function counting(): Surface & { calls: Record<string, number>; strokes: string[]; fills: string[] } {
  const calls: Record<string, number> = {};
  const count = (name: string) => () => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const surface = {
    calls,
    strokes: [] as string[],
    fills: [] as string[],
    strokeStyle: "" as Surface["strokeStyle"],
    fillStyle: "" as Surface["fillStyle"],
    lineWidth: 1,
    globalAlpha: 1,
    clearRect: count("clearRect"),
    beginPath: count("beginPath"),
    moveTo: count("moveTo"),
    lineTo: count("lineTo"),
    arc: count("arc"),
    rect: count("rect"),
    setLineDash: count("setLineDash"),
    stroke() {
      count("stroke")();
      surface.strokes.push(String(surface.strokeStyle));
    },
    fill() {
      count("fill")();
      surface.fills.push(String(surface.fillStyle));
    },
  };
  return surface;
}

describe("fitting the layout to the canvas", () => {
  it("keeps the layout's proportions and centres it", () => {
    const t = fit({ width: 40, height: 20 }, 424, 424, 12);
    // 400 px across for 40 units: 10 px a unit; 200 px tall, centred in 424.
    expect(t.scale).toBe(10);
    expect(toScreen(t, 0, 0)).toEqual([12, 112]);
    expect(toScreen(t, 40, 20)).toEqual([412, 312]);
    expect(toLayout(t, 212, 212)).toEqual([20, 10]);
  });

  it("survives an empty layout", () => {
    const t = fit({ width: 0, height: 0 }, 300, 200);
    expect(Number.isFinite(t.scale)).toBe(true);
  });
});

describe("finding the dot under the pointer", () => {
  it("finds the nearest node within reach, and none beyond it", () => {
    const grid = new SpatialGrid(small().nodes, 40, 4);
    expect(grid.nearest(9.2, 9.1, 1)).toBe(0);
    expect(grid.nearest(10.8, 10.2, 1)).toBe(1);
    expect(grid.nearest(20, 10, 1)).toBeNull();
    // Across a cell boundary (cells are 4 units): D sits at 30, the point at 28.1.
    expect(grid.nearest(28.1, 10, 2)).toBe(3);
  });

  it("agrees with looking at every node, on ten thousand of them", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const nodes = Array.from({ length: 10000 }, (_, i) => node(String(i), i % 50, random() * 300, random() * 180));
    const grid = new SpatialGrid(nodes, 300);
    for (let probe = 0; probe < 200; probe++) {
      const x = random() * 300;
      const y = random() * 180;
      let best: number | null = null;
      let bestDistance = 1.5 * 1.5;
      nodes.forEach((n, i) => {
        const d = (n.x - x) ** 2 + (n.y - y) ** 2;
        if (d <= bestDistance) {
          bestDistance = d;
          best = i;
        }
      });
      const found = grid.nearest(x, y, 1.5);
      if (best === null) expect(found).toBeNull();
      else {
        const hit = nodes[found ?? -1];
        expect(hit).toBeDefined();
        if (hit) expect((hit.x - x) ** 2 + (hit.y - y) ** 2).toBeCloseTo(bestDistance, 9);
      }
    }
  });
});

describe("a person's ties", () => {
  it("lists the other end of each tie, most events first", () => {
    const layout = small();
    const byNode = tiesByNode(layout.nodes.length, layout.edges);
    expect(byNode).toEqual([[0], [0, 1], [], [1]]);
    const ties = tiesOf(layout, byNode, 1);
    expect(ties.map((t) => [t.node.id, t.weight, t.crossTeam])).toEqual([
      ["D", 5, true],
      ["A", 2, false],
    ]);
    expect(tiesOf(layout, byNode, 2)).toEqual([]);
  });
});

describe("stepping through quarters", () => {
  const quarters = ["2026-Q1", "2026-Q2", "2026-Q3"];
  it("goes back and forth and stops at either end", () => {
    expect(stepQuarter(quarters, "2026-Q2", -1)).toBe("2026-Q1");
    expect(stepQuarter(quarters, "2026-Q2", 1)).toBe("2026-Q3");
    expect(stepQuarter(quarters, "2026-Q1", -1)).toBeNull();
    expect(stepQuarter(quarters, "2026-Q3", 1)).toBeNull();
    expect(stepQuarter(quarters, "2025-Q4", 1)).toBeNull();
    expect(stepQuarter(quarters, null, 1)).toBeNull();
  });
});

describe("figures as shown", () => {
  it("keeps the digits a share needs", () => {
    expect(percent(0.8)).toBe("80%");
    expect(percent(0.035)).toBe("3.5%");
    expect(percent(0.0025)).toBe("0.25%");
    expect(percent(null)).toBe("—");
    expect(compact(1 / 6)).toBe("0.167");
    expect(compact(0.000123)).toBe("0.000123");
    expect(compact(1234.5)).toBe("1,235");
  });

  it("shows each figure with what it is a share of", () => {
    const f = {
      quarter: "2026-Q3", people: 9, possibleTies: 36, ties: 6, density: 1 / 6, reached: 8, reach: 8 / 9,
      crossTeamTies: 3, crossTeam: 0.5,
    } as NetworkFigures;
    expect(figureRows(f).map((r) => [r.label, r.value, r.basis])).toEqual([
      ["Density", "0.167", "6 ties of 36 possible"],
      ["Reach", "88.9%", "8 of 9 people with a tie"],
      ["Cross-team transfer", "50%", "3 of 6 ties across teams"],
    ]);
  });
});

describe("the legend", () => {
  it("names every team when there are few, the largest when there are many", () => {
    expect(legendTeams(small()).shown.map((t) => [t.name, t.colour])).toEqual([
      ["Sales", TEAM_COLOURS[0]],
      ["Support", TEAM_COLOURS[1]],
    ]);
    const many = { ...small(), teams: Array.from({ length: 14 }, (_, i) => ({ name: `T${i}`, people: i, x: 0, y: 0, radius: 1 })) };
    const legend = legendTeams(many, 10);
    expect(legend.shown[0]?.name).toBe("T13");
    expect(legend.more).toBe(4);
    expect(teamColour(9)).toBe(TEAM_COLOURS[1]);
  });
});

describe("drawing the map", () => {
  it("strokes each kind of tie once and fills each colour once, however many people", () => {
    const base = small();
    const surface = counting();
    const options = { width: 400, height: 200, transform: fit(base, 400, 200), focus: null, byNode: tiesByNode(4, base.edges), ink: "#000" };
    drawNetwork(surface, base, options);
    const few = { ...surface.calls };
    // Within-team ties, then cross-team ties (on top), then the coaches' rings.
    expect(surface.strokes.slice(0, 2)).toEqual(["#b8c0ca", CROSS_TEAM_COLOUR]);
    expect(surface.fills).toEqual([TEAM_COLOURS[0], TEAM_COLOURS[1]]);

    const big: NetworkLayout = {
      ...base,
      nodes: Array.from({ length: 10000 }, (_, i) => node(String(i), i % 2, (i % 100) * 0.4, Math.floor(i / 100) * 0.2)),
      edges: Array.from({ length: 9999 }, (_, i) => ({ a: i, b: i + 1, weight: 1, crossTeam: i % 2 === 0 })),
    };
    const again = counting();
    drawNetwork(again, big, { ...options, byNode: tiesByNode(10000, big.edges) });
    expect(again.calls.stroke).toBe(few.stroke);
    expect(again.calls.fill).toBe(few.fill);
    expect(again.calls.arc).toBe(10000);
  });

  it("picks out the focused person's ties on top", () => {
    const layout = small();
    const surface = counting();
    const byNode = tiesByNode(4, layout.edges);
    drawNetwork(surface, layout, { width: 400, height: 200, transform: fit(layout, 400, 200), focus: 1, byNode, ink: "#123456" });
    // B's two ties drawn again from B, then B's own ring.
    expect(surface.strokes.slice(-2)).toEqual(["#123456", "#123456"]);
    expect(surface.fills.at(-1)).toBe(TEAM_COLOURS[0]);
  });
});

describe("the network's routes", () => {
  it("has a map and a coaches tab", () => {
    expect(parseHash("#/network")).toEqual({ name: "network", tab: "map" });
    expect(parseHash("#/network/map")).toEqual({ name: "network", tab: "map" });
    expect(parseHash("#/network/coaches")).toEqual({ name: "network", tab: "coaches" });
    expect(parseHash("#/network/other")).toEqual({ name: "not-found", path: "/network/other" });
    expect(parseHash("#/network/map/x")).toEqual({ name: "not-found", path: "/network/map/x" });
    expect(sectionOf({ name: "network", tab: "coaches" })).toBe("network");
    expect(networkPath()).toBe("/network");
    expect(networkPath("coaches")).toBe("/network/coaches");
  });
});
