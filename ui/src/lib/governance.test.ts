import { describe, expect, it } from "vitest";
import { FUNCTION_ORDER, functionLabel, speaksFor } from "./governance";

describe("steering-group functions", () => {
  it("names the function a member represents, not their job", () => {
    expect(functionLabel("frontline")).toBe("Front line");
    expect(FUNCTION_ORDER.map(functionLabel)).toEqual(["HR", "Analytics", "Finance", "Front line", "Other"]);
  });

  it("phrases it to follow a job title", () => {
    expect(`VP Sales · ${speaksFor("frontline")}`).toBe("VP Sales · speaks for the front line");
    expect(speaksFor("hr")).toBe("speaks for HR");
    expect(speaksFor("finance")).toBe("speaks for finance");
    expect(speaksFor("other")).toBe("speaks for another function");
  });
});
