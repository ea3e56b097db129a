import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { BudgetEstimate } from "../../api";
import CostAgainstCommitted from "./CostAgainstCommitted.svelte";

function estimate(over: Partial<BudgetEstimate> = {}): BudgetEstimate {
  return {
    rows: [],
    toolingAndAnalytics: 1_800_000,
    vendor: 48_000,
    peopleTime: 653_250,
    total: 2_501_250,
    managers: 2,
    coachees: 13,
    weeks: 13,
    ...over,
  };
}

afterEach(() => cleanup());

describe("the money in front of the voters", () => {
  it("sets the fully loaded cost, its parts and the committed budget side by side", () => {
    render(CostAgainstCommitted, { estimate: estimate(), committed: 1_800_000, currency: "USD" });
    expect(screen.getByTestId("cost-total").textContent).toBe("USD 25,012.50");
    expect(screen.getByTestId("cost-committed").textContent).toBe("USD 18,000");
    expect(screen.getByTestId("cost-time").textContent).toBe("USD 6,532.50");
    expect(screen.getByTestId("proposal-cost").textContent).toContain("2 managers and 13 coachees over 13 weeks");
  });

  it("says when the committed budget is not itemised and when no hours are entered", () => {
    const rows = [{ label: "Committed for tooling and analytics, not yet in budget lines", basis: "", amount: 1_800_000 }];
    render(CostAgainstCommitted, {
      estimate: estimate({ rows, vendor: 0, peopleTime: 0, total: 1_800_000 }),
      committed: 1_800_000,
      currency: "USD",
    });
    const text = screen.getByTestId("proposal-cost").textContent ?? "";
    expect(text).toContain("Tooling and analytics (committed, not all itemised)");
    expect(text).toContain("People's time · No hours entered");
  });
});
