import { describe, expect, it } from "vitest";
import { barsChart, curveChart, intervalsChart, scatterChart, seriesChart } from "../test/charts";
import { isEmpty, legendEntries, lineRows, palette, ROLE_STYLES, valueTable } from "./charts";

describe("lineRows", () => {
  it("breaks a line before a point that follows a gap, and never at the start", () => {
    const rows = lineRows([
      { x: "2027-01-01", y: 1, display: "1", gapBefore: true },
      { x: "2027-02-01", y: 2, display: "2", gapBefore: false },
      { x: "2027-04-01", y: 4, display: "4", gapBefore: true },
      { x: "not a date", y: 5, display: "5", gapBefore: false },
    ]);
    expect(rows.map((r) => r.y)).toEqual([1, 2, Number.NaN, 4]);
    expect(rows[2]?.x.toISOString().slice(0, 10)).toBe("2027-04-01");
  });
});

describe("roles", () => {
  it("differ in dash and marker as well as colour", () => {
    const styles = Object.values(ROLE_STYLES);
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(styles.length);
  });

  it("take their colours from the CSS variables, with the print colours as fallback", () => {
    const read = (name: string) => (name === "--chart-pilot" ? " #123456 " : "");
    const colours = palette(read);
    expect(colours.colour.pilot).toBe("#123456");
    expect(colours.colour.comparison).toBe("#c66100");
    expect(colours.fill.comparison).toBe("#f2a85a");
  });
});

describe("legendEntries", () => {
  it("names each line, each bar group and each role of points, and leaves rows to their labels", () => {
    expect(legendEntries(seriesChart()).map((e) => [e.label, e.swatch])).toEqual([
      ["Pilot group (6 teams)", "line"],
      ["Comparison group (7 teams)", "line"],
    ]);
    expect(legendEntries(barsChart()).map((e) => e.swatch)).toEqual(["bar", "bar"]);
    expect(legendEntries(scatterChart()).map((e) => e.label)).toEqual(["Pilot group", "Comparison group", "Fitted line: +0.45 pts per hour"]);
    expect(legendEntries(intervalsChart())).toEqual([]);
  });
});

describe("valueTable", () => {
  it("lists every printed value, including a hidden value's stand-in", () => {
    const table = valueTable(barsChart());
    expect(table.columns).toEqual(["Month", "Conversations", "Playbook tasks"]);
    expect(table.rows).toContainEqual(["Mar 2027", "<5 managers", "1.6"]);
    expect(valueTable(seriesChart()).rows).toContainEqual(["Comparison group (7 teams)", "1 Jan 2027", "72.2%"]);
    expect(valueTable(intervalsChart()).rows[2]).toEqual(["Escalation rate (one pilot unit)", "+0.0225 (no interval)"]);
    expect(valueTable(curveChart()).rows[0]).toEqual(["ROI at 80% confidence", "0", "-100"]);
  });
});

describe("isEmpty", () => {
  it("is true only when there is nothing to draw", () => {
    expect(isEmpty(seriesChart())).toBe(false);
    const empty = scatterChart();
    if (empty.body.kind === "scatter") empty.body.points = [];
    expect(isEmpty(empty)).toBe(true);
  });
});
