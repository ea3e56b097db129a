import { describe, expect, it } from "vitest";

// The app leaves out Vite's client types; this is the one call of theirs used here.
declare global {
  interface ImportMeta {
    glob(patterns: string[], options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}

// The designer's page scrolls as one: neither the checklist beside a section nor the cohort's
// pickers may become a scroll box of their own inside it. jsdom lays nothing out, so the
// styles themselves are read.
const sources = import.meta.glob(["./*.svelte", "../cohort/*.svelte", "../pilot/DesignSection.svelte"], {
  query: "?raw",
  import: "default",
  eager: true,
});

function styles(source: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? "";
}

describe("the designer's checklist and pickers", () => {
  it("are read", () => {
    expect(Object.keys(sources)).toEqual(
      expect.arrayContaining(["./ChecklistPanel.svelte", "../cohort/ManagerPicker.svelte", "../pilot/DesignSection.svelte"]),
    );
  });

  it.each(Object.keys(sources))("%s has no scroll box of its own", (file) => {
    const css = styles(sources[file]!);
    expect(css).not.toMatch(/overflow(-y)?\s*:\s*(auto|scroll)/);
    expect(css).not.toMatch(/max-height\s*:/);
  });
});
