import { describe, expect, it } from "vitest";
import { candidates } from "../test/design";
import { armOf, assign, restAsComparison, teamOptions } from "./cohortTeams";

describe("hand-picked teams", () => {
  it("offers each team with managers once, with its managers and reports", () => {
    expect(teamOptions(candidates)).toEqual([
      { name: "Customer Support", managers: 2, people: 17 },
      { name: "Sales East", managers: 2, people: 14 },
    ]);
  });

  it("keeps a team in one arm at a time", () => {
    let arms = assign("Sales East", "pilot", [], ["Sales East", "Customer Support"]);
    expect(arms).toEqual({ pilot: ["Sales East"], comparison: ["Customer Support"] });
    expect(armOf("Sales East", arms.pilot, arms.comparison)).toBe("pilot");
    arms = assign("Sales East", "out", arms.pilot, arms.comparison);
    expect(arms).toEqual({ pilot: [], comparison: ["Customer Support"] });
    expect(armOf("Sales East", arms.pilot, arms.comparison)).toBe("out");
  });

  it("sets one region against the rest", () => {
    expect(restAsComparison(teamOptions(candidates), ["Sales East"])).toEqual(["Customer Support"]);
  });
});
