import { describe, expect, it } from "vitest";
import { describeSummary, KIND_INFO, KINDS, kindLabel } from "./imports";

describe("imports", () => {
  it("offers every kind the backend reads, xAPI last as it holds coaching and module statements", () => {
    expect(KINDS).toEqual(["people", "events", "observations", "module_progress", "xapi"]);
    expect(KIND_INFO.module_progress.destination.href).toBe("#/skills/assignments");
    expect(KIND_INFO.xapi.also?.href).toBe("#/skills/assignments");
  });

  it("counts as the backend does: module assignments, and xAPI statements of either kind", () => {
    const base = { fileName: "f", rows: 3, inserted: 0, updated: 3, unchanged: 0, dryRun: true, importId: null, notes: [] };
    expect(describeSummary({ ...base, kind: "module_progress" })).toBe("3 module assignments: 0 new, 3 changed, 0 unchanged");
    expect(describeSummary({ ...base, kind: "xapi", rows: 1, updated: 1 })).toBe("1 xAPI statement: 0 new, 1 changed, 0 unchanged");
  });

  it("names a recorded import's kind in words", () => {
    expect(kindLabel("module_progress")).toBe("Module progress");
    expect(kindLabel("xapi")).toBe("xAPI statements");
    expect(kindLabel("generated")).toBe("generated");
    expect(kindLabel("some_other")).toBe("some other");
  });
});
