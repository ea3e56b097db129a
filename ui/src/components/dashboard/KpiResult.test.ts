import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { intervalPanel, notMeasuredPanel, placeboPanel } from "../../test/analytics";
import KpiResult from "./KpiResult.svelte";

afterEach(cleanup);

describe("KpiResult", () => {
  it("shows an interval, the randomisation test and strong evidence for many teams in a randomised design", () => {
    render(KpiResult, { panel: intervalPanel() });
    const improvement = screen.getByTestId("lift-improvement-1");
    expect(improvement.textContent).toContain("6.05 days");
    expect(improvement.textContent).toContain("better than the comparison group");
    expect(screen.getByTestId("lift-interval-1").textContent).toContain("5.51 to 6.58 days");
    expect(screen.getByTestId("lift-test-1").textContent).toContain("randomisation p = 0.002 (1,000 re-draws of the assignment)");
    expect(screen.queryByTestId("lift-no-interval-1")).toBeNull();
    const evidence = screen.getByTestId("lift-evidence-1");
    expect(evidence.textContent?.trim()).toBe("Strong evidence");
    expect(evidence.dataset.strength).toBe("strong");
    expect(evidence.querySelectorAll(".meter .on")).toHaveLength(4);
    expect(screen.getByTestId("criterion-1").dataset.met).toBe("true");
    expect(screen.getByTestId("criterion-1").textContent).toContain("Meets its criterion");
    expect(screen.queryByTestId("lift-limits-1")).toBeNull();
    expect(screen.getByTestId("pre-trends-1").textContent).toMatch(/pilot group \+0\.15 days, comparison group −0\.065 days/);
  });

  it("draws the series and the event study", () => {
    render(KpiResult, { panel: intervalPanel() });
    expect(screen.getByTestId("kpi-1-series")).toBeTruthy();
    expect(screen.getByTestId("kpi-1-event-study")).toBeTruthy();
  });

  it("never shows an interval for one pilot team: the placebo test and what the data cannot show instead", () => {
    render(KpiResult, { panel: placeboPanel() });
    expect(screen.getByTestId("lift-improvement-2").textContent).toContain("3.9 percentage points");
    expect(screen.queryByTestId("lift-interval-2")).toBeNull();
    expect(screen.getByTestId("lift-no-interval-2").textContent).toContain("None: too few teams for one");
    const test = screen.getByTestId("lift-test-2");
    expect(test.textContent).toContain("placebo p = 0.125 (rank 1 of 8)");
    const evidence = screen.getByTestId("lift-evidence-2");
    expect(evidence.textContent?.trim()).toBe("Limited evidence");
    expect(evidence.querySelectorAll(".meter .on")).toHaveLength(2);
    expect(screen.getByTestId("lift-limits-2").textContent).toContain("With one pilot team, the data cannot separate coaching");
    expect(screen.getByTestId("criterion-2").dataset.met).toBe("false");
    expect(screen.getByTestId("excluded-2").textContent).toContain("12 observations of people or teams outside the cohort");
    expect(screen.queryByTestId("kpi-2-event-study")).toBeNull();
  });

  it("warns when the criterion asks for less than the pilot can detect", () => {
    render(KpiResult, { panel: placeboPanel() });
    const mde = screen.getByTestId("mde-2");
    expect(mde.dataset.below).toBe("true");
    expect(mde.classList.contains("warning")).toBe(true);
    expect(mde.textContent).toContain("Warning:");
    expect(mde.textContent).toContain("The criterion asks for 2 percentage points, less than that");
  });

  it("shows the MDE plainly when the criterion is within reach", () => {
    render(KpiResult, { panel: intervalPanel() });
    const mde = screen.getByTestId("mde-1");
    expect(mde.dataset.below).toBe("false");
    expect(mde.classList.contains("warning")).toBe(false);
    expect(mde.textContent).toContain("The pilot can detect a change of 1.20 days or more");
  });

  it("says plainly why a KPI is not measured, with no figures", () => {
    render(KpiResult, { panel: notMeasuredPanel() });
    expect(screen.getByTestId("not-measured-3").textContent).toBe(
      "Not measured yet: the comparison group has fewer than 5 people with data, so no figure is shown (the privacy floor).",
    );
    expect(screen.queryByTestId("lift-improvement-3")).toBeNull();
    expect(screen.queryByTestId("lift-evidence-3")).toBeNull();
    expect(screen.queryByTestId("criterion-3")).toBeNull();
    expect(screen.getByTestId("mde-3").textContent).toContain("Minimum detectable effect: not yet known");
    expect(screen.getByTestId("kpi-3-series").textContent).toContain("No data to show yet.");
  });

  it("says worse, not a double negative, when the pilot group fell behind", () => {
    const panel = intervalPanel();
    const lift = panel.lift!;
    lift.improvement = -1.2;
    lift.display.improvement = "-1.20 days";
    render(KpiResult, { panel });
    const improvement = screen.getByTestId("lift-improvement-1");
    expect(improvement.dataset.better).toBe("false");
    expect(improvement.textContent).toContain("1.20 days");
    expect(improvement.textContent).not.toContain("-1.20");
    expect(improvement.textContent).toContain("worse than the comparison group");
  });
});
