import { describe, expect, it } from "vitest";
import { pilotDesign } from "../../test/design";
import { openStep1Items, submitBlocker } from "./submitReadiness";

describe("submitBlocker", () => {
  it("counts the Step 1 items neither met nor waived, leaving later steps out", () => {
    const { readiness } = pilotDesign();
    expect(openStep1Items(readiness).map((i) => i.key)).toEqual(["playbooks", "ai_agenda", "kpis", "cohort"]);
    expect(submitBlocker(readiness)).toBe("4 checklist items in Step 1 are still open");
  });

  it("says nothing once Step 1 is complete", () => {
    const { readiness } = pilotDesign();
    expect(submitBlocker({ ...readiness, step1Complete: true })).toBeNull();
  });

  it("still blocks when the backend says Step 1 is incomplete without an open item to name", () => {
    const { readiness } = pilotDesign();
    const steps = readiness.steps.map((s) => ({ ...s, items: s.items.filter((i) => i.status !== "not_met") }));
    expect(submitBlocker({ ...readiness, steps })).toBe("Step 1 of the checklist is not complete yet");
  });
});
