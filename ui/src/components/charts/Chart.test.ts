import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { barsChart, curveChart, intervalsChart, scatterChart, seriesChart } from "../../test/charts";
import Chart from "./Chart.svelte";

afterEach(cleanup);

/** The drawn chart's SVG (Plot's output) inside the figure with the chart's id. */
function plotOf(id: string): SVGSVGElement {
  const figure = screen.getByTestId(id);
  const svg = figure.querySelector<SVGSVGElement>(".plot svg");
  if (!svg) throw new Error(`no plot drawn for ${id}`);
  return svg;
}

/** The groups Plot draws for a mark, by the description given to the mark. */
function marks(svg: SVGSVGElement, label: string): Element[] {
  return [...svg.querySelectorAll(`g[aria-description="${label}"]`)];
}

/** How many separate runs a line's path is drawn in (one "M" per run). */
function moves(group: Element | undefined): number {
  return (group?.querySelector("path")?.getAttribute("d") ?? "").split("M").length - 1;
}

/** Dots (circles) and other symbols (paths) drawn by the marks with this description. */
function symbols(svg: SVGSVGElement, label: string): number {
  return marks(svg, label).reduce((n, g) => n + g.querySelectorAll("circle, path").length, 0);
}

function texts(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "");
}

describe("Chart", () => {
  it("draws both groups' lines with the windows, the marked day and each line's last value", () => {
    render(Chart, { chart: seriesChart() });
    const figure = screen.getByTestId("kpi-3-series");
    expect(within(figure).getByRole("heading", { level: 3 }).textContent).toBe(
      "First-contact resolution rose in the pilot group after coaching began",
    );
    expect(within(figure).getByText("Monthly mean per team, % of calls resolved on first contact")).toBeTruthy();
    expect(within(figure).getByRole("img", { name: /First-contact resolution rose/ })).toBeTruthy();

    const svg = plotOf("kpi-3-series");
    const [pilot] = marks(svg, "line Pilot group (6 teams)");
    const [comparison] = marks(svg, "line Comparison group (7 teams)");
    expect(moves(pilot)).toBe(1);
    // The hidden December breaks the comparison line in two.
    expect(moves(comparison)).toBe(2);
    expect(comparison?.getAttribute("stroke-dasharray")).toBe("5 2.5");
    expect(pilot?.getAttribute("stroke-dasharray")).toBeNull();
    expect(symbols(svg, "points Comparison group (7 teams)")).toBe(4);
    expect(symbols(svg, "points Pilot group (6 teams)")).toBe(5);
    expect(marks(svg, "band")).toHaveLength(2);

    const labels = texts(svg);
    for (const expected of ["Baseline window", "Pilot window", "Day 45 review", "78.9%", "73.4%", "Resolution rate, %", "Month", "Jan 2027"]) {
      expect(labels).toContain(expected);
    }
    expect(within(figure).getByText("December 2026 is hidden for the comparison group (privacy floor).")).toBeTruthy();
  });

  it("draws estimates as whiskers around a zero line, with the printed estimate and the reference", () => {
    render(Chart, { chart: intervalsChart() });
    const svg = plotOf("lift-per-kpi");
    expect(marks(svg, "zero")).toHaveLength(1);
    // Two rows have intervals; the single-unit row has a point only.
    expect(marks(svg, "interval")[0]?.querySelectorAll("line")).toHaveLength(2);
    expect(symbols(svg, "estimate")).toBe(3);
    const labels = texts(svg);
    for (const expected of ["+4.1 pts (1.2 to 7.0)", "+0.0225 (no interval)", "Success criterion +3", "First-contact resolution (%)", "Lift in each KPI's unit"]) {
      expect(labels).toContain(expected);
    }
  });

  it("draws grouped bars with their values, a hidden value's stand-in and the reference", () => {
    render(Chart, { chart: barsChart() });
    const figure = screen.getByTestId("coaching-activity");
    const svg = plotOf("coaching-activity");
    expect(marks(svg, "bar").reduce((n, g) => n + g.querySelectorAll("rect").length, 0)).toBe(5);
    const labels = texts(svg);
    for (const expected of ["1.8", "2.2", "0.9", "1.6", "<5 managers", "Plan: 2 a week", "Jan 2027", "Events per manager per week"]) {
      expect(labels).toContain(expected);
    }
    const legend = within(figure).getAllByRole("listitem", { hidden: true }).map((li) => li.textContent?.trim());
    expect(legend).toEqual(["Conversations", "Playbook tasks"]);
  });

  it("draws points by role with the fitted line and names them in the legend", () => {
    render(Chart, { chart: scatterChart() });
    const svg = plotOf("inputs-outcomes");
    expect(symbols(svg, "points Pilot group")).toBe(3);
    expect(symbols(svg, "points Comparison group")).toBe(2);
    // Comparison points are squares, drawn as paths; pilot points are circles.
    expect(marks(svg, "points Comparison group")[0]?.querySelectorAll("path").length).toBe(2);
    expect(marks(svg, "fitted line")).toHaveLength(1);
    expect(texts(svg)).toContain("Coaching hours per manager");
    expect(screen.getByText("Fitted line: +0.45 pts per hour")).toBeTruthy();
  });

  it("draws a curve with references on both axes", () => {
    render(Chart, { chart: curveChart() });
    const svg = plotOf("roi-sensitivity");
    expect(marks(svg, "line ROI at 80% confidence")).toHaveLength(1);
    const labels = texts(svg);
    for (const expected of ["Break-even", "Interval low 1.2", "Measured 4.1", "ROI, %"]) {
      expect(labels).toContain(expected);
    }
    expect(marks(svg, "reference").length).toBe(2);
  });

  it("gives screen readers the values as a table", () => {
    render(Chart, { chart: barsChart() });
    const table = screen.getByRole("table");
    expect(within(table).getByText("Coaching held steady at about two conversations per manager a week")).toBeTruthy();
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Month", "Conversations", "Playbook tasks"]);
    expect(within(table).getByText("<5 managers")).toBeTruthy();
  });

  it("says when there is nothing to draw yet", () => {
    const chart = scatterChart();
    if (chart.body.kind === "scatter") chart.body.points = [];
    render(Chart, { chart });
    expect(screen.getByText("No data to show yet.")).toBeTruthy();
    expect(screen.getByTestId("inputs-outcomes").querySelector("svg.plot, .plot svg")).toBeNull();
  });
});
