import { describe, expect, it } from "vitest";
import type { PackKind } from "../api";
import { packKindLabel } from "./packs";

describe("packKindLabel", () => {
  it("names every pack kind in words", () => {
    const kinds: PackKind[] = ["proposal", "decision", "monthly", "day45_review", "outcome"];
    expect(kinds.map(packKindLabel)).toEqual([
      "Proposal pack",
      "Decision record",
      "Monthly pack",
      "Day-45 review pack",
      "Day-90 outcome pack",
    ]);
  });

  it("shows a kind it does not know as it is", () => {
    expect(packKindLabel("quarterly" as PackKind)).toBe("quarterly");
  });
});
