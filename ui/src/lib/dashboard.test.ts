import { describe, expect, it } from "vitest";
import {
  dayText,
  evidenceLabel,
  formatPercent,
  formatPoints,
  formatShare,
  hasDashboard,
  indexedField,
  monthsToPick,
  outcomeGates,
  statedIntangibles,
} from "./dashboard";

describe("dashboard words and figures", () => {
  it("keeps the digits a share's scale needs: never 0.0% for something that is not zero", () => {
    expect(formatShare(0.0225)).toBe("2.3%");
    expect(formatShare(0.0004)).toBe("0.04%");
    expect(formatShare(0.25)).toBe("25%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.8891)).toBe("89%");
    expect(formatPercent(1145.337)).toBe("1,145%");
    expect(formatPercent(-100)).toBe("-100%");
    expect(formatPercent(4.26)).toBe("4.3%");
  });

  it("signs differences in percentage points", () => {
    expect(formatPoints(0.012)).toBe("+1.2 pts");
    expect(formatPoints(-0.0004)).toBe("−0.04 pts");
    expect(formatPoints(0)).toBe("0 pts");
  });

  it("has a dashboard from running on, not before", () => {
    expect(["draft", "ready", "submitted", "approved", "changes_requested", "rejected"].some((s) => hasDashboard(s as never))).toBe(false);
    expect(["running", "day45_review", "day90_outcome", "scaled", "iterating", "stopped"].every((s) => hasDashboard(s as never))).toBe(true);
  });

  it("names evidence strength in words", () => {
    expect(evidenceLabel("strong")).toBe("Strong evidence");
    expect(evidenceLabel("weak")).toBe("Weak evidence");
  });

  it("offers the months from the pilot's start to this month, newest first, across a year end", () => {
    expect(monthsToPick("2026-11-30", "2027-02-03")).toEqual(["2027-02", "2027-01", "2026-12", "2026-11"]);
    expect(monthsToPick("2027-03-01", "2027-02-03")).toEqual([]);
  });

  it("opens the day-45 pack on day 45 and the day-90 pack on the end date", () => {
    expect(outcomeGates("2026-08-31", "2026-11-29", "2026-10-14")).toEqual({ day45: false, day90: false });
    expect(outcomeGates("2026-08-31", "2026-11-29", "2026-10-15")).toEqual({ day45: true, day90: false });
    expect(outcomeGates("2026-08-31", "2026-11-29", "2026-11-28")).toEqual({ day45: true, day90: false });
    expect(outcomeGates("2026-08-31", "2026-11-29", "2026-11-29")).toEqual({ day45: true, day90: true });
  });

  it("says where a pilot is from its day", () => {
    expect(dayText(-1)).toBe("Starts in 1 day");
    expect(dayText(0)).toBe("Day 0 of 90");
    expect(dayText(90)).toBe("Day 90 of 90");
    expect(dayText(102)).toBe("Ended 12 days ago");
  });

  it("keeps only the intangibles people listed, not the core's lines about unmonetised KPIs", () => {
    expect(
      statedIntangibles(
        [
          "Managers' confidence",
          "Team engagement: 0.4 points better (measured, not monetised)",
          "Renewals: monetised, but not counted: its lift cannot be measured yet",
          "Renewals: fewer escalations",
        ],
        ["Team engagement", "Renewals"],
      ),
    ).toEqual(["Managers' confidence", "Renewals: fewer escalations"]);
  });

  it("reads indexed field names from the backend", () => {
    expect(indexedField("assumptions[2].confidence", "assumptions")).toEqual({ index: 2, name: "confidence" });
    expect(indexedField("intangibles[1]", "intangibles")).toEqual({ index: 1, name: "" });
    expect(indexedField("confidence", "assumptions")).toBeNull();
  });
});
