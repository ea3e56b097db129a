import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { asyncReport as report, velocity } from "../../test/portfolio";
import AsyncPanel from "./AsyncPanel.svelte";

afterEach(cleanup);

const text = (id: string) => (screen.getByTestId(id).textContent ?? "").replace(/\s+/g, " ").trim();

describe("AsyncPanel", () => {
  it("leads with the finding, then each figure, and the people without a live check-in", () => {
    render(AsyncPanel, { report: report() });
    expect(text("async-finding")).toBe(
      "0.29 notes of micro-feedback per person per week; work samples wait a median 4 days for their first feedback; " +
        "portfolio quality up 0.6 level between first and latest review; 2 people without a live check-in for 3 weeks.",
    );
    expect(text("async-frequency")).toContain("0.29");
    expect(text("async-frequency")).toContain("41 notes to 12 people");
    expect(text("async-first-feedback")).toContain("4 days");
    expect(text("async-first-feedback")).toContain("9 samples, 3 still waiting");
    expect(text("async-quality")).toContain("2.4 of 4");
    expect(text("async-quality-change")).toContain("+0.6");
    expect(text("async-quality-change")).toContain("1.9 → 2.5 over 5 people reviewed twice");
    expect(text("async-promotion")).toContain("0.69 vs 0.35");
    expect(text("async-promotion")).toContain("difference +0.34");
    expect(text("async-check-ins")).toContain("2 people without a live check-in for 3 weeks");
    expect(screen.getByTestId("async-check-ins-link").getAttribute("href")).toBe("#/skills/assignments");
    const rows = screen.getAllByTestId("async-team");
    expect(rows[0]!.textContent).toContain("30");
    expect(rows[1]!.dataset.hidden).toBe("true");
    expect(rows[1]!.textContent).toContain("Hidden: fewer than 5 people");
  });

  it("reads every held-back figure as hidden, never 0", () => {
    const hidden = report({
      pilotPeople: 3,
      hidden: true,
      frequency: { notes: 0, perPersonPerWeek: null, weekly: [] },
      firstFeedback: {
        people: 0, hidden: true, samples: 0, answered: 0, waiting: 0,
        medianDays: null, medianDaysAnswered: null, longestWaitDays: null,
      },
      quality: { reviewedPeople: 0, meanLevel: null, topLevel: 4, reviewedTwice: 0, firstMean: null, lastMean: null, change: null },
      promotion: {
        pilot: velocity({ hidden: true, perPersonYear: null }),
        comparison: velocity({ perPersonYear: 0.35 }),
        difference: null,
      },
      checkIns: { weeks: 3, flagged: null },
      teams: [{ team: "Support Tier 2", people: 3, hidden: true, notes: null, perPersonPerWeek: null, meanLevel: null }],
    });
    render(AsyncPanel, { report: hidden });
    expect(text("async-finding")).toBe("The async figures are hidden: the pilot's teams have 3 people, fewer than 5.");
    for (const id of ["async-frequency", "async-first-feedback", "async-quality", "async-quality-change", "async-promotion"]) {
      const value = screen.getByTestId(id).querySelector("dd")!.textContent!.trim();
      expect(value, id).toBe("Hidden");
    }
    expect(text("async-check-ins")).toContain("Hidden");
    expect(text("async-check-ins")).not.toMatch(/\b0\b/);
    expect(screen.queryByTestId("async-check-ins-link")).toBeNull();
    expect(screen.queryByTestId("async-teams")).toBeNull();
  });

  it("tells a figure held back under a shown group from one not there yet", () => {
    render(AsyncPanel, {
      report: report({
        firstFeedback: {
          people: 3, hidden: true, samples: 0, answered: 0, waiting: 0,
          medianDays: null, medianDaysAnswered: null, longestWaitDays: null,
        },
        quality: { reviewedPeople: 4, meanLevel: null, topLevel: 4, reviewedTwice: 0, firstMean: null, lastMean: null, change: null },
        checkIns: { weeks: 4, flagged: 0 },
      }),
    });
    expect(screen.getByTestId("async-first-feedback").querySelector("dd")!.textContent).toBe("Hidden");
    expect(text("async-first-feedback")).toContain("fewer than 5 people added work samples");
    expect(screen.getByTestId("async-quality").querySelector("dd")!.textContent).toBe("Hidden");
    expect(screen.getByTestId("async-quality-change").querySelector("dd")!.textContent).toBe("—");
    expect(text("async-check-ins")).toBe("Everyone with async coaching had a live check-in in the last 4 weeks.");
    expect(text("async-finding")).toBe("0.29 notes of micro-feedback per person per week.");
  });
});
