import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { dashboard } from "../../test/analytics";
import UnitBreakdown from "./UnitBreakdown.svelte";

afterEach(cleanup);

describe("UnitBreakdown", () => {
  it("lists the teams that can be shown with their change on each KPI, and counts the hidden ones", () => {
    const d = dashboard();
    render(UnitBreakdown, { units: d.units, kpiUnits: ["days", "%", "%"] });
    const rows = screen.getAllByTestId("unit-row");
    expect(rows).toHaveLength(5);
    expect(rows[0]!.textContent).toContain("Aisha Zhang's team (Sales West 3)");
    expect(rows[0]!.textContent).toContain("−6.2 days");
    expect(rows[0]!.textContent).toContain("+3.6 pts");
    expect(rows[0]!.dataset.arm).toBe("pilot");
    expect(rows.filter((r) => r.dataset.arm === "comparison")).toHaveLength(2);
    const note = screen.getByTestId("unit-hidden");
    expect(note.dataset.hidden).toBe("2");
    expect(note.textContent).toContain("2 teams are not shown");
  });

  it("marks a team's missing change with a dash rather than a zero", () => {
    const d = dashboard();
    d.units.rows = [{ ...d.units.rows[0]!, changes: [null, 0, 0.0225] }];
    d.units.hidden = 0;
    d.units.note = "";
    render(UnitBreakdown, { units: d.units, kpiUnits: ["days", "%", "%"] });
    const cells = [...screen.getByTestId("unit-row").querySelectorAll("td")].slice(-3).map((td) => td.textContent);
    expect(cells).toEqual(["—", "0 pts", "+0.023 pts"]);
    expect(screen.queryByTestId("unit-hidden")).toBeNull();
  });
});
