import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { FlightRisk } from "../../api";
import FlightRiskPanel from "./FlightRiskPanel.svelte";

afterEach(cleanup);

function risk(overrides: Partial<FlightRisk> = {}): FlightRisk {
  return {
    windowStart: "2026-08-31",
    windowEnd: "2026-11-29",
    days: 91,
    floor: 5,
    pilot: {
      arm: "pilot",
      figures: {
        headcount: 120,
        leavers: { count: 3, rate: 0.025, annualisedRate: 0.1003 },
        moves: { count: 1, rate: 0.008333, annualisedRate: 0.0334 },
      },
      note: null,
    },
    comparison: {
      arm: "comparison",
      figures: {
        headcount: 138,
        leavers: { count: 6, rate: 0.0435, annualisedRate: 0.1744 },
        moves: { count: 0, rate: 0, annualisedRate: 0 },
      },
      note: null,
    },
    difference: { leavers: { rate: -0.0185, annualisedRate: -0.0741 }, moves: { rate: 0.008333, annualisedRate: 0.0334 } },
    summary:
      "From 31 Aug 2026 to 29 Nov 2026 (91 days), 2.5% of the pilot group left against 4.3% of the comparison group, and 0.83% moved team or manager against 0%.",
    ...overrides,
  };
}

describe("FlightRiskPanel", () => {
  it("shows each arm's leavers and moves as rates that keep their digits, and the difference in points", () => {
    render(FlightRiskPanel, { risk: risk() });
    const pilot = screen.getByTestId("risk-pilot").textContent ?? "";
    expect(pilot).toContain("120");
    expect(pilot).toContain("2.5%");
    expect(pilot).toContain("0.83%");
    expect(pilot).not.toMatch(/\b0\.0%/);
    const difference = screen.getByTestId("risk-difference").textContent ?? "";
    expect(difference).toContain("−1.8 pts");
    expect(difference).toContain("+0.83 pts");
    expect(screen.getByTestId("flight-risk").textContent).toContain("no person is scored");
  });

  it("shows nothing about an arm under the privacy floor, and no difference", () => {
    render(FlightRiskPanel, {
      risk: risk({
        comparison: { arm: "comparison", figures: null, note: "fewer than 5 people: not shown" },
        difference: null,
      }),
    });
    expect(screen.getByTestId("risk-pilot")).toBeTruthy();
    expect(screen.queryByTestId("risk-comparison")).toBeNull();
    expect(screen.queryByTestId("risk-difference")).toBeNull();
    expect(screen.getByTestId("risk-hidden-comparison").textContent).toBe("Comparison group: Fewer than 5 people: not shown");
    expect(screen.getByTestId("flight-risk").textContent).not.toContain("138");
  });
});
